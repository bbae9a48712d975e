package dev.participation.groups.internal.requests;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.groups.api.Group;
import dev.participation.groups.api.Groups;
import dev.participation.groups.api.join.JoinAsk;
import dev.participation.groups.api.join.JoinProblem;
import dev.participation.groups.api.join.JoinRequest;
import dev.participation.groups.api.join.JoinRequestChanged;
import dev.participation.groups.api.join.JoinRequests;
import dev.participation.groups.api.join.JoinStatus;
import dev.participation.groups.api.join.Reach;
import dev.participation.kit.csv.CsvWriter;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.staff.ConfirmRemove;
import dev.participation.kit.staff.Endpoint;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.NotFound;
import dev.participation.kit.staff.RecordIds;
import dev.participation.kit.staff.Screen;
import dev.participation.kit.staff.Times;

/**
 * Paths below {@code /intranet/join-requests/}: {@code ""} (every group with requests waiting),
 * {@code {group}} (its requests, overdue ones marked), {@code {group}/export} (CSV),
 * {@code {group}/{request}} (one request and its status, posting {@value #STATUS}) and
 * {@code {group}/{request}/leave} (a member leaves, posting {@value #LEAVE}).
 */
final class RequestScreens {

    static final String STATUS = "status";
    static final String LEAVE = "leave";
    static final String[] BUNDLES = {"dev/participation/groups/requests/Language",
            "dev/participation/groups/join/Language", "dev/participation/groups/shared/Language"};
    static final LanguageBundles WORDS = new LanguageBundles(RequestScreens.class, BUNDLES);
    private static final String[] STATUS_FIELDS = {"status", "reason", "version"};

    private final JoinRequests requests;
    private final Groups groups;

    RequestScreens(JoinRequests requests, Groups groups) {
        this.requests = requests;
        this.groups = groups;
    }

    Endpoint route(Screen s) {
        List<String> path = s.segments();
        if (path.isEmpty()) {
            return Endpoint.view(this::overview);
        }
        Group group = group(path.get(0));
        if (path.size() == 1) {
            return Endpoint.view(x -> list(x, group));
        }
        if (path.size() == 2 && "export".equals(path.get(1))) {
            return Endpoint.view(x -> export(x, group));
        }
        OptionalLong requested = RecordIds.parse(path.get(1));
        if (requested.isEmpty() || path.size() > 3) {
            throw new NotFound(s.request().path());
        }
        long id = requested.getAsLong();
        if (path.size() == 2) {
            return Endpoint.of(x -> {
                JoinRequest r = request(x, group, id);
                return detail(x, group, r, drawn(r));
            }, STATUS, x -> changeStatus(x, group, id));
        }
        if (LEAVE.equals(path.get(2))) {
            return Endpoint.of(x -> confirmLeave(x, group, request(x, group, id)), LEAVE, x -> leave(x, group, id));
        }
        throw new NotFound(s.request().path());
    }

    private Group group(String segment) {
        return groups.group(RecordIds.inPath(segment, "group")).orElseThrow(() -> new NotFound("group " + segment));
    }

    /** Reading a request is audited; one that belongs to another group is not found here. */
    private JoinRequest request(Screen s, Group group, long id) {
        return requests.read(id, s.actor()).filter(r -> r.groupId() == group.id())
                .orElseThrow(() -> new NotFound("join request " + id));
    }

    private WidgetView overview(Screen s) {
        Map<Long, JoinRequests.Waiting> waiting = requests.waiting(s.today());
        List<GroupRow> rows = groups.all().stream().map(g -> {
            JoinRequests.Waiting w = waiting.getOrDefault(g.id(), new JoinRequests.Waiting(0, 0));
            return new GroupRow(g.details().name(), s.href(Long.toString(g.id())), w.fresh(), w.overdue());
        }).toList();
        return s.view(s.text("requests.title"), "requests/overview.ftlh", new Overview(rows));
    }

    private WidgetView list(Screen s, Group group) {
        LocalDate today = s.today();
        List<RequestRow> rows = requests.forGroup(group.id(), s.actor()).stream()
                .map(r -> new RequestRow(r.erased() ? s.text("requests.erased") : r.ask().firstName(),
                        r.ask().age(), Times.date(r.askedAt().atZone(s.zone()).toLocalDate(), s.messages()),
                        Times.date(r.respondBy(), s.messages()), r.overdueOn(today),
                        s.text("requests.status." + r.status().code()), s.href(group.id() + "/" + r.id())))
                .toList();
        long overdue = rows.stream().filter(RequestRow::overdue).count();
        return s.view(s.text("requests.group.title", group.details().name()), "requests/list.ftlh",
                new RequestList(group.details().name(), rows, overdue, s.href(group.id() + "/export"), s.href("")));
    }

    private WidgetView export(Screen s, Group group) {
        List<JoinRequest> all = requests.export(group.id(), s.actor());
        String csv = RequestCsv.write(all, s.zone(), s.messages());
        String file = group.slug() + "-join-requests-" + s.today() + ".csv";
        return s.view(s.text("requests.export.title", group.details().name()), "requests/export.ftlh",
                new Export(group.details().name(), all.size(), CsvWriter.dataUri(csv), file,
                        s.href(Long.toString(group.id()))));
    }

    private WidgetView detail(Screen s, Group group, JoinRequest r, Form form) {
        JoinAsk a = r.ask();
        List<Detail> details = new ArrayList<>();
        details.add(new Detail(s.text("requests.field.status"), s.text("requests.status." + r.status().code())
                + (r.declineReason().isEmpty() ? "" : " (" + r.declineReason() + ")")));
        details.add(new Detail(s.text("requests.field.asked"), s.dateTime(r.askedAt())));
        details.add(new Detail(s.text("requests.field.respondBy"), Times.date(r.respondBy(), s.messages())
                + (r.overdueOn(s.today()) ? " " + s.text("requests.overdue.text") : "")));
        if (!r.erased()) {
            details.add(new Detail(s.text("join.field.firstName"), a.firstName()));
        }
        details.add(new Detail(s.text("join.field.age"), Integer.toString(a.age())));
        if (!r.erased() && a.reach() != null) {
            details.add(new Detail(s.text("requests.field.reach"), s.text("requests.reach." + a.reach().code())));
            if (a.reach() == Reach.EMAIL) {
                details.add(new Detail(s.text("join.field.email"), a.email()));
            } else if (a.reach() == Reach.PHONE) {
                details.add(new Detail(s.text("join.field.phone"), a.phone()));
            } else {
                details.add(new Detail(s.text("requests.field.adult"), s.text("requests.adult", a.adultName(),
                        a.adultRole() == null ? "" : s.text("join.adultRole." + a.adultRole().code()))));
                details.add(new Detail(s.text("join.field.adultContact"), a.adultContact()));
            }
            details.add(new Detail(s.text("requests.field.help"), a.help().isEmpty() ? s.text("requests.none")
                    : a.help()));
            if (!a.consentName().isEmpty()) {
                details.add(new Detail(s.text("requests.field.consent"), s.text("requests.consent", a.consentName(),
                        a.consentRole() == null ? "" : s.text("requests.consentRole." + a.consentRole().code()))));
            }
        }
        List<Choice> statuses = Arrays.stream(JoinStatus.values()).filter(x -> x != JoinStatus.LEFT)
                .map(x -> new Choice(x.code(), s.text("requests.status." + x.code()))).toList();
        return s.view(s.text("requests.request.title", r.erased() ? s.text("requests.erased") : a.firstName()),
                "requests/detail.ftlh", new RequestDetail(group.details().name(), details, r.overdueOn(s.today()),
                        r.erased(), statuses, s.href(group.id() + "/" + r.id() + "/leave"),
                        r.status() == JoinStatus.JOINED, s.href(Long.toString(group.id()))), form);
    }

    private static Form drawn(JoinRequest r) {
        return Form.of(STATUS_FIELDS).set("status", r.status().code()).set("reason", r.declineReason())
                .set("version", Integer.toString(r.version()));
    }

    private PostOutcome changeStatus(Screen s, Group group, long id) {
        Form form = Form.read(s.request(), STATUS_FIELDS);
        JoinStatus status = JoinStatus.of(form.text("status")).filter(x -> x != JoinStatus.LEFT).orElse(null);
        if (status == null) {
            form.reject("status", "requests.error.status");
        }
        String version = form.text("version");
        try {
            if (form.valid()) {
                JoinRequest r = requests.changeStatus(id, version.matches("\\d{1,9}") ? Integer.parseInt(version) : 0,
                        status, form.text("reason"), s.actor());
                return s.done(Long.toString(group.id()), "requests.saved", r.ask().firstName(),
                        s.text("requests.status." + r.status().code()));
            }
        } catch (JoinProblem e) {
            e.problems().forEach(form::reject);
        } catch (JoinRequestChanged e) {
            // Saving again replaces what the other person saved, now that this person has seen it.
            form.set("version", Integer.toString(e.now().version())).anchor("version", "status")
                    .reject("version", "requests.error.changed", s.text("requests.status." + e.now().status().code()));
        } catch (NoSuchElementException e) {
            throw new NotFound("join request " + id);
        }
        JoinRequest now = request(s, group, id);
        return s.invalid(detail(s, group, now, form));
    }

    private WidgetView confirmLeave(Screen s, Group group, JoinRequest r) {
        return s.confirmRemove(s.text("requests.leave.title"), new ConfirmRemove(
                s.text("requests.leave.what", r.ask().firstName(), group.details().name()),
                s.text("requests.leave.warning"), s.text("requests.leave.button"),
                s.href(group.id() + "/" + r.id()), Integer.toString(r.version())));
    }

    private PostOutcome leave(Screen s, Group group, long id) {
        String basis = s.parameter("basis");
        try {
            requests.leave(id, basis.matches("\\d{1,9}") ? Integer.parseInt(basis) : 0, s.actor());
        } catch (JoinRequestChanged e) {
            return s.done(group.id() + "/" + id, "requests.leave.changed");
        } catch (NoSuchElementException e) {
            throw new NotFound("join request " + id);
        }
        return s.done(Long.toString(group.id()), "requests.left");
    }

    /** The view model of {@code requests/overview.ftlh}. */
    public record Overview(List<GroupRow> groups) {
    }

    public record GroupRow(String name, String href, int fresh, int overdue) {
    }

    /** The view model of {@code requests/list.ftlh}. */
    public record RequestList(String groupName, List<RequestRow> rows, long overdue, String export, String back) {
    }

    public record RequestRow(String firstName, int age, String asked, String respondBy, boolean overdue,
            String status, String href) {
    }

    /** The view model of {@code requests/export.ftlh}. */
    public record Export(String groupName, int count, String download, String fileName, String back) {
    }

    /** The view model of {@code requests/detail.ftlh}. */
    public record RequestDetail(String groupName, List<Detail> details, boolean overdue, boolean erased,
            List<Choice> statuses, String leave, boolean member, String back) {
    }

    public record Detail(String label, String value) {
    }

    public record Choice(String value, String label) {
    }
}
