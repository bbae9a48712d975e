package dev.participation.portlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.Constructor;
import java.time.ZoneId;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.portlet.Portlet;

import dev.participation.api.audit.AuditEntry;
import dev.participation.api.widget.StaffAction;
import dev.participation.api.widget.StaffPage;
import dev.participation.kit.form.PreferenceForm;
import dev.participation.kit.staff.RoutedAction;
import dev.participation.pledge.internal.authoring.PledgeActions;
import dev.participation.pledge.internal.authoring.PledgeAuthoringPage;
import dev.participation.pledge.internal.store.PledgeStore;
import dev.participation.pledge.internal.widget.PledgeWidget;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.testing.db.DatabaseKind;
import dev.participation.testing.db.TestStorage;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * The pledge authoring page as Liferay shows it: the real staff page, its actions, store and
 * audit log on H2, registered by {@link StaffPortletRegistrar} and driven through mocked
 * {@code javax.portlet} requests the way a browser would, by following the links and submitting
 * the forms the portlet drew.
 */
class StaffPortletTest {

    private static final String EDITOR_ID = "20123";

    private final Portal portal;
    private TestStorage db;
    private AuditLogStore audit;
    private PledgeStore pledges;
    private Dictionary<String, Object> properties;
    private StaffPortlet portlet;

    StaffPortletTest() throws Exception {
        portal = new Portal();
    }

    @BeforeEach
    void registerTheAuthoringPortlet() {
        db = TestStorage.open(DatabaseKind.H2, "pledge");
        audit = new AuditLogStore(db.platform(), db.clock());
        pledges = new PledgeStore(db.storage(), audit, db.clock());
        // No local accounts in Liferay: the page names people by their portal user id.
        PledgeAuthoringPage page = new PledgeAuthoringPage(pledges, db.clock(), null);

        StaffPortletRegistrar registrar = new StaffPortletRegistrar(db.clock());
        for (RoutedAction action : actionsOf(page)) {
            registrar.addAction(action, Map.of(StaffAction.PAGE, PledgeAuthoringPage.KEY, StaffAction.NAME, action.name()));
        }
        BundleContext context = mock(BundleContext.class);
        when(context.registerService(eq(Portlet.class), any(Portlet.class), any())).thenAnswer(i -> {
            portlet = i.getArgument(1);
            properties = i.getArgument(2);
            return mock(ServiceRegistration.class);
        });
        @SuppressWarnings("unchecked")
        ServiceReference<StaffPage> reference = mock(ServiceReference.class);
        registrar.addPage(reference, page);
        registrar.activate(context, Configs.adapter());
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    private void signInAsEditor() {
        portal.user = EDITOR_ID;
        portal.userInfo = Map.of(PortalPeople.FULL_NAME, "Edith Evans");
        portal.portalRoles = Set.of("Participation Editor");
    }

    @Test
    void registersOnePortletForThePageWithLiferaysProperties() {
        assertThat(properties.get("javax.portlet.name")).isEqualTo("dev_participation_staff_pledges");
        assertThat(properties.get(StaffPortletRegistrar.STAFF_PAGE_KEY)).isEqualTo("pledges");
        assertThat(properties.get("com.liferay.portlet.display-category")).isEqualTo("category.participation");
        assertThat(properties.get("javax.portlet.display-name")).isEqualTo("Pledges and charters");
        assertThat(portlet.page().key()).isEqualTo(PledgeAuthoringPage.KEY);
    }

    @Test
    void anEditorWritesPreviewsAndPublishesAPledgeWhichThePledgePortletThenShows() throws Exception {
        signInAsEditor();
        Document list = show(Map.of());
        Document create = follow(list, "new");
        Map<String, String> next = submit(form(create), Map.of("title", "Our participation pledge",
                "slug", "our-pledge", "introduction", "Why we make this pledge."));
        long id = pledges.drafts().get(0).id();
        assertThat(next).containsEntry(StaffPortletLinks.PATH, Long.toString(id));

        Document overview = show(next);
        assertThat(overview.select(".govuk-notification-banner").text()).isNotBlank();
        Document principle = follow(overview, id + "/principles/new");
        next = submit(form(principle), Map.of("title", "Voice", "promise", "Your views shape what we do."));
        String principleKey = pledges.draft(id).orElseThrow().content().principles().get(0).key();

        Document commitment = follow(show(next), id + "/principles/" + principleKey + "/commitments/new");
        next = submit(form(commitment), Map.of("text", "We ask you before we decide."));
        assertThat(pledges.draft(id).orElseThrow().content().principles().get(0).commitments())
                .extracting(c -> c.text()).containsExactly("We ask you before we decide.");

        Document preview = follow(show(Map.of(StaffPortletLinks.PATH, Long.toString(id))), id + "/preview");
        assertThat(preview.text()).contains("Your views shape what we do.", "We ask you before we decide.");

        Document publish = follow(preview, id + "/publish");
        next = submit(form(publish), Map.of());
        assertThat(show(next).select(".govuk-notification-banner").text()).contains("Version 1 is published");

        List<AuditEntry> log = audit.forRecord("pledge", Long.toString(id));
        assertThat(log).isNotEmpty().allSatisfy(e -> assertThat(e.actor()).isEqualTo(EDITOR_ID));
        assertThat(log).extracting(AuditEntry::action).contains("pledge.publish");

        // A visitor, signed out, sees the published words in the pledge widget's portlet.
        Portal visitor = new Portal();
        visitor.stored.put(PledgeWidget.PLEDGE, "our-pledge");
        PledgeWidget widget = new PledgeWidget(pledges);
        WidgetPortlet pledgePortlet = new WidgetPortlet(widget, widget.type(), () -> RoleMapping.of(Configs.adapter()),
                ZoneId.of("Europe/London"), path -> null, new PreferenceForm());
        Portal.Render page = visitor.render();
        pledgePortlet.render(page.request(), page.response());
        assertThat(Jsoup.parse(page.html()).text()).contains("Our participation pledge", "We ask you before we decide.");
    }

    @Test
    void someoneWithoutTheEditorRoleSeesNoScreenAndSavesNothing() throws Exception {
        signInAsEditor();
        Element create = form(follow(show(Map.of()), "new"));
        portal.portalRoles = Set.of("Participation Staff");

        assertThat(show(Map.of()).text()).contains("You cannot use this page").doesNotContain("Create");
        Map<String, String> next = submit(create, Map.of("title", "Not mine", "slug", "not-mine"));

        assertThat(pledges.drafts()).isEmpty();
        assertThat(show(next).text()).contains("You cannot do that", "nothing was changed");
    }

    @Test
    void aGuestIsAskedToSignIn() throws Exception {
        assertThat(show(Map.of()).text()).contains("Sign in to use this page");
    }

    @Test
    void aPostWithoutTheFormsTokenChangesNothing() throws Exception {
        signInAsEditor();
        Element create = form(follow(show(Map.of()), "new"));
        create.select("input[name=" + Portal.NAMESPACE + PortletCsrf.PARAMETER + "]").remove();

        Map<String, String> next = submit(create, Map.of("title", "Forged", "slug", "forged"));

        assertThat(pledges.drafts()).isEmpty();
        assertThat(audit.recent(10)).isEmpty();
        assertThat(show(next).text()).contains("The form had expired");
    }

    @Test
    void aFormWithAMistakeComesBackWithWhatWasTypedAndItsErrors() throws Exception {
        signInAsEditor();
        Map<String, String> next = submit(form(follow(show(Map.of()), "new")), Map.of("title", "", "slug", "x y"));

        Document again = show(next);
        assertThat(again.select(".govuk-error-summary").text()).isNotBlank();
        assertThat(again.select("input[name=" + Portal.NAMESPACE + "slug]").attr("value")).isEqualTo("x y");
        assertThat(again.select("form").attr("action")).startsWith("action?").contains("pwPath=new");
        assertThat(pledges.drafts()).isEmpty();
    }

    // -- a browser made of the mocked portal --

    private Document show(Map<String, String> renderParameters) throws Exception {
        Portal.Render render = portal.render(javax.portlet.PortletMode.VIEW, renderParameters);
        portlet.render(render.request(), render.response());
        return Jsoup.parse(render.html());
    }

    /** Follows the link of this document that leads to the path. */
    private Document follow(Document document, String path) throws Exception {
        for (Element link : document.select("a[href]")) {
            Map<String, String> parameters = parameters(link.attr("href"));
            if (path.equals(parameters.get(StaffPortletLinks.PATH))) {
                assertThat(link.attr("href")).startsWith("render?");
                return show(parameters);
            }
        }
        throw new AssertionError("No link to " + path + " in " + document.body().html());
    }

    private static Element form(Document document) {
        Element form = document.selectFirst("form[method=post]");
        assertThat(form).as("a form in " + document.body().html()).isNotNull();
        return form;
    }

    /**
     * Submits the form as a browser would (its fields as drawn, the typed values over them) and
     * the portal would (the namespace taken off), and returns the next render's parameters.
     */
    private Map<String, String> submit(Element form, Map<String, String> typed) throws Exception {
        assertThat(form.attr("action")).startsWith("action?");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element field : form.select("input[name], textarea[name], select[name]")) {
            String name = field.attr("name").substring(Portal.NAMESPACE.length());
            String type = field.attr("type");
            if ((type.equals("radio") || type.equals("checkbox")) && !fields.containsKey(name)) {
                // The first choice, as a person picking one would.
                fields.put(name, field.attr("value"));
            } else if (field.tagName().equals("textarea")) {
                fields.put(name, field.text());
            } else if (field.tagName().equals("select")) {
                Element option = field.selectFirst("option[selected]");
                fields.put(name, option == null ? "" : option.attr("value"));
            } else if (!type.equals("radio") && !type.equals("checkbox") && !type.equals("submit")) {
                fields.put(name, field.attr("value"));
            }
        }
        fields.putAll(typed);
        Portal.Action post = portal.postExactly(javax.portlet.PortletMode.VIEW, parameters(form.attr("action")), fields);
        portlet.processAction(post.request(), post.response());
        return post.next();
    }

    /** The parameters the mocked portal wrote into a URL, without the mode. */
    private static Map<String, String> parameters(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int question = url.indexOf('?');
        if (question >= 0) {
            for (String pair : url.substring(question + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && !pair.startsWith("mode=")) {
                    parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return parameters;
    }

    private static List<RoutedAction> actionsOf(PledgeAuthoringPage page) {
        return java.util.Arrays.stream(PledgeActions.class.getDeclaredClasses())
                .flatMap(type -> java.util.Arrays.stream(type.getConstructors()))
                .filter(c -> c.getParameterCount() == 1 && c.getParameterTypes()[0] == PledgeAuthoringPage.class)
                .map(c -> newAction(c, page)).toList();
    }

    private static RoutedAction newAction(Constructor<?> constructor, PledgeAuthoringPage page) {
        try {
            return (RoutedAction) constructor.newInstance(page);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
