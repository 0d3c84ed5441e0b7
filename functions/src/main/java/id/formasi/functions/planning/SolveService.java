package id.formasi.functions.planning;

import id.formasi.functions.FormasiProperties;
import id.formasi.infra.PlanRecord;
import id.formasi.infra.PlanStatus;
import id.formasi.infra.PlanStore;
import id.formasi.solver.Planning;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.snapshot.Snapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Solves one queued plan and stores the result; a plan already past solving is left alone. */
@Service
public class SolveService {

    private static final Logger LOG = LoggerFactory.getLogger(SolveService.class);

    public enum Outcome {
        /** Solved and stored, or failed for good: the message is done. */
        DONE,
        /** Nothing to do (solved already, stale, unknown): the message is done. */
        SKIPPED,
        /** Failed, worth another attempt: the message should come back. */
        RETRY
    }

    private final Planning planning;
    private final PlanStore plans;
    private final SnapshotService snapshots;
    private final FormasiProperties properties;
    private final Clock clock;

    public SolveService(Planning planning, PlanStore plans, SnapshotService snapshots, FormasiProperties properties,
            Clock clock) {
        this.planning = planning;
        this.plans = plans;
        this.snapshots = snapshots;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param attempt       which delivery of the message this is (SQS ApproximateReceiveCount)
     * @param remainingTime the Lambda time left, or empty when not on Lambda
     */
    public Outcome solve(String planId, int attempt, Optional<Duration> remainingTime) {
        Optional<PlanRecord> claimed = plans.update(planId, plan -> plan.status().isPending()
                ? plan.withStatus(PlanStatus.SOLVING, clock.instant()).withAttempt(attempt, clock.instant())
                : null);
        if (claimed.isEmpty()) {
            LOG.info("plan {}: nothing to solve ({})", planId,
                    plans.get(planId).map(plan -> plan.status().name()).orElse("unknown plan"));
            return Outcome.SKIPPED;
        }
        PlanRecord plan = claimed.get();
        Snapshot snapshot;
        try {
            snapshot = snapshots.load(plan.snapshotId(), plan.snapshotVersion()).snapshot();
        } catch (Failure e) {
            // The snapshot is gone or no longer valid: another attempt will not bring it back.
            fail(planId, "snapshot unavailable: " + e.getMessage());
            return Outcome.DONE;
        }
        try {
            Duration budget = budget(plan, remainingTime);
            LOG.info("plan {}: solving for {} staff, budget {} ms, attempt {}", planId, snapshot.staff().size(),
                    budget.toMillis(), attempt);
            Planning.Solved result = planning.plan(snapshot, Planning.Options.of(planId, budget)
                    .withPins(PlanService.solverPins(plan.pins())).withWarmStart(warmStart(plan))
                    .withProgress(progressSaver(planId)));
            PlanDocument document = result.document();
            plans.putDocument(planId, document);
            PlanRecord.Summary summary = new PlanRecord.Summary(document.placements().size(), document.moves().size(),
                    document.leaving().size(), document.unfilled().size(), document.surplus().size(),
                    document.violations().size(), result.timeSpent().toMillis(), result.terminationReason());
            Optional<PlanRecord> solved = plans.update(planId, current -> {
                PlanRecord withResult = current.withResult(document.score(), summary, clock.instant())
                        .withProgress(new PlanRecord.Progress(result.timeSpent().toMillis(), result.score(),
                                "done", clock.instant()));
                // A plan that turned STALE meanwhile keeps that status, with its document for reference.
                return current.status() == PlanStatus.SOLVING
                        ? withResult.withStatus(PlanStatus.SOLVED, clock.instant()) : withResult;
            });
            LOG.info("plan {}: {} in {} ms, score {}", planId, solved.map(PlanRecord::status).orElse(null),
                    result.timeSpent().toMillis(), result.score());
            return Outcome.DONE;
        } catch (RuntimeException e) {
            // The exception's message may quote input; the class name and plan id are enough to find it.
            String reason = "solver error (" + e.getClass().getSimpleName() + ") on attempt " + attempt;
            LOG.error("plan {}: {}", planId, reason);
            if (attempt >= properties.solve().maxAttempts()) {
                fail(planId, reason);
                return Outcome.DONE;
            }
            plans.update(planId, current -> current.status() == PlanStatus.SOLVING
                    ? current.withStatus(PlanStatus.QUEUED, clock.instant()).withFailure(reason, clock.instant()) : null);
            return Outcome.RETRY;
        }
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

    private java.util.function.Consumer<Planning.Progress> progressSaver(String planId) {
        AtomicLong lastSaved = new AtomicLong(Long.MIN_VALUE);
        long interval = properties.solve().progressInterval().toNanos();
        return progress -> {
            long now = System.nanoTime();
            long last = lastSaved.get();
            if (last != Long.MIN_VALUE && now - last < interval) {
                return;
            }
            lastSaved.set(now);
            plans.update(planId, current -> current.status() == PlanStatus.SOLVING
                    ? current.withProgress(new PlanRecord.Progress(progress.elapsed().toMillis(),
                    progress.score(), progress.phase(), clock.instant()))
                    : null);
        };
    }

    private void fail(String planId, String reason) {
        LOG.warn("plan {}: FAILED, {}", planId, reason);
        plans.update(planId, current -> current.status().isPending()
                ? current.withStatus(PlanStatus.FAILED, clock.instant()).withFailure(reason, clock.instant()) : null);
    }

    /** The plan whose placements this one keeps where it can, if any. */
    private PlanDocument warmStart(PlanRecord plan) {
        return plan.warmStartFrom() == null ? null : plans.document(plan.warmStartFrom()).orElse(null);
    }
}
