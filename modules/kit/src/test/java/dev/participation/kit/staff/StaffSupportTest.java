package dev.participation.kit.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.participation.api.widget.CsrfField;
import dev.participation.api.widget.Links;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.Roles;
import dev.participation.api.widget.StaffAction;
import dev.participation.api.widget.StaffPage;
import dev.participation.api.widget.StaffRequest;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.TestLinks;

import org.junit.jupiter.api.Test;

/** A tiny staff page ("people/{name}" with a date of birth form) on the kit's framework. */
class StaffSupportTest {

    /** The typed view model of the form screen. */
    public record Born(String name, String cancel) {
    }

    private static final Person STAFF = new Person("sam", "Sam Staff", Set.of(Roles.STAFF));
    private static final Person EDITOR = new Person("edith", "Edith Editor", Set.of(Roles.STAFF, Roles.EDITOR));

    private final List<LocalDate> saved = new ArrayList<>();
    private final StaffSupport support = new StaffSupport(StaffSupportTest.class, "/templates/staff",
            new String[] {"testing/Language"}, Clock.fixed(Instant.parse("2025-06-01T23:30:00Z"), ZoneOffset.UTC),
            this::route, id -> "edith".equals(id) ? Optional.of(EDITOR) : Optional.empty());

    private Endpoint route(Screen s) {
        List<String> p = s.segments();
        if (p.size() != 2 || !"people".equals(p.get(0)) || !"ada".equals(p.get(1))) {
            throw new NotFound(s.request().path());
        }
        return Endpoint.of(x -> x.view("Ada", "born.ftlh", new Born("Ada", x.href("people"))), "born", this::save);
    }

    private PostOutcome save(Screen s) {
        Form form = Form.read(s.request(), DateInput.fields("born"));
        Optional<LocalDate> born = DateInput.read(form, "born", s.today());
        if (born.isEmpty()) {
            return s.invalid(s.view("Ada", "born.ftlh", new Born("Ada", s.href("people")), form));
        }
        saved.add(born.get());
        return s.done("people", "saved");
    }

    private final StaffPage page = new RoutedStaffPage("people", "test.widget", Roles.STAFF, support) {
    };

    /** Only editors may record a date of birth here. */
    private final StaffAction born = new RoutedAction(support, "born", Roles.EDITOR) {
    };

    private PostOutcome post(StaffRequest request) {
        return StaffActions.dispatch(page, request,
                (key, name) -> "people".equals(key) && "born".equals(name) ? Optional.of(born) : Optional.empty());
    }

    @Test
    void aScreenReadsItsTypedViewModelAndTheFormsSharedValues() {
        WidgetView view = page.render(request("people/ada", STAFF));

        assertThat(view.status()).isEqualTo(200);
        assertThat(view.title()).contains("Ada");
        assertThat(view.html()).contains("<h2>Ada</h2>").contains("href=\"/intranet/people/people\"")
                .contains("action=\"/intranet/people/people/ada\"").contains("name=\"_csrf\" value=\"t\"")
                .contains("name=\"born-day\"").contains("For example, 27 3 2025");
    }

    @Test
    void aPathThatNamesNothingIsTheKitsNotFoundScreenWith404() {
        WidgetView view = page.render(request("people/bob", STAFF));

        assertThat(view.status()).isEqualTo(WidgetView.NOT_FOUND);
        assertThat(view.title()).contains("Page not found");
        assertThat(view.html()).contains("href=\"/intranet/people/\"");
    }

    @Test
    void aPostRunsOnlyForThoseHoldingTheActionsRoleAndKeepsWhatWasTyped() {
        assertThat(post(request("people/ada", STAFF, "born-day", "3", "born-month", "4", "born-year", "1990")))
                .isInstanceOf(PostOutcome.Forbidden.class);
        assertThat(saved).isEmpty();

        PostOutcome invalid = post(request("people/ada", EDITOR, "born-day", "31", "born-month", "2", "born-year", "1990"));
        assertThat(invalid).isInstanceOf(PostOutcome.Invalid.class);
        String html = ((PostOutcome.Invalid) invalid).view().html();
        assertThat(html).contains("The date must be a real date").contains("href=\"#born-day\"")
                .contains("value=\"31\"").contains("value=\"1990\"");

        PostOutcome done = post(request("people/ada", EDITOR, "born-day", "3", "born-month", "4", "born-year", "1990"));
        assertThat(done).isEqualTo(PostOutcome.done("/intranet/people/people", Message.of("saved")));
        assertThat(saved).containsExactly(LocalDate.of(1990, 4, 3));
    }

    @Test
    void todayIsTheDateInTheCouncilsZoneNotTheServers() {
        // 23:30 UTC on 1 June is already 2 June in London (summer time).
        PostOutcome future = post(request("people/ada", EDITOR, "born-day", "2", "born-month", "6", "born-year", "2025"));

        assertThat(future).isInstanceOf(PostOutcome.Done.class);
    }

    @Test
    void aPostToSomethingGoneGoesBackToTheStartWithANoticeAndAPostNobodyTakesIsNotAccepted() {
        assertThat(post(request("people/bob", EDITOR))).isEqualTo(
                PostOutcome.done("/intranet/people/", Message.of("staff.notice.notFound")));
        assertThat(StaffActions.dispatch(page, request("people/ada", EDITOR), (key, name) -> Optional.empty()))
                .isInstanceOf(PostOutcome.NotAccepted.class);
    }

    @Test
    void peopleAreNamedByTheirAccountsNameTodayOrTheirIdWhenItIsGone() {
        Screen s = support.screen(request("people/ada", STAFF));

        assertThat(s.who("edith")).isEqualTo("Edith Editor (edith)");
        assertThat(s.who("gone.person")).isEqualTo("gone.person");
        assertThat(s.dateTime(Instant.parse("2025-06-01T23:30:00Z"))).isEqualTo("2 June 2025, 00:30");
    }

    @Test
    void anActionMadeFromItsPageNeedsThePagesRole() {
        RoutedStaffPage editorsPage = new RoutedStaffPage("people", "test.widget", Roles.EDITOR, support) {
        };

        assertThat(new RoutedAction(editorsPage, "born") {
        }.requiredRole()).isEqualTo(Roles.EDITOR);
        assertThat(new RoutedAction(editorsPage, "born") {
        }.name()).isEqualTo("born");
    }

    @Test
    void withoutThePortalsAccountsPeopleAreNamedByTheirIds() {
        StaffSupport withoutAccounts = new StaffSupport(StaffSupportTest.class, "/templates/staff",
                new String[] {"testing/Language"}, Clock.systemUTC(), this::route, StaffSupport.namesFrom(null));

        assertThat(withoutAccounts.screen(request("people/ada", STAFF)).who("edith")).isEqualTo("edith");
    }

    private static StaffRequest request(String path, Person person, String... parameters) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            values.put(parameters[i], List.of(parameters[i + 1]));
        }
        return new StaffRequest() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public Optional<Person> person() {
                return Optional.of(person);
            }

            @Override
            public Locale locale() {
                return Locale.UK;
            }

            @Override
            public java.time.ZoneId timeZone() {
                return java.time.ZoneId.of("Europe/London");
            }

            @Override
            public Map<String, List<String>> parameters() {
                return values;
            }

            @Override
            public String namespace() {
                return "";
            }

            @Override
            public CsrfField csrf() {
                return new CsrfField("_csrf", "t");
            }

            @Override
            public Links links() {
                return new TestLinks("/intranet/people/", "/intranet/people/" + path);
            }

            @Override
            public Optional<Message> notice() {
                return Optional.empty();
            }
        };
    }
}
