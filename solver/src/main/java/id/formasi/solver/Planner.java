package id.formasi.solver;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
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
import id.formasi.solver.domain.Post;
import id.formasi.solver.domain.StaffingPlan;
import id.formasi.solver.exact.Bound;
import id.formasi.solver.exact.CoreLevels;
import id.formasi.solver.exact.ExactCore;
import id.formasi.solver.exact.PracticeSearch;
import id.formasi.solver.rules.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Solves a problem: every goal of the score is a min-cost flow (docs/scoring.md), so the exact flow places
 * everyone at the proven optimum of the full score and solving stops there. Timefold scores the plan with
 * the constraints, which state the same goals independently. The rules of mutasi practice are not a flow:
 * when the flow's plan breaks one, {@link PracticeSearch} goes on from it against a proven bound. Build one Planner per process and reuse it: a
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
     * How long to search, whom to tell about progress, and whether to stop early. The flow is exact for every
     * goal today, so it stops before any limit; the limits bound the search that rules outside a flow would
     * need. {@code stop} is asked between the flow's pricing rounds: when it says yes, the flow over the arcs
     * priced so far is the plan (feasible, not proven optimal), and the certificate is still computed.
     */
    public record Options(Duration timeLimit, Duration unimprovedLimit, Consumer<Progress> progress,
            BooleanSupplier stop) {

        public static Options of(Duration timeLimit) {
            return new Options(timeLimit, Duration.ofSeconds(5), progress -> {
            }, () -> false);
        }

        public Options withProgress(Consumer<Progress> listener) {
            return new Options(timeLimit, unimprovedLimit, listener, stop);
        }

        public Options withStop(BooleanSupplier next) {
            return new Options(timeLimit, unimprovedLimit, progress, next);
        }
    }

    /** The search around a held plan ends after this long without a better plan (measured: docs/decisions.md). */
    private static final Duration SEARCH_UNIMPROVED = Duration.ofSeconds(1);

    /** The termination reason of a solve that was asked to stop. */
    public static final String STOPPED = "stopped early on request";

    /** The best plan found so far, as the solve goes. */
    public record Progress(Duration elapsed, HardMediumSoftScore score, String phase) {
    }

    /**
     * The solved plan with its score, the core optimum it was measured against and how the time went.
     */
    public record Result(StaffingPlan plan, HardMediumSoftScore score, CoreLevels levels, CoreLevels optimum,
            Bound bound, Duration timeSpent, String terminationReason) {
    }

    public Result solve(Problem problem, Options options) {
        long start = System.nanoTime();
        StaffingPlan plan = problem.plan();
        // The plan's flow first, so the first answer comes after one flow; then the certificate (the
        // contract's three levels at their exact optimum), which is the same flow when no policy term
        // changes it. A stop request is remembered, so the termination reason says the flow was cut short.
        AtomicBoolean stopped = new AtomicBoolean();
        BooleanSupplier stop = () -> {
            if (!stopped.get() && options.stop().getAsBoolean()) {
                stopped.set(true);
            }
            return stopped.get();
        };
        CoreLevels levels = ExactCore.optimize(plan, true, stop);
        long flowNanos = System.nanoTime() - start;
        HardMediumSoftScore score = solutionManager.update(plan);
        options.progress().accept(new Progress(elapsed(start), score, "exact"));
        Bound bound = new Bound(levels.hard(), levels.shortage(), (long) -score.softScore());
        CoreLevels optimum = levels;
        if (stopped.get() || PracticeSearch.practiceHard(score, levels) == 0) {
            // A flow cut short is no optimum of anything: the certificate is then its own flow, run to the end,
            // and bounds the hard and shortage levels.
            optimum = stopped.get() || ExactCore.policyTermsMatter(plan) ? ExactCore.optimum(plan) : levels;
            bound = stopped.get() ? new Bound(optimum.hard(), optimum.shortage(), null) : bound;
            return new Result(plan, score, levels, optimum, bound, elapsed(start),
                    stopped.get() ? STOPPED : "exact optimum of the full score");
        }
        // The flow's plan breaks a rule of mutasi practice: it is the relaxation, and the search goes on.
        PracticeSearch.Outcome outcome = PracticeSearch.run(plan, solutionManager::update,
                start + options.timeLimit().toNanos(), flowNanos, stop);
        long scoring = System.nanoTime();
        score = solutionManager.update(plan);
        scoring = System.nanoTime() - scoring;
        options.progress().accept(new Progress(elapsed(start), score, "practice rules"));
        HardMediumSoftScore held = score;
        if (!outcome.proven() && !stopped.get()) {
            score = searchAround(plan, score, start + options.timeLimit().toNanos(), scoring, SEARCH_UNIMPROVED, stop);
            if (score.compareTo(held) > 0) {
                options.progress().accept(new Progress(elapsed(start), score, "local search"));
            }
        }
        String termination = stopped.get() ? STOPPED
                : outcome.proven() ? "optimum with the practice rules: the plan meets the bound"
                : "practice rules kept by holding people in place" + (score.compareTo(held) > 0
                        ? ", then improved by local search" : "") + "; the bound from " + outcome.rounds()
                        + (outcome.rounds() == 1 ? " round" : " rounds") + " of priced flows";
        // The search's first flow is the certificate's.
        return new Result(plan, score, CoreLevels.of(plan), outcome.coreOptimum(), outcome.bound(), elapsed(start),
                termination);
    }

    /**
     * Timefold's local search from the held plan, for what holding whole free sets rules out (one person
     * leaving instead of another, chains through a facility at its limit). The rules of mutasi practice weigh
     * two hard each while it runs: at one, it trades a person above cap for a departure over the limit at the
     * same hard level, which the rules' target forbids. Its plan is kept when it scores better with the
     * usual weights and breaks no more of the rules.
     */
    private HardMediumSoftScore searchAround(StaffingPlan plan, HardMediumSoftScore score, long deadline,
            long scoringNanos, Duration unimproved, BooleanSupplier stop) {
        // The search scores the plan from scratch as it starts and once more after it: with less time left
        // than a few of those (a second on a province), it would only overrun the budget.
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left < 200 + 4 * scoringNanos / 1_000_000) {
            return score;
        }
        long rulesBroken = PracticeSearch.practiceHard(score, CoreLevels.of(plan));
        List<Post> start = plan.assignedPosts();
        HardMediumSoftScore twice = HardMediumSoftScore.ofHard(2);
        plan.setConstraintWeightOverrides(ConstraintWeightOverrides.of(Map.of(FormasiConstraints.PNS_FLOOR, twice,
                FormasiConstraints.DEPARTURES, twice, FormasiConstraints.SPOUSES, twice,
                FormasiConstraints.SPOUSE_FIXED, twice)));
        Solver<StaffingPlan> solver = solverFactory.buildSolver(new SolverConfigOverride()
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofMillis(left))
                        .withUnimprovedSpentLimit(unimproved)));
        solver.addEventListener(event -> {
            if (stop.getAsBoolean()) {
                solver.terminateEarly();
            }
        });
        StaffingPlan best = solver.solve(plan);
        plan.setConstraintWeightOverrides(ConstraintWeightOverrides.none());
        plan.assign(best.assignedPosts());
        HardMediumSoftScore found = solutionManager.update(plan);
        if (found.compareTo(score) > 0 && PracticeSearch.practiceHard(found, CoreLevels.of(plan)) <= rulesBroken) {
            return found;
        }
        plan.assign(start);
        return solutionManager.update(plan);
    }

    /** Score a plan as the solver does. */
    public HardMediumSoftScore score(StaffingPlan plan) {
        return solutionManager.update(plan);
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
