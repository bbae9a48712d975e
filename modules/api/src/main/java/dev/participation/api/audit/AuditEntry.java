package dev.participation.api.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log.
 *
 * @param id         ascending with time
 * @param at         when it happened
 * @param actor      who did it (an account id, or {@code "system"})
 * @param action     what they did, as a dotted verb: {@code widget.configure}, {@code pledge.publish}
 * @param recordType the kind of record touched: {@code widget-instance}, {@code pledge}
 * @param recordId   which one
 * @param detail     a short description without personal data beyond the actor
 */
public record AuditEntry(long id, Instant at, String actor, String action, String recordType, String recordId,
        String detail) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordId, "recordId");
        detail = detail == null ? "" : detail;
    }
}
