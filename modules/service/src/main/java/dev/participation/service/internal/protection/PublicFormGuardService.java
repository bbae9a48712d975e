package dev.participation.service.internal.protection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.participation.api.audit.AuditLog;
import dev.participation.api.protection.GuardFields;
import dev.participation.api.protection.PublicFormGuard;
import dev.participation.api.protection.Screening;
import dev.participation.api.protection.Verdict;
import dev.participation.api.security.SharedSecrets;
import dev.participation.api.widget.HostRequest;
import dev.participation.api.widget.Message;
import dev.participation.service.internal.storage.Database;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The rules, cheapest first: the honeypot, then the signed "form drawn at" token (too quick, too
 * old, missing or forged), and only then the rate limits, which write to the database. A post that
 * a cheap rule refuses uses up no one's allowance, so a program filling the honeypot cannot crowd
 * people out.
 */
@Component(service = PublicFormGuard.class, configurationPid = PublicFormGuardService.PID)
@Designate(ocd = PublicFormGuardConfiguration.class)
public final class PublicFormGuardService implements PublicFormGuard {

    public static final String PID = "dev.participation.protection";

    /** A field programs fill in and browsers never fill in by themselves. */
    static final String HONEYPOT = "website";
    static final String TOKEN = "form_drawn_at";
    static final String OVERALL = "all";
    private static final int FORM_KEY_LENGTH = 100;

    private final Clock clock;
    private final FormTokens tokens;
    private final AddressHashes addresses;
    private final PostWindows windows;
    private final Refusals refusals;
    private final Duration minimumFill;
    private final Duration formOpen;
    private final int postsPerAddress;
    private final int postsOverall;

    @Activate
    public PublicFormGuardService(@Reference Database database, @Reference SharedSecrets secrets,
            @Reference AuditLog audit, @Reference Clock clock, PublicFormGuardConfiguration config) {
        this.clock = clock;
        this.tokens = new FormTokens(secrets.key("public-form-token"));
        this.addresses = new AddressHashes(secrets.key("public-form-address"));
        this.windows = new PostWindows(database, Duration.ofMinutes(Math.max(1, config.windowMinutes())));
        this.refusals = new Refusals(windows, audit);
        this.minimumFill = Duration.ofSeconds(Math.max(0, config.minimumFillSeconds()));
        this.formOpen = Duration.ofHours(Math.max(1, config.formOpenHours()));
        this.postsPerAddress = config.postsPerAddress();
        this.postsOverall = config.postsOverall();
    }

    @Override
    public GuardFields fields(String formKey) {
        return new GuardFields(HONEYPOT, TOKEN, tokens.issue(checked(formKey), clock.instant()));
    }

    @Override
    public Verdict check(String formKey, HostRequest request) {
        return screen(formKey, request).admit();
    }

    @Override
    public Screening screen(String formKey, HostRequest request) {
        checked(formKey);
        Instant now = clock.instant();
        Verdict cheap = cheapRules(formKey, request, now);
        return new Screening() {
            @Override
            public Verdict verdict() {
                return cheap;
            }

            @Override
            public Verdict admit() {
                return cheap.passed() ? limits(formKey, request, now) : cheap;
            }
        };
    }

    /** The honeypot and the token: the rules that need no database. */
    private Verdict cheapRules(String formKey, HostRequest request, Instant now) {
        if (request.parameter(HONEYPOT).filter(value -> !value.isBlank()).isPresent()) {
            return refuse(formKey, Refusals.Rule.HONEYPOT, Message.of("protection.refused.honeypot"), now);
        }
        switch (tokens.read(formKey, request.parameter(TOKEN).orElse(null), now, minimumFill, formOpen)) {
            case TOO_QUICK:
                return refuse(formKey, Refusals.Rule.TOO_QUICK, Message.of("protection.refused.tooQuick"), now);
            case TOO_OLD:
                return refuse(formKey, Refusals.Rule.TOO_OLD, Message.of("protection.refused.tooOld"), now);
            case UNREADABLE:
                return refuse(formKey, Refusals.Rule.NO_TOKEN, Message.of("protection.refused.checkAgain"), now);
            default:
                return Verdict.pass();
        }
    }

    private Verdict limits(String formKey, HostRequest request, Instant now) {
        return windows.admit(formKey, limits(request), now).map(full -> {
            long minutes = Math.max(1, (Duration.between(now, full.windowEnd()).toSeconds() + 59) / 60);
            boolean byAddress = !OVERALL.equals(full.counter());
            return refuse(formKey, byAddress ? Refusals.Rule.ADDRESS_LIMIT : Refusals.Rule.OVERALL_LIMIT,
                    Message.of(byAddress ? "protection.refused.busyHere" : "protection.refused.busy", minutes), now);
        }).orElse(Verdict.pass());
    }

    /**
     * The address's limit comes first, so one busy address is told it is the one to wait. A host
     * that cannot tell the address (a portlet container) leaves only the overall limit.
     */
    private List<PostWindows.Limit> limits(HostRequest request) {
        List<PostWindows.Limit> limits = new ArrayList<>(2);
        Optional<String> address = request.clientAddress().filter(a -> !a.isBlank());
        address.ifPresent(a -> limits.add(new PostWindows.Limit(addresses.counterFor(a), postsPerAddress)));
        limits.add(new PostWindows.Limit(OVERALL, postsOverall));
        return limits;
    }

    private Verdict refuse(String formKey, Refusals.Rule rule, Message message, Instant now) {
        refusals.count(formKey, rule, now);
        return Verdict.refused(message);
    }

    private static String checked(String formKey) {
        if (formKey == null || formKey.isBlank() || formKey.length() > FORM_KEY_LENGTH) {
            throw new IllegalArgumentException("A form key has 1 to " + FORM_KEY_LENGTH + " characters");
        }
        return formKey;
    }
}
