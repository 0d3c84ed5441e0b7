package id.formasi.bench;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.solver.DefaultSolver;
import id.formasi.solver.domain.FormasiConstraints;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.StaffingPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Timefold on its own: the default construction heuristic and local search from an uninitialized plan
 * (no flow), with the solver's constraints. The bar the exact core has to clear.
 */
final class PlainTimefold {

    /** One improvement of the best plan: solve time in ms and its score. */
    record Best(long ms, HardMediumSoftScore score) {
    }

    record Run(StaffingPlan plan, HardMediumSoftScore score, List<Best> bests, long evalsPerSecond,
            boolean initialized) {

        /** Solve ms until the best plan first had its final hard level. */
        long hardMs() {
            return bests.stream().filter(b -> b.score().hardScore() == score.hardScore()).mapToLong(Best::ms)
                    .findFirst().orElse(-1);
        }

        /** Solve ms until the best plan first had its final hard and shortage levels. */
        long shortageMs() {
            return bests.stream().filter(b -> b.score().hardScore() == score.hardScore()
                    && b.score().mediumScore() == score.mediumScore()).mapToLong(Best::ms).findFirst().orElse(-1);
        }
    }

    private PlainTimefold() {
    }

    /** {@code plan} as {@code ProblemBuilder} makes it: every placement not pinned has no post yet. */
    @SuppressWarnings("unchecked")
    static Run solve(StaffingPlan plan, Duration limit) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(StaffingPlan.class)
                .withEntityClasses(Placement.class)
                .withConstraintProviderClass(FormasiConstraints.class)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit));
        Solver<StaffingPlan> solver = SolverFactory.<StaffingPlan>create(config).buildSolver();
        List<Best> bests = new ArrayList<>();
        long start = System.nanoTime();
        solver.addEventListener(event -> {
            if (event.isNewBestSolutionInitialized()) {
                bests.add(new Best((System.nanoTime() - start) / 1_000_000, (HardMediumSoftScore) event.getNewBestScore()));
            }
        });
        StaffingPlan best = solver.solve(plan);
        long speed = ((DefaultSolver<StaffingPlan>) solver).getMoveEvaluationSpeed();
        boolean initialized = best.getPlacements().stream().allMatch(p -> p.getPost() != null);
        return new Run(best, best.getScore(), bests, speed, initialized);
    }
}
