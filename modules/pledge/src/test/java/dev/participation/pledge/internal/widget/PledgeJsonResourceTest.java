package dev.participation.pledge.internal.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.participation.api.json.ApiProblem;
import dev.participation.api.json.JsonRequest;
import dev.participation.pledge.api.Audience;
import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.Evidence;
import dev.participation.pledge.api.EvidenceSummary;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.Pledges;
import dev.participation.pledge.api.Principle;
import dev.participation.pledge.api.PublishedPledge;
import dev.participation.pledge.api.Signatory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PledgeJsonResourceTest {

    private final Pledges pledges = mock(Pledges.class);
    private final PledgeJsonResource resource = new PledgeJsonResource(pledges);

    private static PublishedPledge pledge() {
        PledgeContent content = new PledgeContent("Our promise", Audience.CHILDREN_AND_YOUNG_PEOPLE, "Intro.",
                "Easy intro.",
                List.of(new Principle("space", "Space", "A safe place to talk.", "A safe place.",
                        "https://example.org/a.png", "Two young people talking",
                        List.of(new Commitment("space-1", "Running youth groups.", "Groups for you."),
                                new Commitment("space-2", "Meeting where you like.", "")))),
                List.of(new Signatory("Youth Cabinet", "", LocalDate.of(2025, 1, 20))));
        Evidence latest = new Evidence(4, "space-1", LocalDate.of(2025, 3, 12), "Quiet rooms opened.", "",
                "a.worker", Instant.parse("2025-03-13T10:00:00Z"), "an.editor");
        return new PublishedPledge(7, "our-promise", 3, Instant.parse("2025-01-20T09:00:00Z"), content,
                Map.of("space-1", new EvidenceSummary(2, latest)));
    }

    private static JsonRequest get(String... segments) {
        return new JsonRequest(List.of(segments), Map.of(), Locale.UK);
    }

    @AfterEach
    void neverReadsDrafts() {
        verify(pledges, never()).drafts();
        verify(pledges, never()).draft(anyLong());
    }

    @Test
    void listsThePublishedPledges() {
        when(pledges.published()).thenReturn(List.of(pledge()));

        Object answer = resource.get(get());

        assertThat(answer).isEqualTo(List.of(new PledgeJson.Summary("our-promise", "Our promise",
                "children-and-young-people", "Children and young people", 3,
                Instant.parse("2025-01-20T09:00:00Z"))));
    }

    @Test
    void returnsOnePublishedPledgeWithItsEvidence() {
        when(pledges.published("our-promise")).thenReturn(Optional.of(pledge()));

        PledgeJson.Pledge answer = (PledgeJson.Pledge) resource.get(get("our-promise"));

        assertThat(answer.title()).isEqualTo("Our promise");
        assertThat(answer.version()).isEqualTo(3);
        assertThat(answer.easyReadIntroduction()).isEqualTo("Easy intro.");
        PledgeJson.Part part = answer.principles().get(0);
        assertThat(part.easyReadPromise()).isEqualTo("A safe place.");
        assertThat(part.image()).isEqualTo(new PledgeJson.Image("https://example.org/a.png",
                "Two young people talking"));
        assertThat(part.commitments()).containsExactly(
                new PledgeJson.Action("space-1", "Running youth groups.", "Groups for you.",
                        new PledgeJson.EvidenceJson(2, new PledgeJson.LatestEvidence(LocalDate.of(2025, 3, 12),
                                "Quiet rooms opened.", null))),
                new PledgeJson.Action("space-2", "Meeting where you like.", null,
                        new PledgeJson.EvidenceJson(0, null)));
        assertThat(answer.signatories()).containsExactly(new PledgeJson.Signer("Youth Cabinet", null,
                LocalDate.of(2025, 1, 20)));
        // Who added the evidence is staff data and never leaves.
        assertThat(answer.toString()).doesNotContain("a.worker");
    }

    @Test
    void unknownOrUnpublishedPledgeIsNotFound() {
        when(pledges.published("draft-only")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> resource.get(get("draft-only")))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> resource.get(get("our-promise", "extra")))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> resource.get(get("Not A Slug")))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(404));
    }

    @Test
    void openApiFragmentDescribesBothPathsAndResolvesEveryReference() throws IOException {
        assertThat(resource.name()).isEqualTo("pledges");
        String json;
        try (InputStream in = resource.openApi().openStream()) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(json).contains("\"/api/pledges\"", "\"/api/pledges/{slug}\"", "\"format\": \"date-time\"",
                "\"format\": \"date\"");
        Set<String> defined = new HashSet<>(Set.of("Problem"));
        Matcher names = Pattern.compile("\"(Pledge[A-Za-z]*)\": \\{").matcher(json);
        while (names.find()) {
            defined.add(names.group(1));
        }
        Matcher refs = Pattern.compile("#/components/schemas/([A-Za-z]+)").matcher(json);
        int count = 0;
        while (refs.find()) {
            assertThat(defined).as("schema " + refs.group(1)).contains(refs.group(1));
            count++;
        }
        assertThat(count).isGreaterThan(5);
        // Every property the records carry is described.
        for (var component : PledgeJson.Pledge.class.getRecordComponents()) {
            assertThat(json).contains("\"" + component.getName() + "\"");
        }
        for (var component : PledgeJson.Action.class.getRecordComponents()) {
            assertThat(json).contains("\"" + component.getName() + "\"");
        }
    }
}
