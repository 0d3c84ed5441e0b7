package id.formasi.functions.planning;

import id.formasi.functions.FormasiProperties;
import id.formasi.infra.PlanRecord;
import id.formasi.solver.plan.PlanStatus;
import id.formasi.infra.PlanStore;
import id.formasi.solver.Planning;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.snapshot.Snapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Solves one queued plan and stores the result; a plan already past solving is left alone. */
@Service
public record SolveService(Planning planning, PlanStore plans, SnapshotService snapshots, FormasiProperties properties,
        Clock clock) {

    private static final Logger LOG = LoggerFactory.getLogger(SolveService.class);

    public enum Outcome {
        /** Solved and stored, or failed for good: the message is done. */
        DONE,
        /** Nothing to do (solved already, stale, unknown): the message is done. */
        SKIPPED,
        /** Failed, worth another attempt: the message should come back. */
        RETRY
    }

    /**
     * Claims the plan (QUEUED, or SOLVING with a lease run out), solves it and stores the result, but only
     * while the plan is still this claim's: each claim raises {@code attempts}, and every later write checks it.
     *
     * @param attempt       which delivery of the message this is (SQS ApproximateReceiveCount)
     * @param remainingTime the Lambda time left, or empty when not on Lambda
     */
    public Outcome solve(String planId, int attempt, Optional<Duration> remainingTime) {
        Optional<PlanRecord> current = plans.get(planId);
        if (current.isPresent() && current.get().status() == PlanStatus.SOLVING && !leaseExpired(current.get())) {
            // Another delivery of the job is solving it now (SQS delivers at least once): come back later.
            LOG.info("plan {}: attempt {} is solving it; delivery {} comes back later", planId,
                    current.get().attempts(), attempt);
            return Outcome.RETRY;
        }
        Optional<PlanRecord> claimed = plans.update(planId, plan -> plan.status() == PlanStatus.QUEUED
                || (plan.status() == PlanStatus.SOLVING && leaseExpired(plan))
                ? plan.withStatus(PlanStatus.SOLVING, clock.instant()).withAttempt(plan.attempts() + 1, clock.instant())
                : null);
        if (claimed.isEmpty()) {
            LOG.info("plan {}: nothing to solve ({})", planId,
                    plans.get(planId).map(plan -> plan.status().name()).orElse("unknown plan"));
            return Outcome.SKIPPED;
        }
        PlanRecord plan = claimed.get();
        try {
            return solveClaimed(plan, attempt, remainingTime);
        } catch (RuntimeException e) {
            // The exception's message may quote input; the class name and plan id are enough to find it.
            String reason = "solver error (" + e.getClass().getSimpleName() + ") on attempt " + attempt;
            LOG.error("plan {}: {}", planId, reason);
            if (attempt >= properties.solve().maxAttempts()) {
                fail(plan, reason);
                return Outcome.DONE;
            }
            plans.update(planId, now -> ours(now, plan) && now.status() == PlanStatus.SOLVING
                    ? now.withStatus(PlanStatus.QUEUED, clock.instant()).withFailure(reason, clock.instant()) : null);
            return Outcome.RETRY;
        }
    }

    private Outcome solveClaimed(PlanRecord plan, int attempt, Optional<Duration> remainingTime) {
        String planId = plan.planId();
        Snapshot snapshot;
        try {
            snapshot = snapshots.load(plan.tenant(), plan.snapshotId(), plan.snapshotVersion()).snapshot();
        } catch (Failure e) {
            // The snapshot is gone or no longer valid: another attempt will not bring it back.
            fail(plan, "snapshot unavailable: " + e.getMessage());
            return Outcome.DONE;
        }
        Duration budget = budget(plan, remainingTime);
        LOG.info("plan {}: solving for {} staff, budget {} ms, attempt {}", planId, snapshot.staff().size(),
                budget.toMillis(), plan.attempts());
        Planning.Solved result = planning.plan(snapshot, Planning.Options.of(planId, budget)
                .withPins(PlanService.solverPins(plan.pins())).withWarmStart(warmStart(plan))
                .withProgress(progressSaver(plan)).withStop(stopRequest(plan)));
        PlanDocument document = result.document();
        if (plans.get(planId).filter(now -> ours(now, plan)).isEmpty()) {
            LOG.warn("plan {}: attempt {} no longer holds the plan; its result is dropped", planId, plan.attempts());
            return Outcome.SKIPPED;
        }
        plans.putDocument(planId, document);
        PlanRecord.Summary summary = new PlanRecord.Summary(document.placements().size(), document.moves().size(),
                document.leaving().size(), document.unfilled().size(), document.surplus().size(),
                document.violations().size(), result.timeSpent().toMillis(), result.terminationReason(),
                Planning.STOPPED.equals(result.terminationReason()));
        Optional<PlanRecord> solved = plans.update(planId, now -> {
            if (!ours(now, plan)) {
                return null;
            }
            PlanRecord withResult = now.withResult(document.score(), summary, clock.instant())
                    .withProgress(new PlanRecord.Progress(result.timeSpent().toMillis(), result.score(),
                            "done", clock.instant()));
            // A plan that turned STALE meanwhile keeps that status, with its document for reference.
            return now.status() == PlanStatus.SOLVING ? withResult.withStatus(PlanStatus.SOLVED, clock.instant()) : withResult;
        });
        LOG.info("plan {}: {} in {} ms, score {}", planId, solved.map(PlanRecord::status).orElse(null),
                result.timeSpent().toMillis(), result.score());
        return Outcome.DONE;
    }

    /** Still the claim's: no other attempt took it, and it is solving (or turned STALE meanwhile). */
    private static boolean ours(PlanRecord now, PlanRecord claimed) {
        return now.attempts() == claimed.attempts()
                && (now.status() == PlanStatus.SOLVING || now.status() == PlanStatus.STALE);
    }

    /**
     * A SOLVING plan's lease: its budget plus the grace, from its last write (every progress write renews it).
     * A live attempt never runs longer: the budget stops the search, the grace covers loading and storing.
     */
    boolean leaseExpired(PlanRecord plan) {
        Instant until = plan.updatedAt().plusSeconds(plan.budgetSeconds()).plus(properties.solve().leaseGrace());
        return clock.instant().isAfter(until);
    }

    /** The dead-letter queue's end of a job: the plan, if still pending, fails with the reason. */
    public void deadLettered(String planId) {
        plans.get(planId).ifPresent(plan -> fail(plan, "the solve did not finish after " + plan.attempts()
                + " attempt(s) (the function timed out or stopped); the job went to the dead-letter queue"));
    }

    /**
     * After a restart of the local runtime (one process per data folder), no solve is running: a SOLVING plan
     * was interrupted and goes back to QUEUED. Returns the plans that are pending.
     */
    public List<PlanRecord> interruptedLocally() {
        for (PlanRecord plan : plans.list(null, null, PlanStatus.SOLVING)) {
            plans.update(plan.planId(), current -> current.status() == PlanStatus.SOLVING
                    ? current.withStatus(PlanStatus.QUEUED, clock.instant())
                    .withFailure("attempt " + current.attempts() + " was interrupted by a restart", clock.instant())
                    : null);
        }
        return plans.list(null, null, PlanStatus.QUEUED);
    }

    /** The plan's budget, cut to what the Lambda has left minus time to store the result. */
    Duration budget(PlanRecord plan, Optional<Duration> remainingTime) {
        Duration budget = Duration.ofSeconds(plan.budgetSeconds());
        if (remainingTime.isPresent()) {
            Duration left = remainingTime.get().minus(properties.solve().safetyMargin());
            if (left.compareTo(budget) < 0) {
                budget = left.isNegative() ? Duration.ZERO : left;
            }
        }
        return budget;
    }

    private java.util.function.Consumer<Planning.Progress> progressSaver(PlanRecord claimed) {
        String planId = claimed.planId();
        AtomicLong lastSaved = new AtomicLong(Long.MIN_VALUE);
        long interval = properties.solve().progressInterval().toNanos();
        return progress -> {
            long now = System.nanoTime();
            long last = lastSaved.get();
            if (last != Long.MIN_VALUE && now - last < interval) {
                return;
            }
            lastSaved.set(now);
            plans.update(planId, current -> current.status() == PlanStatus.SOLVING && ours(current, claimed)
                    ? current.withProgress(new PlanRecord.Progress(progress.elapsed().toMillis(),
                    progress.score(), progress.phase(), clock.instant()))
                    : null);
        };
    }

    /**
     * Whether somebody asked to stop this solve (or the plan is gone): the plan record is read at the first
     * question and then at most once per progress interval, so a Lambda's solve hears of a cancel from the
     * table as a local one does.
     */
    private BooleanSupplier stopRequest(PlanRecord claimed) {
        long interval = properties.solve().progressInterval().toNanos();
        AtomicLong lastRead = new AtomicLong(System.nanoTime() - interval);
        AtomicBoolean stop = new AtomicBoolean();
        return () -> {
            long now = System.nanoTime();
            if (!stop.get() && now - lastRead.get() >= interval) {
                lastRead.set(now);
                stop.set(plans.get(claimed.planId()).map(PlanRecord::stopRequested).orElse(true));
            }
            return stop.get();
        };
    }

    /** Marks the plan FAILED if it is still pending and no other attempt claimed it since. */
    private void fail(PlanRecord seen, String reason) {
        String planId = seen.planId();
        LOG.warn("plan {}: FAILED, {}", planId, reason);
        plans.update(planId, current -> current.status().isPending() && current.attempts() == seen.attempts()
                ? current.withStatus(PlanStatus.FAILED, clock.instant()).withFailure(reason, clock.instant()) : null);
    }

    /** The plan whose placements this one keeps where it can, if any: only one of the same tenant. */
    private PlanDocument warmStart(PlanRecord plan) {
        if (plan.warmStartFrom() == null) {
            return null;
        }
        try {
            // Only the tenant's own plan may warm-start it.
            boolean ownPlan = plans.get(plan.warmStartFrom()).filter(from -> from.tenant().equals(plan.tenant()))
                    .isPresent();
            return ownPlan ? plans.document(plan.warmStartFrom()).orElse(null) : null;
        } catch (RuntimeException e) {
            // A warm start only speeds the search up: without it the solve starts cold, and still ends.
            LOG.warn("plan {}: warm start from plan {} unreadable ({}); solving without it", plan.planId(),
                    plan.warmStartFrom(), e.getClass().getSimpleName());
            return null;
        }
    }
}
