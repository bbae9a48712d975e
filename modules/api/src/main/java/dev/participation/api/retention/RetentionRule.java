package dev.participation.api.retention;

import java.time.Duration;
import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How long one kind of personal record is kept, and how it is erased or anonymised once past that.
 * Registered as an OSGi service by the bundle that owns the records; the platform's daily retention
 * job applies every rule and writes one audit line per rule with what it did.
 *
 * <p>Implemented by the owners of personal records, so this is a consumer type.
 */
@ConsumerType
public interface RetentionRule {

    /** What the rule does to a record past its period. */
    enum Treatment { ERASE, ANONYMISE }

    /** The kind of record, also the audit line's record type: {@code sign-in-session}. */
    String recordType();

    /** How long a record is kept, counted from {@link #keptFrom()}; usually configurable. */
    Duration keptFor();

    /**
     * What the period counts from, so "past it" can be read in the audit log, for example
     * {@code "the session expired"}.
     */
    String keptFrom();

    Treatment treatment();

    /**
     * Erases or anonymises every record whose period counted from {@link #keptFrom()} ended at or
     * before {@code cutoff}, and returns how many it changed. Called inside the retention job's
     * transaction where the owner's storage can join it, so the work and its audit line commit
     * together.
     */
    int apply(Instant cutoff);
}
