package id.formasi.infra;

import id.formasi.solver.plan.PlanDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one plan: what it is solved from, where the solve is, its score and the review trail. The
 * solved document itself is stored apart ({@link PlanStore#document}); this record stays small.
 *
 * @param version         optimistic version: every write adds one, a write expecting an older one fails
 * @param snapshotVersion the snapshot object version this plan is solved from
 * @param warmStartFrom   the plan whose placements the solve keeps where it can, or null
 * @param trigger         why the plan exists: {@code REQUEST}, {@code RESOLVE} or {@code SNAPSHOT_CHANGED}
 * @param failure         why the last attempt failed, or null
 * @param attempts        solve attempts so far
 */
public record PlanRecord(
        String planId,
        String tenant,
        String snapshotId,
        String snapshotVersion,
        PlanStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt,
        int budgetSeconds,
        List<Pin> pins,
        String warmStartFrom,
        String trigger,
        Progress progress,
        PlanDocument.Score score,
        Summary summary,
        String failure,
        int attempts,
        List<AuditEntry> audit) {

    public PlanRecord {
        pins = pins == null ? List.of() : List.copyOf(pins);
        audit = audit == null ? List.of() : List.copyOf(audit);
    }

    /** Best-so-far figures of a running (or finished) solve. */
    public record Progress(long elapsedMillis, String score, String phase, Instant at) {
    }

    /** Counts of the solved plan. */
    public record Summary(int placements, int moves, int leaving, int unfilled, int surplus, int violations,
            long timeSpentMillis, String terminationReason) {
    }

    public static PlanRecord queued(String planId, String tenant, String snapshotId, String snapshotVersion,
            int budgetSeconds, List<Pin> pins, String warmStartFrom, String trigger, Instant now) {
        return new PlanRecord(planId, tenant, snapshotId, snapshotVersion, PlanStatus.QUEUED, 1, now, now,
                budgetSeconds, pins, warmStartFrom, trigger, null, null, null, null, 0, List.of());
    }

    public PlanRecord withStatus(PlanStatus next, Instant now) {
        return new PlanRecord(planId, tenant, snapshotId, snapshotVersion, next, version, createdAt, now,
                budgetSeconds, pins, warmStartFrom, trigger, progress, score, summary, failure, attempts, audit);
    }

    public PlanRecord withProgress(Progress next) {
        return new PlanRecord(planId, tenant, snapshotId, snapshotVersion, status, version, createdAt, next.at(),
                budgetSeconds, pins, warmStartFrom, trigger, next, score, summary, failure, attempts, audit);
    }

    public PlanRecord withAttempt(int attempt, Instant now) {
        return new PlanRecord(planId, tenant, snapshotId, snapshotVersion, status, version, createdAt, now,
                budgetSeconds, pins, warmStartFrom, trigger, progress, score, summary, failure, attempt, audit);
    }

    public PlanRecord withFailure(String reason, Instant now) {
        return new PlanRecord(planId, tenant, snapshotId, snapshotVersion, status, version, createdAt, now,
                budgetSeconds, pins, warmStartFrom, trigger, progress, score, summary, reason, attempts, audit);
    }

    public PlanRecord withResult(PlanDocument.Score nextScore, Summary nextSummary, Instant now) {
        return new PlanRecord(planId, tenant, snapshotId, snapshotVersion, status, version, createdAt, now,
                budgetSeconds, pins, warmStartFrom, trigger, progress, nextScore, nextSummary, null, attempts, audit);
    }

    public PlanRecord withPins(List<Pin> next, Instant now) {
        return new PlanRecord(planId, tenant, snapshotId, snapshotVersion, status, version, createdAt, now,
                budgetSeconds, next, warmStartFrom, trigger, progress, score, summary, failure, attempts, audit);
    }

    /** Adds an audit entry stamped with the version this write will produce. */
    public PlanRecord audited(Instant now, String actor, String action, String comment, String details) {
        List<AuditEntry> next = new ArrayList<>(audit);
        next.add(new AuditEntry(now, actor, action, comment, details, version + 1));
        return new PlanRecord(planId, tenant, snapshotId, snapshotVersion, status, version, createdAt, now,
                budgetSeconds, pins, warmStartFrom, trigger, progress, score, summary, failure, attempts, next);
    }

    /** The same record at the given version (stores set it on a successful write). */
    public PlanRecord atVersion(long next) {
        return new PlanRecord(planId, tenant, snapshotId, snapshotVersion, status, next, createdAt, updatedAt,
                budgetSeconds, pins, warmStartFrom, trigger, progress, score, summary, failure, attempts, audit);
    }
}
