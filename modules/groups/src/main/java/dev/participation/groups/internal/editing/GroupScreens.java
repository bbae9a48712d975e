package dev.participation.groups.internal.editing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.participation.api.widget.Message;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.Group;
import dev.participation.groups.api.GroupChanged;
import dev.participation.groups.api.GroupDetails;
import dev.participation.groups.api.GroupProblem;
import dev.participation.groups.api.GroupRules;
import dev.participation.groups.api.Groups;
import dev.participation.groups.api.Membership;
import dev.participation.groups.api.SchoolYear;
import dev.participation.kit.staff.Conflict;
import dev.participation.kit.staff.DateInput;
import dev.participation.kit.staff.Endpoint;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.NotFound;
import dev.participation.kit.staff.RecordIds;
import dev.participation.kit.staff.Screen;
import dev.participation.kit.staff.Slugs;
import dev.participation.kit.staff.Times;

/**
 * Paths below {@code /intranet/groups/}: {@code ""} (every group, with those due a review),
 * {@code new} (add a group) and {@code {id}} (change one); both forms post {@value #SAVE}.
 */
final class GroupScreens {

    static final String SAVE = "save";

    private final Groups groups;
    private final StaffAccounts accounts;

    GroupScreens(Groups groups, StaffAccounts accounts) {
        this.groups = groups;
        this.accounts = accounts;
    }

    Endpoint route(Screen s) {
        List<String> path = s.segments();
        if (path.isEmpty()) {
            return Endpoint.view(this::list);
        }
        if (path.size() == 1 && "new".equals(path.get(0))) {
            return Endpoint.of(x -> form(x, null, Form.of(GroupForm.FIELDS)), SAVE, x -> save(x, null));
        }
        OptionalLong groupId = path.size() == 1 ? RecordIds.parse(path.get(0)) : OptionalLong.empty();
        if (groupId.isPresent()) {
            Group group = groups.group(groupId.getAsLong())
                    .orElseThrow(() -> new NotFound("group " + path.get(0)));
            return Endpoint.of(x -> form(x, group, GroupForm.drawn(group)), SAVE, x -> save(x, group));
        }
        throw new NotFound(s.request().path());
    }

    private WidgetView list(Screen s) {
        LocalDate dueBefore = s.today().minusYears(1);
        List<Row> rows = groups.all().stream().map(g -> {
            GroupDetails d = g.details();
            boolean due = d.lastReviewed() == null || d.lastReviewed().isBefore(dueBefore);
            String reviewed = d.lastReviewed() == null ? s.text("groups.editing.list.neverReviewed")
                    : Times.date(d.lastReviewed(), s.messages());
            String membership = d.membership() == null ? "" : s.text("groups.membership." + d.membership().key());
            return new Row(d.name(), s.href(Long.toString(g.id())), membership, reviewed, due);
        }).toList();
        return s.view(s.text("groups.editing.title"), "list.ftlh", new GroupList(rows, s.href("new")));
    }

    private WidgetView form(Screen s, Group group, Form form) {
        List<Option> years = new ArrayList<>();
        years.add(new Option("", s.text("groups.editing.field.noSchoolYear")));
        for (SchoolYear y : SchoolYear.values()) {
            years.add(new Option(y.key(), yearLabel(s, y)));
        }
        List<Option> eligibility = Stream.of(Eligibility.values())
                .map(e -> new Option(e.key(), s.text("groups.eligibility." + e.key()))).toList();
        List<Option> attendance = Stream.of(Attendance.values())
                .map(a -> new Option(a.key(), s.text("groups.attendance." + a.key()))).toList();
        List<Option> membership = Stream.of(Membership.values())
                .map(m -> new Option(m.key(), s.text("groups.membership." + m.key()))).toList();
        List<Option> feeds = new ArrayList<>();
        feeds.add(new Option("", s.text("groups.editing.field.feedsInto.noGroup")));
        for (Group other : groups.all()) {
            if (group == null || other.id() != group.id()) {
                feeds.add(new Option(other.slug(), other.details().name()));
            }
        }
        String typedGroup = form.text("feedsInto.group");
        if (!typedGroup.isEmpty() && feeds.stream().noneMatch(o -> o.value().equals(typedGroup))) {
            feeds.add(new Option(typedGroup, typedGroup));
        }
        List<Option> managers = new ArrayList<>();
        if (accounts.listed()) {
            managers.add(new Option("", s.text("groups.editing.field.manager.choose")));
            for (Person p : accounts.managers()) {
                managers.add(new Option(p.id(), s.text("staff.actorNamed", p.displayName(), p.id())));
            }
            String typedManager = form.text("manager");
            // A manager whose account has gone is still shown, so the editor sees who it was.
            if (!typedManager.isEmpty() && managers.stream().noneMatch(o -> o.value().equals(typedManager))) {
                managers.add(new Option(typedManager, typedManager));
            }
        }
        String title = group == null ? s.text("groups.editing.new.title")
                : s.text("groups.editing.edit.title", group.details().name());
        Editing view = new Editing(group == null, group == null ? "" : group.slug(), s.href(""), years,
                eligibility, GroupForm.ticks(form), attendance, membership, feeds, managers, accounts.listed(),
                GroupRules.AGE_MAX, GroupRules.SEATS_MAX);
        return s.view(title, "group.ftlh", view, form);
    }

    private static String yearLabel(Screen s, SchoolYear year) {
        return year == SchoolYear.RECEPTION ? s.text("groups.school-year.reception")
                : s.text("groups.school-year.year", year.number());
    }

    /** Adds a group ({@code group} null) or changes one; what was typed stays in the form on any refusal. */
    private PostOutcome save(Screen s, Group group) {
        Form form = GroupForm.typed(s);
        Map<String, Message> problems = new LinkedHashMap<>();
        if (group != null) {
            form.set(GroupForm.SLUG, group.slug());
        } else {
            // Left empty, the address is made from the name and shown in the box, so a clash can be corrected.
            if (form.text(GroupForm.SLUG).isEmpty()) {
                form.set(GroupForm.SLUG, Slugs.suggest(form.text("name"), ""));
            }
            if (!GroupRules.validSlug(form.text(GroupForm.SLUG))) {
                problems.put(GroupForm.SLUG, Message.of("groups.error.slug"));
            }
        }
        GroupDetails details = GroupForm.details(form, s.today(), problems);
        String manager = form.text("manager");
        if (manager.isEmpty()) {
            problems.put("manager", Message.of(accounts.listed() ? "groups.editing.error.managerChoose"
                    : "groups.editing.error.managerEnter"));
        } else if (accounts.listed() && (group == null || !manager.equals(group.details().manager()))
                && accounts.managers().stream().noneMatch(p -> p.id().equals(manager))) {
            problems.put("manager", Message.of("groups.editing.error.managerChoose"));
        }
        GroupRules.check(details, s.today()).forEach(problems::putIfAbsent);
        GroupForm.reject(form, problems);
        if (!form.valid()) {
            return s.invalid(form(s, group, form));
        }
        try {
            if (group == null) {
                groups.create(form.text(GroupForm.SLUG), details, s.actor());
            } else {
                int version = form.text(GroupForm.VERSION).matches("\\d{1,9}")
                        ? Integer.parseInt(form.text(GroupForm.VERSION)) : 0;
                groups.update(group.id(), version, details, s.actor());
            }
        } catch (GroupProblem problem) {
            form.absorb(problem.errors(), "");
            return s.invalid(form(s, group, form));
        } catch (GroupChanged changed) {
            return s.invalid(form(s, changed.current(), conflict(s, changed.current(), form)));
        } catch (NoSuchElementException gone) {
            // Groups cannot be removed yet; should one go, the kit sends the editor back to the list.
            throw new NotFound("group " + group.id());
        }
        return s.done("", "groups.editing.saved", details.name());
    }

    /**
     * The form as typed, now based on the version saved meanwhile, with that version beside it:
     * saving again replaces theirs knowingly; the discard link opens their version afresh.
     */
    private static Form conflict(Screen s, Group current, Form typed) {
        Form theirs = GroupForm.drawn(current);
        List<Conflict.Row> rows = new ArrayList<>();
        for (String[] field : GroupForm.compared()) {
            String saved = shown(s, theirs, field[0]);
            String yours = shown(s, typed, field[0]);
            rows.add(new Conflict.Row(s.text(field[1]), saved, yours, !saved.equals(yours)));
        }
        Conflict conflict = new Conflict(false, s.who(current.updatedBy()), s.dateTime(current.updatedAt()), rows,
                s.href(Long.toString(current.id())));
        return typed.set(GroupForm.VERSION, Integer.toString(current.version())).conflict(conflict);
    }

    /** A field's value as a person reads it: choices by their words, the date as one date. */
    private static String shown(Screen s, Form form, String field) {
        String value = field.equals(GroupForm.REVIEWED)
                ? Stream.of(DateInput.fields(GroupForm.REVIEWED)).map(form::text).filter(t -> !t.isEmpty())
                        .collect(Collectors.joining("/"))
                : form.text(field);
        if (value.isEmpty()) {
            return "";
        }
        Map<String, String> prefixes = Map.of("place.attendance", "groups.attendance.", "membership",
                "groups.membership.");
        return switch (field) {
            case GroupForm.ELIGIBILITY -> GroupForm.ticks(form).stream()
                    .map(k -> Eligibility.fromKey(k).map(e -> s.text("groups.eligibility." + e.key())).orElse(k))
                    .collect(Collectors.joining(", "));
            case "whoFor.firstYear", "whoFor.lastYear" -> SchoolYear.fromKey(value).map(y -> yearLabel(s, y))
                    .orElse(value);
            case "meetings.termTimeOnly" -> s.text("groups.editing.field.meetings.termTimeOnly.yes");
            case "place.attendance", "membership" -> s.messages().has(prefixes.get(field) + value)
                    ? s.text(prefixes.get(field) + value) : value;
            default -> value;
        };
    }

    /** The view model of {@code list.ftlh}. */
    public record GroupList(List<Row> rows, String add) {
    }

    public record Row(String name, String edit, String membership, String lastReviewed, boolean reviewDue) {
    }

    /** A choice in a list, radios or tick boxes. */
    public record Option(String value, String label) {
    }

    /** The view model of {@code group.ftlh}: the values themselves come from the form. */
    public record Editing(boolean creating, String slug, String cancel, List<Option> schoolYears,
            List<Option> eligibility, List<String> ticked, List<Option> attendance, List<Option> membership,
            List<Option> feedsIntoGroups, List<Option> managers, boolean managersListed, int ageMax, int seatsMax) {
    }
}
