package id.formasi.infra;

import java.time.Instant;

/**
 * One entry of a plan's audit trail.
 *
 * @param version the plan version the entry produced
 */
public record AuditEntry(Instant at, String actor, Action action, String comment, String details, long version) {

    /** What the entry records: a decision on the plan, or a change of its pins. */
    public enum Action {
        APPROVE, REJECT, PINS
    }
}
