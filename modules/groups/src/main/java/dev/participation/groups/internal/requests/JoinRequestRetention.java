package dev.participation.groups.internal.requests;

import java.time.Duration;
import java.time.Instant;

import dev.participation.api.retention.RetentionRule;
import dev.participation.groups.internal.join.JoinConfiguration;
import dev.participation.groups.internal.join.JoinRequestStore;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A declined request's personal details are erased a while after it was declined (configurable,
 * default 90 days), leaving group, age and status for anonymous counts. A member who leaves is
 * erased at once ({@code JoinRequests.leave}); new, contacted and joined requests are kept while
 * they are being answered or the person is a member.
 */
@Component(service = RetentionRule.class, configurationPid = JoinConfiguration.PID)
public final class JoinRequestRetention implements RetentionRule {

    private final JoinRequestStore requests;
    private final Duration keptFor;

    @Activate
    public JoinRequestRetention(@Reference JoinRequestStore requests, JoinConfiguration config) {
        this.requests = requests;
        this.keptFor = Duration.ofDays(Math.max(0, config.declinedKeptDays()));
    }

    @Override
    public String recordType() {
        return JoinRequestStore.RECORD_TYPE;
    }

    @Override
    public Duration keptFor() {
        return keptFor;
    }

    @Override
    public String keptFrom() {
        return "the request was declined";
    }

    @Override
    public Treatment treatment() {
        return Treatment.ANONYMISE;
    }

    @Override
    public int apply(Instant cutoff) {
        return requests.eraseDeclined(cutoff);
    }
}
