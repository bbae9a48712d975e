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

    /** The newest entries first. */
    List<AuditEntry> recent(int limit);

    /** Everything that happened to one record, oldest first. */
    List<AuditEntry> forRecord(String recordType, String recordId);
}
