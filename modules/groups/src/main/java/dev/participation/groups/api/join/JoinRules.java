package dev.participation.groups.api.join;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.participation.api.widget.Message;

/**
 * What a request to join must hold, so the store refuses exactly what the form explains. Errors
 * are keyed by the form's field names, in the order the form shows the fields, with message keys
 * from {@code dev/participation/groups/join/Language.properties}.
 */
public final class JoinRules {

    public static final int NAME_MAX = 40;
    public static final int ADULT_NAME_MAX = 80;
    public static final int EMAIL_MAX = 254;
    public static final int PHONE_MAX = 20;
    public static final int HELP_MAX = 500;
    public static final int REASON_MAX = 500;
    /** Groups take children from school age; parent carer forums take parents of any age. */
    public static final int AGE_MIN = 4;
    public static final int AGE_MAX = 99;

    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"(),;:]+@[^\\s@<>\"(),;:]+\\.[^\\s@<>\"(),;:.]+");
    // Digits with the spaces, dashes, brackets and leading plus people write numbers with.
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{10,20}");
    // Markup is never run (templates escape it) but never meant either: a name or a note has no use for it.
    private static final Pattern MARKUP = Pattern.compile("[<>]");

    private JoinRules() {
    }

    public static boolean isEmail(String s) {
        return s.length() <= EMAIL_MAX && EMAIL.matcher(s).matches();
    }

    public static boolean isPhone(String s) {
        return PHONE.matcher(s).matches() && s.chars().filter(Character::isDigit).count() >= 10;
    }

    /** Whether an adult must agree to a request from someone of this age. */
    public static boolean needsConsent(int age, int consentAge) {
        return age >= AGE_MIN && age < consentAge;
    }

    /**
     * Each field's problem; empty when the request may be kept.
     *
     * @param consentAge under this age an adult with parental responsibility or delegated authority must agree
     */
    public static Map<String, Message> check(JoinAsk ask, int consentAge) {
        Map<String, Message> errors = new LinkedHashMap<>();
        text(errors, "firstName", ask.firstName(), NAME_MAX, true);
        if (ask.age() < AGE_MIN || ask.age() > AGE_MAX) {
            errors.put("age", Message.of("join.error.age.range", AGE_MIN, AGE_MAX));
        }
        if (ask.reach() == null) {
            errors.put("reach", Message.of("join.error.reach"));
        } else {
            switch (ask.reach()) {
                case EMAIL -> {
                    if (text(errors, "email", ask.email(), EMAIL_MAX, true) && !isEmail(ask.email().strip())) {
                        errors.put("email", Message.of("join.error.email"));
                    }
                }
                case PHONE -> {
                    if (text(errors, "phone", ask.phone(), PHONE_MAX, true) && !isPhone(ask.phone().strip())) {
                        errors.put("phone", Message.of("join.error.phone"));
                    }
                }
                case ADULT -> {
                    text(errors, "adultName", ask.adultName(), ADULT_NAME_MAX, true);
                    if (ask.adultRole() == null) {
                        errors.put("adultRole", Message.of("join.error.adultRole"));
                    }
                    String contact = ask.adultContact().strip();
                    if (text(errors, "adultContact", contact, EMAIL_MAX, true) && !isEmail(contact)
                            && !isPhone(contact)) {
                        errors.put("adultContact", Message.of("join.error.adultContact"));
                    }
                }
            }
        }
        text(errors, "help", ask.help(), HELP_MAX, false);
        if (needsConsent(ask.age(), consentAge)) {
            // Said with the age, so a child sees why they are asked for an adult's name.
            if (ask.consentName().isBlank()) {
                errors.put("consentName", Message.of("join.error.consentName.required", consentAge));
            } else {
                text(errors, "consentName", ask.consentName(), ADULT_NAME_MAX, true);
            }
            if (ask.consentRole() == null) {
                errors.put("consentRole", Message.of("join.error.consentRole", consentAge));
            }
        }
        if (!ask.agreed()) {
            errors.put("agree", Message.of("join.error.agree"));
        }
        return errors;
    }

    /** The reason given when a request is declined: required, short, plain words. */
    public static Map<String, Message> checkReason(String reason) {
        Map<String, Message> errors = new LinkedHashMap<>();
        text(errors, "reason", reason, REASON_MAX, true);
        return errors;
    }

    /** Puts the field's error if any; true when the value is present and passed. */
    private static boolean text(Map<String, Message> errors, String field, String value, int max, boolean required) {
        String v = value.strip();
        if (v.isEmpty()) {
            if (required) {
                errors.put(field, Message.of("join.error." + field + ".required"));
            }
            return false;
        }
        if (v.codePointCount(0, v.length()) > max) {
            errors.put(field, Message.of("join.error.tooLong", max));
            return false;
        }
        if (MARKUP.matcher(v).find() || v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r')) {
            errors.put(field, Message.of("join.error.markup"));
            return false;
        }
        return true;
    }
}
