package id.formasi.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import id.formasi.solver.domain.FormasiConstraints;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.StaffingPlan;
import id.formasi.solver.exact.CoreLevels;
import id.formasi.solver.exact.ExactCore;
import id.formasi.solver.rules.Problem;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * Solves a problem: the exact flow places everyone optimally for every separable goal, then Timefold's
 * local search improves the goals a flow cannot express (distance from home, fairness across districts)
 * without giving up the levels above them. Build one Planner per process and reuse it: a SolverFactory
 * per request leaks metaspace.
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

    /** How long to search and whom to tell about progress. */
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
     * {@code plan} is the one to read: local search returns its own copy of the problem's solution.
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

        String termination = "exact optimum; no goal left for local search";
        if (needsLocalSearch(plan) && !options.timeLimit().isZero()) {
            // Timefold rejects termination limits finer than milliseconds.
            Duration left = options.timeLimit().minus(elapsed(start)).truncatedTo(ChronoUnit.MILLIS);
            if (left.isNegative() || left.isZero()) {
                termination = "time limit reached after the exact phase";
            } else {
                Solver<StaffingPlan> solver = solverFactory.buildSolver(new SolverConfigOverride()
                        .withTerminationConfig(new TerminationConfig()
                                .withSpentLimit(left)
                                .withUnimprovedSpentLimit(options.unimprovedLimit().truncatedTo(ChronoUnit.MILLIS))));
                solver.addEventListener(event -> options.progress().accept(
                        new Progress(elapsed(start), (HardMediumSoftScore) event.getNewBestScore(), "local search")));
                plan = solver.solve(plan);
                score = plan.getScore();
                termination = elapsed(start).compareTo(options.timeLimit()) >= 0 ? "time limit"
                        : "no improvement for " + options.unimprovedLimit().toMillis() + " ms";
            }
        }
        return new Result(plan, score, CoreLevels.of(plan), optimum, elapsed(start), termination);
    }

    /** Score a plan as the solver does. */
    public HardMediumSoftScore score(StaffingPlan plan) {
        return solutionManager.update(plan);
    }

    /** Distance from home and fairness across districts are the goals the flow leaves to local search. */
    private static boolean needsLocalSearch(StaffingPlan plan) {
        boolean home = plan.getPlacements().stream()
                .anyMatch(placement -> !placement.isPinned() && placement.getStaff().home() != null
                        && placement.getCosts().homeDistanceWeight() > 0);
        boolean districts = plan.getPosts().stream().anyMatch(post -> post.getDistrict().fairnessWeight() > 0);
        return home || districts;
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
