package dev.participation.groups.api.join;

import java.util.Objects;
import java.util.Optional;

/**
 * What a person gives when they ask to join: nothing else is collected. Text not given is empty,
 * never null; {@code adultRole} and {@code consentRole} are null when not given.
 * {@link JoinRules#check} says what is acceptable; {@link #kept} drops what the chosen way of
 * reaching them and their age do not need.
 *
 * @param firstName    what to call them
 * @param age          in whole years: whether an adult must agree, and which groups fit
 * @param reach        how the group's team answers them
 * @param email        their own email, when {@code reach} is {@link Reach#EMAIL}
 * @param phone        their own phone number, when {@code reach} is {@link Reach#PHONE}
 * @param adultName    the trusted adult's name, when {@code reach} is {@link Reach#ADULT}
 * @param adultRole    who the trusted adult is to them
 * @param adultContact the trusted adult's email or phone number
 * @param help         what would help them take part (optional)
 * @param consentName  under the consent age: the name of the adult who agreed
 * @param consentRole  on what footing that adult agreed
 * @param agreed       they agree to the team keeping these details to answer them
 */
public record JoinAsk(String firstName, int age, Reach reach, String email, String phone, String adultName,
        TrustedAdult adultRole, String adultContact, String help, String consentName, ConsentRole consentRole,
        boolean agreed) {

    public JoinAsk {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(adultName, "adultName");
        Objects.requireNonNull(adultContact, "adultContact");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(consentName, "consentName");
    }

    /** Only what is needed: contact details for the chosen way of reaching them, consent only under {@code consentAge}. */
    public JoinAsk kept(int consentAge) {
        boolean young = age < consentAge;
        return new JoinAsk(firstName.strip(), age, reach, reach == Reach.EMAIL ? email.strip() : "",
                reach == Reach.PHONE ? phone.strip() : "", reach == Reach.ADULT ? adultName.strip() : "",
                reach == Reach.ADULT ? adultRole : null, reach == Reach.ADULT ? adultContact.strip() : "",
                help.strip(), young ? consentName.strip() : "", young ? consentRole : null, agreed);
    }

    /** The address a confirmation goes to: their own email, or the trusted adult's if that is an email. */
    public Optional<String> mailAddress() {
        if (reach == Reach.EMAIL && JoinRules.isEmail(email.strip())) {
            return Optional.of(email.strip());
        }
        if (reach == Reach.ADULT && JoinRules.isEmail(adultContact.strip())) {
            return Optional.of(adultContact.strip());
        }
        return Optional.empty();
    }
}
