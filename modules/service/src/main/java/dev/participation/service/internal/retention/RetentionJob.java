package dev.participation.service.internal.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.participation.api.audit.AuditLog;
import dev.participation.api.jobs.JobSchedule;
import dev.participation.api.jobs.ScheduledJob;
import dev.participation.api.retention.RetentionRule;
import dev.participation.service.internal.storage.Database;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The daily job that applies every {@link RetentionRule} and writes one audit line per rule with
 * what it did. As a {@link ScheduledJob} it runs on one portal node only.
 */
@Component(service = ScheduledJob.class, configurationPid = RetentionJob.PID)
@Designate(ocd = RetentionJob.Config.class)
public final class RetentionJob implements ScheduledJob {

    public static final String PID = "dev.participation.retention";
    static final String ACTOR = "system";
    private static final System.Logger LOG = System.getLogger(RetentionJob.class.getName());

    @ObjectClassDefinition(name = "Participation retention",
            description = "When personal records past their retention period are erased or anonymised.")
    public @interface Config {

        @AttributeDefinition(name = "Daily at", description = "A time of day (HH:mm) in the site's time zone.")
        String dailyAt() default "03:30";
    }

    private final List<RetentionRule> rules = new CopyOnWriteArrayList<>();
    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final JobSchedule schedule;

    @Activate
    public RetentionJob(@Reference Database database, @Reference AuditLog audit, @Reference Clock clock,
            Config config) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        try {
            this.schedule = JobSchedule.dailyAt(LocalTime.parse(config.dailyAt().strip()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(PID + ": dailyAt '" + config.dailyAt() + "' is not a time such as 03:30", e);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRule(RetentionRule rule) {
        rules.add(rule);
    }

    void removeRule(RetentionRule rule) {
        rules.remove(rule);
    }

    @Override
    public String name() {
        return "platform.retention";
    }

    @Override
    public JobSchedule schedule() {
        return schedule;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        for (RetentionRule rule : rules.stream().sorted(Comparator.comparing(RetentionRule::recordType)).toList()) {
            apply(rule, now);
        }
    }

    /** One rule's failure is recorded and leaves the other rules to run. */
    private void apply(RetentionRule rule, Instant now) {
        Duration kept = rule.keptFor();
        String period = describe(kept) + " after " + rule.keptFrom();
        String action = rule.treatment() == RetentionRule.Treatment.ERASE ? "retention.erase" : "retention.anonymise";
        try {
            database.write(connection -> {
                int count = rule.apply(now.minus(kept));
                audit.record(ACTOR, action, rule.recordType(), "*", (rule.treatment() == RetentionRule.Treatment.ERASE
                        ? "Erased " : "Anonymised ") + count + " kept longer than " + period);
                return count;
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Retention rule for " + rule.recordType() + " failed", e);
            audit.record(ACTOR, "retention.fail", rule.recordType(), "*",
                    "Nothing changed: the rule for records kept " + period + " failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    static String describe(Duration kept) {
        if (kept.toHours() % 24 == 0 && kept.toDays() > 0) {
            return kept.toDays() + (kept.toDays() == 1 ? " day" : " days");
        }
        if (kept.toMinutes() % 60 == 0 && kept.toHours() > 0) {
            return kept.toHours() + (kept.toHours() == 1 ? " hour" : " hours");
        }
        return kept.toMinutes() + (kept.toMinutes() == 1 ? " minute" : " minutes");
    }
}
