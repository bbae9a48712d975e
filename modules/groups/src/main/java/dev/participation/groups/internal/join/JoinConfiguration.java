package dev.participation.groups.internal.join;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings shared by the ask-to-join form, the store, the reminders and retention: one PID, so a
 * council sets the consent age once and the form and the store never disagree.
 */
@ObjectClassDefinition(name = "Participation groups: requests to join",
        description = "Who must agree to a young child's request, how soon staff answer, and how long details are kept.")
public @interface JoinConfiguration {

    /** The one configuration every join component reads. */
    String PID = "dev.participation.groups.join";

    @AttributeDefinition(name = "Consent age",
            description = "Under this age a person with parental responsibility, or a carer or worker with"
                    + " delegated authority, must agree to the request.", min = "5", max = "18")
    int consentAge() default 13;

    @AttributeDefinition(name = "Response target (working days)",
            description = "Staff answer a new request within this many working days (Monday to Friday).",
            min = "1", max = "30")
    int responseWorkingDays() default 5;

    @AttributeDefinition(name = "Bank holidays", required = false,
            description = "Days that are not working days for the response target, as dates like 2026-12-25;"
                    + " the council's own list (England and Wales, Scotland and Northern Ireland differ).")
    String[] bankHolidays() default {};

    @AttributeDefinition(name = "Declined requests kept (days)",
            description = "A declined request's personal details are erased this many days after it was declined.",
            min = "0", max = "3650")
    int declinedKeptDays() default 90;

    @AttributeDefinition(name = "Managers' mail address", required = false,
            description = "How a group manager's account id becomes a mail address for the daily reminder:"
                    + " {0} stands for the account id, as in {0}@council.example. Empty: account ids that are"
                    + " mail addresses are used as they are, and other managers get no reminder.")
    String managerAddress() default "";
}
