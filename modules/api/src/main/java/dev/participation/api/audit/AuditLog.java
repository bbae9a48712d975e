package dev.participation.api.audit;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Append-only record of reads of personal data and of every change. Called inside the caller's
 * transaction where there is one, so a change and its audit line commit or roll back together.
 */
@ProviderType
public interface AuditLog {

    void record(String actor, String action, String recordType, String recordId, String detail);

    /**
     * Several lines at once, in order, in the caller's transaction as {@link #record} is: a change
     * made to many records together (a group of sign-ups) writes its lines in one batch instead of
     * one statement each.
     *
     * @since 1.2
     */
    void recordAll(List<AuditLine> lines);

    /** The newest entries first. */
    List<AuditEntry> recent(int limit);

    /**
     * One page further back in the log: up to {@code limit} entries whose id is below
     * {@code beforeId}, newest first. Paging by id rather than by offset, so a page is as quick
     * to read at the start of the log as at its end and lines written meanwhile shift nothing.
     *
     * @since 1.1
     */
    List<AuditEntry> olderThan(long beforeId, int limit);

    /**
     * One page forward in the log: the {@code limit} entries whose id is just above
     * {@code afterId} (fewer at the newest end), newest first.
     *
     * @since 1.1
     */
    List<AuditEntry> newerThan(long afterId, int limit);

    /** Everything that happened to one record, oldest first. */
    List<AuditEntry> forRecord(String recordType, String recordId);
}
