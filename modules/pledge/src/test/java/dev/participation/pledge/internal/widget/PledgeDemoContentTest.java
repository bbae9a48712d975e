package dev.participation.pledge.internal.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.participation.api.page.WidgetInstance;
import dev.participation.api.page.WidgetInstances;
import dev.participation.pledge.api.Audience;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.PledgeRules;
import dev.participation.pledge.api.Pledges;
import dev.participation.pledge.api.Principle;
import dev.participation.pledge.api.PublishedPledge;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class PledgeDemoContentTest {

    private static final String YOUNG = "our-promise-to-children-and-young-people";
    private static final String PARENTS = "our-charter-for-parents-and-carers";

    private final Pledges pledges = mock(Pledges.class);
    private final WidgetInstances instances = mock(WidgetInstances.class);
    private final PledgeDemoContent demo = new PledgeDemoContent(pledges, instances);

    private static PublishedPledge published(String slug) {
        return new PublishedPledge(1, slug, 1, Instant.now(), new PledgeContent("t", Audience.EVERYONE, "", "",
                List.of(), List.of()), Map.of());
    }

    @Test
    void createsPublishesAndPlacesBoth() {
        when(pledges.published(anyString())).thenReturn(Optional.empty());
        when(pledges.create(anyString(), any(), eq("admin"))).thenAnswer(call -> new PledgeDraft(
                call.getArgument(0).equals(YOUNG) ? 1 : 2, call.getArgument(0), call.getArgument(1),
                Instant.now(), "admin", 0, true, 1));
        when(pledges.published()).thenReturn(List.of(published(YOUNG), published(PARENTS)));
        when(instances.onPage("pledge")).thenReturn(List.of());

        demo.install("admin");

        assertThat(demo.key()).isEqualTo("pledge.demo");
        ArgumentCaptor<PledgeContent> content = ArgumentCaptor.forClass(PledgeContent.class);
        verify(pledges).create(eq(YOUNG), content.capture(), eq("admin"));
        verify(pledges).create(eq(PARENTS), content.capture(), eq("admin"));
        verify(pledges).publish(1, 1, "admin");
        verify(pledges).publish(2, 1, "admin");

        PledgeContent young = content.getAllValues().get(0);
        assertThat(young.audience()).isEqualTo(Audience.CHILDREN_AND_YOUNG_PEOPLE);
        assertThat(young.principles()).extracting(Principle::title)
                .containsExactly("Space", "Voice", "Audience", "Influence", "Impact");
        assertThat(young.principles()).allSatisfy(p -> {
            assertThat(p.commitments()).hasSizeBetween(2, 4);
            assertThat(p.easyReadPromise()).isNotBlank();
        });
        assertThat(young.principles().stream().flatMap(p -> p.commitments().stream())
                .filter(c -> !c.easyReadText().isBlank()).count()).isGreaterThanOrEqualTo(5);
        assertThat(young.signatories()).hasSize(2);
        assertThat(young.introduction()).contains("\n\n");
        assertThat(PledgeRules.checkPublishable(young)).isEmpty();

        PledgeContent parents = content.getAllValues().get(1);
        assertThat(parents.audience()).isEqualTo(Audience.PARENTS_AND_CARERS);
        assertThat(parents.principles()).extracting(Principle::title)
                .containsExactly("Information", "Communication", "Relationships");
        assertThat(PledgeRules.checkPublishable(parents)).isEmpty();

        String evidenceKey = "influence-1";
        assertThat(young.principles().stream().flatMap(p -> p.commitments().stream())
                .anyMatch(c -> c.key().equals(evidenceKey))).isTrue();
        verify(pledges).addEvidence(eq(1L), eq(evidenceKey), eq(LocalDate.of(2025, 3, 12)), anyString(), eq(""),
                eq("admin"), eq(true));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, String>> prefs = ArgumentCaptor.forClass(Map.class);
        verify(instances, times(2)).place(eq("pledge"), eq("pledge"), prefs.capture(), eq("admin"));
        assertThat(prefs.getAllValues().get(0)).containsEntry("pledge", YOUNG).containsEntry("layout", "full");
        assertThat(prefs.getAllValues().get(1)).containsEntry("pledge", PARENTS).containsEntry("layout", "cards");
    }

    @Test
    void doesNotRepeatWhatIsAlreadyThere() {
        when(pledges.published(anyString())).thenAnswer(call -> Optional.of(published(call.getArgument(0))));
        when(pledges.published()).thenReturn(List.of(published(YOUNG), published(PARENTS)));
        when(instances.onPage("pledge")).thenReturn(List.of(
                new WidgetInstance("a", "pledge", 0, "pledge", Map.of("pledge", YOUNG), Instant.now(), "admin"),
                new WidgetInstance("b", "pledge", 1, "pledge", Map.of("pledge", PARENTS), Instant.now(), "admin")));

        demo.install("admin");

        verify(pledges, never()).create(anyString(), any(), anyString());
        verify(instances, never()).place(anyString(), anyString(), any(), anyString());
    }
}
