package dev.participation.service.internal.protection;

import java.time.Instant;
import java.util.Locale;

import dev.participation.api.audit.AuditLog;

/**
 * Every refused post is counted per form, rule and window, so staff can see an attack. The audit
 * log gets a line at the 1st, 10th, 100th, ... refusal of a window rather than one per post, which
 * an attack would otherwise flood. Neither holds anything about the sender.
 */
final class Refusals {

    enum Rule {
        HONEYPOT("the hidden field was filled in"),
        TOO_QUICK("sent sooner than the minimum fill time"),
        TOO_OLD("the form had been open too long"),
        NO_TOKEN("the form's token was missing or not ours"),
        ADDRESS_LIMIT("one address sent more than its limit"),
        OVERALL_LIMIT("more posts than the form's overall limit");

        private final String because;

        Rule(String because) {
            this.because = because;
        }

        String counter() {
            return "refused:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    static final String RECORD_TYPE = "public-form";
    private static final System.Logger LOG = System.getLogger(Refusals.class.getName());

    private final PostWindows windows;
    private final AuditLog audit;

    Refusals(PostWindows windows, AuditLog audit) {
        this.windows = windows;
        this.audit = audit;
    }

    void count(String formKey, Rule rule, Instant now) {
        int refused = windows.count(formKey, rule.counter(), now);
        if (isPowerOfTen(refused)) {
            String detail = refused + (refused == 1 ? " post" : " posts") + " refused since "
                    + windows.windowStart(now) + ": " + rule.because;
            audit.record("system", "public-form.refused", RECORD_TYPE, formKey, detail);
            LOG.log(System.Logger.Level.INFO, "Public form {0}: {1}", formKey, detail);
        }
    }

    static boolean isPowerOfTen(int count) {
        int n = count;
        while (n >= 10 && n % 10 == 0) {
            n /= 10;
        }
        return n == 1;
    }
}
