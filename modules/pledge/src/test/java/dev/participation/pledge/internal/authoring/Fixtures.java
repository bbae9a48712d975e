package dev.participation.pledge.internal.authoring;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.participation.api.account.Accounts;
import dev.participation.pledge.api.Audience;
import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.PledgeVersion;
import dev.participation.pledge.api.Principle;
import dev.participation.pledge.api.Signatory;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.StaffPage;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.staff.RoutedAction;
import dev.participation.testing.FakeStaffRequest;
import dev.participation.testing.People;
import dev.participation.testing.StaffPosts;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Pledge content to start from, and ways to read what a page answered. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2025-06-01T10:15:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final long ID = 7;
    /** The draft revision every page in these tests is drawn from. */
    static final int REVISION = 5;

    private Fixtures() {
    }

    static Principle principle(String key, String title, Commitment... commitments) {
        return new Principle(key, title, "We promise " + title.toLowerCase(), "", "", "", List.of(commitments));
    }

    static Commitment commitment(String key, String text) {
        return new Commitment(key, text, "");
    }

    static PledgeContent content(Principle... principles) {
        return new PledgeContent("Our participation pledge", Audience.CHILDREN_AND_YOUNG_PEOPLE,
                "Why we make this pledge.", "", List.of(principles),
                List.of(new Signatory("Youth Cabinet", "", LocalDate.of(2024, 3, 1))));
    }

    static PledgeDraft draft(PledgeContent content) {
        return new PledgeDraft(ID, "our-pledge", content, NOW, "edith", 2, true, REVISION);
    }

    static PledgeVersion version(int number, PledgeContent content) {
        return new PledgeVersion(number, NOW.minusSeconds(86400L * (10 - number)), "edith", 0, content);
    }

    /** The portal's accounts: Edith and Sam are known by name; anyone else's account is gone. */
    static Accounts accounts() {
        Accounts accounts = mock(Accounts.class);
        when(accounts.find(anyString())).thenReturn(Optional.empty());
        for (Person p : List.of(People.EDITOR, People.STAFF)) {
            when(accounts.find(p.id())).thenReturn(Optional.of(p));
        }
        return accounts;
    }

    /** An editor on the authoring pages. */
    static FakeStaffRequest editor(String path) {
        return FakeStaffRequest.to(PledgeAuthoringPage.KEY, path, People.EDITOR);
    }

    /** An editor on the evidence pages (so also staff, who reach them), who may approve what staff added. */
    static FakeStaffRequest evidenceEditor(String path) {
        return FakeStaffRequest.to(PledgeEvidencePage.KEY, path, People.STAFF_EDITOR);
    }

    static FakeStaffRequest staff(String path) {
        return FakeStaffRequest.to(PledgeEvidencePage.KEY, path, People.STAFF);
    }

    /** Posts as the portal does: to the page's registered action for the path, role checked. */
    static StaffPosts posts(StaffPage page) {
        List<RoutedAction> actions = new ArrayList<>();
        for (Class<?> type : PledgeActions.class.getDeclaredClasses()) {
            for (Constructor<?> constructor : type.getConstructors()) {
                if (constructor.getParameterTypes()[0].isInstance(page)) {
                    try {
                        actions.add((RoutedAction) constructor.newInstance(page));
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        return StaffPosts.of(page, actions);
    }

    static Document html(WidgetView view) {
        return Jsoup.parseBodyFragment(view.html());
    }

    static PostOutcome.Done done(PostOutcome outcome) {
        if (!(outcome instanceof PostOutcome.Done done)) {
            throw new AssertionError("expected the post to succeed, got " + outcome);
        }
        return done;
    }
}
