package id.formasi.infra;

import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.plan.PlanStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The state of one plan: what it is solved from, where the solve is, its score and the review trail. The
 * solved document itself is stored apart ({@link PlanStore#document}); this record stays small.
 *
 * @param version         optimistic version: every write adds one, a write expecting an older one fails
 * @param snapshotVersion the snapshot object version this plan is solved from
 * @param warmStartFrom   the plan whose placements the solve keeps where it can, or null
 * @param trigger         why the plan exists
 * @param failure         why the last attempt failed, or null
 * @param attempts        solve attempts so far
 * @param replacedBy      what replaced the plan: the plan approved after it ({@code SUPERSEDED}) or the
 *                        snapshot that came after its own ({@code STALE}); null otherwise
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
        Trigger trigger,
        Progress progress,
        PlanDocument.Score score,
        Summary summary,
        String failure,
        int attempts,
        List<AuditEntry> audit,
        Replacement replacedBy) {

    public PlanRecord {
        pins = pins == null ? List.of() : List.copyOf(pins);
        audit = audit == null ? List.of() : List.copyOf(audit);
    }

    /** Why a plan exists: a planner asked, a planner asked to solve a plan anew, or its snapshot changed. */
    public enum Trigger {
        REQUEST, RESOLVE, SNAPSHOT_CHANGED
    }

    /** Best-so-far figures of a running (or finished) solve. */
    public record Progress(long elapsedMillis, String score, String phase, Instant at) {
    }

    /**
     * Counts of the solved plan.
     *
     * @param stoppedEarly the solve was stopped on request before its budget or its own end
     */
    public record Summary(int placements, int moves, int leaving, int unfilled, int surplus, int violations,
            long timeSpentMillis, String terminationReason, boolean stoppedEarly) {
    }

    /** The plan that superseded this one, or the snapshot (and its version) that made it stale, and when. */
    public record Replacement(String planId, String snapshotId, String snapshotVersion, Instant at) {
    }

    /** Somebody asked to stop this plan's solve. */
    public boolean stopRequested() {
        return audit.stream().anyMatch(entry -> entry.action() == AuditEntry.Action.CANCEL);
    }

    public static PlanRecord queued(String planId, String tenant, String snapshotId, String snapshotVersion,
            int budgetSeconds, List<Pin> pins, String warmStartFrom, Trigger trigger, Instant now) {
        return new PlanRecord(planId, tenant, snapshotId, snapshotVersion, PlanStatus.QUEUED, 1, now, now,
                budgetSeconds, pins, warmStartFrom, trigger, null, null, null, null, 0, List.of(), null);
    }

    public PlanRecord withStatus(PlanStatus next, Instant now) {
        return change(now, copy -> copy.status = next);
    }

    public PlanRecord withProgress(Progress next) {
        return change(next.at(), copy -> copy.progress = next);
    }

    public PlanRecord withAttempt(int attempt, Instant now) {
        return change(now, copy -> copy.attempts = attempt);
    }

    public PlanRecord withFailure(String reason, Instant now) {
        return change(now, copy -> copy.failure = reason);
    }

    /** The solved figures; a success clears the failure of an earlier attempt. */
    public PlanRecord withResult(PlanDocument.Score nextScore, Summary nextSummary, Instant now) {
        return change(now, copy -> {
            copy.score = nextScore;
            copy.summary = nextSummary;
            copy.failure = null;
        });
    }

    public PlanRecord withPins(List<Pin> next, Instant now) {
        return change(now, copy -> copy.pins = next);
    }

    public PlanRecord withReplacedBy(Replacement next, Instant now) {
        return change(now, copy -> copy.replacedBy = next);
    }

    /** Adds an audit entry stamped with the version this write will produce. */
    public PlanRecord audited(Instant now, String actor, AuditEntry.Action action, String comment, String details) {
        return change(now, copy -> {
            copy.audit = new ArrayList<>(audit);
            copy.audit.add(new AuditEntry(now, actor, action, comment, details, version + 1));
        });
    }

    /** The same record at the given version (stores set it on a successful write). */
    public PlanRecord atVersion(long next) {
        return change(updatedAt, copy -> copy.version = next);
    }

    private PlanRecord change(Instant now, Consumer<Copy> edit) {
        Copy copy = new Copy(this);
        copy.updatedAt = now;
        edit.accept(copy);
        return copy.record();
    }

    /** A record's fields, to change a few of them: the one place that lists them all again. */
    private static final class Copy {
        private final String planId;
        private final String tenant;
        private final String snapshotId;
        private final String snapshotVersion;
        private PlanStatus status;
        private long version;
        private final Instant createdAt;
        private Instant updatedAt;
        private final int budgetSeconds;
        private List<Pin> pins;
        private final String warmStartFrom;
        private final Trigger trigger;
        private Progress progress;
        private PlanDocument.Score score;
        private Summary summary;
        private String failure;
        private int attempts;
        private List<AuditEntry> audit;
        private Replacement replacedBy;

        private Copy(PlanRecord plan) {
            planId = plan.planId;
            tenant = plan.tenant;
            snapshotId = plan.snapshotId;
            snapshotVersion = plan.snapshotVersion;
            status = plan.status;
            version = plan.version;
            createdAt = plan.createdAt;
            updatedAt = plan.updatedAt;
            budgetSeconds = plan.budgetSeconds;
            pins = plan.pins;
            warmStartFrom = plan.warmStartFrom;
            trigger = plan.trigger;
            progress = plan.progress;
            score = plan.score;
            summary = plan.summary;
            failure = plan.failure;
            attempts = plan.attempts;
            audit = plan.audit;
            replacedBy = plan.replacedBy;
        }

        private PlanRecord record() {
            return new PlanRecord(planId, tenant, snapshotId, snapshotVersion, status, version, createdAt, updatedAt,
                    budgetSeconds, pins, warmStartFrom, trigger, progress, score, summary, failure, attempts, audit, replacedBy);
        }
    }
}
