package id.formasi.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import id.formasi.solver.domain.FormasiConstraints;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.StaffingPlan;
import id.formasi.solver.exact.CoreLevels;
import id.formasi.solver.exact.ExactCore;
import id.formasi.solver.rules.Problem;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Solves a problem: every goal of the score is a min-cost flow (docs/scoring.md), so the exact flow places
 * everyone at the proven optimum of the full score and solving stops there. Timefold scores the plan with
 * the constraints, which state the same goals independently. Build one Planner per process and reuse it: a
 * SolverFactory per request leaks metaspace.
 */
public final class Planner {

    private final SolverFactory<StaffingPlan> solverFactory;
    private final SolutionManager<StaffingPlan, HardMediumSoftScore> solutionManager;

    public Planner() {
        this(EnvironmentMode.NO_ASSERT);
    }

    public Planner(EnvironmentMode environmentMode) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(StaffingPlan.class)
                .withEntityClasses(Placement.class)
                .withConstraintProviderClass(FormasiConstraints.class)
                .withEnvironmentMode(environmentMode);
        this.solverFactory = SolverFactory.create(config);
        this.solutionManager = SolutionManager.create(solverFactory);
    }

    /**
     * How long to search and whom to tell about progress. The flow is exact for every goal today, so it
     * stops before any limit; the limits bound the search that rules outside a flow would need.
     */
    public record Options(Duration timeLimit, Duration unimprovedLimit, Consumer<Progress> progress) {

        public static Options of(Duration timeLimit) {
            return new Options(timeLimit, Duration.ofSeconds(5), progress -> {
            });
        }

        public Options withProgress(Consumer<Progress> listener) {
            return new Options(timeLimit, unimprovedLimit, listener);
        }
    }

    /** The best plan found so far, as the solve goes. */
    public record Progress(Duration elapsed, HardMediumSoftScore score, String phase) {
    }

    /**
     * The solved plan with its score, the core optimum it was measured against and how the time went.
     */
    public record Result(StaffingPlan plan, HardMediumSoftScore score, CoreLevels levels, CoreLevels optimum,
            Duration timeSpent, String terminationReason) {
    }

    public Result solve(Problem problem, Options options) {
        long start = System.nanoTime();
        StaffingPlan plan = problem.plan();
        // The plan's flow first, so the first answer comes after one flow; then the certificate (the
        // contract's three levels at their exact optimum), which is the same flow when no policy term
        // changes it.
        CoreLevels levels = ExactCore.optimize(plan, true);
        HardMediumSoftScore score = solutionManager.update(plan);
        options.progress().accept(new Progress(elapsed(start), score, "exact"));
        CoreLevels optimum = ExactCore.policyTermsMatter(plan) ? ExactCore.optimum(plan) : levels;
        return new Result(plan, score, levels, optimum, elapsed(start), "exact optimum of the full score");
    }

    /** Score a plan as the solver does. */
    public HardMediumSoftScore score(StaffingPlan plan) {
        return solutionManager.update(plan);
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
