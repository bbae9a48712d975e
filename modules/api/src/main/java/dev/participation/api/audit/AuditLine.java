package dev.participation.api.audit;

import java.util.Objects;

/**
 * One line to add to the audit log, for {@link AuditLog#recordAll}: who did what to which record.
 *
 * @param detail what happened, in words; {@code null} is kept as an empty detail
 * @since 1.2
 */
public record AuditLine(String actor, String action, String recordType, String recordId, String detail) {

    public AuditLine {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordId, "recordId");
        detail = detail == null ? "" : detail;
    }
}
