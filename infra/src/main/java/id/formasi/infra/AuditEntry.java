package id.formasi.infra;

import java.time.Instant;

/**
 * One entry of a plan's audit trail.
 *
 * @param action  e.g. {@code APPROVE}, {@code REJECT}, {@code PINS}
 * @param version the plan version the entry produced
 */
public record AuditEntry(Instant at, String actor, String action, String comment, String details, long version) {
}
