package dev.participation.groups.internal.join;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import dev.participation.api.mail.MailMessage;
import dev.participation.groups.api.join.JoinAsk;
import dev.participation.groups.api.join.Reach;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.staff.Times;

/** The confirmation email, in the words of {@code dev/participation/groups/join/Language.properties}. */
final class JoinMail {

    static final LanguageBundles WORDS = new LanguageBundles(JoinMail.class, "dev/participation/groups/join/Language",
            "dev/participation/groups/shared/Language");

    private JoinMail() {
    }

    /** The confirmation for this request; empty when there is no mail address to send it to (a phone number). */
    static Optional<MailMessage> confirmation(JoinAsk ask, String groupName, LocalDate respondBy, Locale locale) {
        Messages words = Messages.of(locale, WORDS.forLocale(locale));
        return ask.mailAddress().map(to -> {
            String date = Times.date(respondBy, words);
            String greeting = ask.reach() == Reach.ADULT
                    ? words.get("join.mail.greeting.adult", ask.adultName(), ask.firstName())
                    : words.get("join.mail.greeting", ask.firstName());
            String body = greeting + "\n\n" + words.get("join.mail.body", groupName, date) + "\n\n"
                    + words.get("join.mail.signature");
            return new MailMessage(to, words.get("join.mail.subject", groupName), body);
        });
    }
}
