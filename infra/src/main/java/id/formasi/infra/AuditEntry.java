package id.formasi.infra;

import java.time.Instant;

/**
 * One entry of a plan's audit trail.
 *
 * @param version the plan version the entry produced
 */
public record AuditEntry(Instant at, String actor, Action action, String comment, String details, long version) {

    /**
     * What the entry records: a decision on the plan, a change of its pins, a request to stop its solve, its
     * place taken by a later approval, or its data replaced by a later snapshot.
     */
    public enum Action {
        APPROVE, REJECT, PINS, CANCEL, SUPERSEDE, STALE
    }
}
