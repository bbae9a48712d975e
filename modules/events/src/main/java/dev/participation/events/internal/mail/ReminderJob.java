package dev.participation.events.internal.mail;

import java.util.Arrays;
import java.util.List;

import dev.participation.api.jobs.JobSchedule;
import dev.participation.api.jobs.ScheduledJob;
import dev.participation.events.internal.store.Reminders;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Sends reminders before sessions to the people holding places, at the times a council sets:
 * some young people need plenty of notice, so a week and a day before unless configured otherwise.
 * It runs every quarter of an hour, so a reminder leaves at most that late.
 */
@Component(service = ScheduledJob.class, configurationPid = ReminderJob.PID)
@Designate(ocd = ReminderJob.Config.class)
public final class ReminderJob implements ScheduledJob {

    public static final String PID = "dev.participation.events.reminders";
    static final String NAME = "events.reminders";

    @ObjectClassDefinition(name = "Participation events: reminders",
            description = "When people with a place at an event are reminded of it.")
    public @interface Config {

        @AttributeDefinition(name = "Reminders (hours before the start)", min = "1", max = "2160",
                description = "One reminder at each of these times, such as 168 (a week) and 24 (a day). Someone who"
                        + " booked inside a reminder's time does not get that reminder.")
        int[] hoursBefore() default {168, 24};
    }

    private final Reminders reminders;
    private final List<Integer> hoursBefore;

    @Activate
    public ReminderJob(@Reference Reminders reminders, Config config) {
        this.reminders = reminders;
        this.hoursBefore = Arrays.stream(config.hoursBefore()).filter(h -> h > 0).boxed().toList();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JobSchedule schedule() {
        return JobSchedule.everyMinutes(15);
    }

    @Override
    public void run() {
        reminders.sendDue(hoursBefore);
    }
}
