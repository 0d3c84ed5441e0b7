package id.formasi.solver.plan;

/** Where a plan is in its life: queued, solving, solved (then approved or rejected), failed, or stale. */
public enum PlanStatus {
    QUEUED, SOLVING, SOLVED, FAILED, APPROVED, REJECTED, STALE,
    /** Was approved; a later approval of the tenant took its place. */
    SUPERSEDED,
    /** Stopped before its solve began: there is nothing to read. */
    CANCELLED;

    /** A plan still waiting for, or in, a solve. */
    public boolean isPending() {
        return this == QUEUED || this == SOLVING;
    }

    /** A plan with a solved document to read. */
    public boolean hasDocument() {
        return this == SOLVED || this == APPROVED || this == REJECTED || this == SUPERSEDED;
    }
}
