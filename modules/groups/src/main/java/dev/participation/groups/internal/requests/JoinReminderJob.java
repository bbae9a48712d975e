package dev.participation.groups.internal.requests;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.participation.api.audit.AuditLog;
import dev.participation.api.jobs.JobSchedule;
import dev.participation.api.jobs.ScheduledJob;
import dev.participation.api.mail.MailMessage;
import dev.participation.api.mail.Outbox;
import dev.participation.groups.api.Group;
import dev.participation.groups.api.Groups;
import dev.participation.groups.api.join.JoinRequest;
import dev.participation.groups.api.join.JoinRules;
import dev.participation.groups.internal.join.JoinConfiguration;
import dev.participation.groups.internal.join.JoinRequestStore;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.staff.Times;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Each morning, one email through the outbox to each group's manager listing the group's requests
 * past their response target. The mail names no one (only when each was asked and was due): the
 * details are on the staff page, where reading them is audited.
 *
 * <p>Accounts carry no mail address, so a manager's address comes from their account id: an id
 * that is a mail address is used as it is, else the configured pattern (such as
 * {@code {0}@council.example}) makes one; a manager with neither gets no reminder, and the audit
 * log says so.
 */
@Component(service = ScheduledJob.class, configurationPid = JoinConfiguration.PID)
public final class JoinReminderJob implements ScheduledJob {

    static final String NAME = "groups.join-reminders";

    private final JoinRequestStore requests;
    private final Groups groups;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final String addressPattern;

    @Activate
    public JoinReminderJob(@Reference JoinRequestStore requests, @Reference Groups groups, @Reference Outbox outbox,
            @Reference AuditLog audit, @Reference Clock clock, JoinConfiguration config) {
        this.requests = requests;
        this.groups = groups;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.addressPattern = config.managerAddress() == null ? "" : config.managerAddress().strip();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JobSchedule schedule() {
        return JobSchedule.dailyAt(LocalTime.of(8, 0));
    }

    @Override
    public void run() {
        LocalDate today = LocalDate.now(clock);
        Map<Long, List<JoinRequest>> overdue = requests.overdue(today).stream()
                .collect(Collectors.groupingBy(JoinRequest::groupId, LinkedHashMap::new, Collectors.toList()));
        // The platform writes mail in the site's language; one bundle, the default locale's.
        Messages words = Messages.of(Locale.getDefault(), RequestScreens.WORDS.forLocale(Locale.getDefault()));
        overdue.forEach((groupId, late) -> groups.group(groupId).ifPresent(group -> remind(group, late, words)));
    }

    private void remind(Group group, List<JoinRequest> late, Messages words) {
        String manager = group.details().manager();
        Optional<String> address = address(manager);
        if (address.isEmpty()) {
            audit.record("system", "join-request.reminder.unaddressed", "group", Long.toString(group.id()),
                    late.size() + " overdue; manager " + manager + " has no mail address");
            return;
        }
        StringBuilder body = new StringBuilder(words.get("requests.reminder.body", group.details().name(),
                late.size())).append("\n\n");
        for (JoinRequest r : late) {
            body.append("- ").append(words.get("requests.reminder.line",
                    Times.date(r.askedAt().atZone(clock.getZone()).toLocalDate(), words),
                    Times.date(r.respondBy(), words))).append('\n');
        }
        body.append('\n').append(words.get("requests.reminder.where"));
        outbox.queue(new MailMessage(address.get(), words.get("requests.reminder.subject", group.details().name(),
                late.size()), body.toString()));
        audit.record("system", "join-request.reminder", "group", Long.toString(group.id()),
                late.size() + " overdue, reminded " + manager);
    }

    Optional<String> address(String manager) {
        if (JoinRules.isEmail(manager)) {
            return Optional.of(manager);
        }
        if (addressPattern.contains("{0}") && manager.matches("[A-Za-z0-9._-]{1,64}")) {
            String made = MessageFormat.format(addressPattern.replace("'", "''"), manager);
            return JoinRules.isEmail(made) ? Optional.of(made) : Optional.empty();
        }
        return Optional.empty();
    }
}
