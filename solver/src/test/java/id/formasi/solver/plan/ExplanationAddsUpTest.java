package id.formasi.solver.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import id.formasi.solver.Planner;
import id.formasi.solver.plan.PlanDocument.ConstraintTotal;
import id.formasi.solver.rules.Problem;
import id.formasi.solver.rules.ProblemBuilder;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.SnapshotReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On the shipped sample: the explanation's per-constraint totals add up exactly to the solver's score. */
class ExplanationAddsUpTest {

    private static Snapshot snapshot;
    private static Problem problem;
    private static Planner.Result result;
    private static PlanDocument plan;

    @BeforeAll
    static void solveTheSample() {
        snapshot = new SnapshotReader().read(Path.of("../samples/balikpapan.json"));
        problem = ProblemBuilder.build(snapshot);
        result = new Planner().solve(problem, Planner.Options.of(Duration.ofSeconds(8)));
        plan = Plans.document(problem, result, "plan-test");
    }

    @Test
    void perConstraintTotalsAddUpToTheSolversScore() {
        HardMediumSoftScore score = result.score();
        assertEquals(score.hardScore(), sum(plan.explanation().constraints(), PlanDocument.Level.HARD));
        assertEquals(score.mediumScore(), sum(plan.explanation().constraints(), PlanDocument.Level.MEDIUM));
        assertEquals(score.softScore(), sum(plan.explanation().constraints(), PlanDocument.Level.SOFT));
        assertEquals(score.softScore(), plan.score().soft());
    }

    @Test
    void theScoreIsTheScoreOfTheReturnedPlacements() {
        assertEquals(result.score(), new Planner().score(result.plan()));
    }

    @Test
    void contractLevelsMatchTheScoreLevels() {
        assertEquals(-result.score().hardScore(), plan.score().hard());
        assertEquals(-result.score().mediumScore(), plan.score().shortage());
        long disruption = plan.moves().stream().mapToLong(PlanDocument.Move::cost).sum();
        assertEquals(disruption, plan.score().disruption());
    }

    @Test
    void theSampleIsSolvedToHardZeroAndOptimalShortage() {
        assertEquals(0, plan.score().hard());
        assertEquals(0, plan.optimum().shortageGap());
        assertEquals(0, plan.optimum().hardGap());
        assertTrue(plan.score().shortage() > 0, "the sample keeps a shortage that moves cannot fill");
    }

    @Test
    void everyoneInServiceHasExactlyOnePlacementAndLeaversHaveNone() {
        Set<String> placed = new HashSet<>();
        plan.placements().forEach(placement -> assertTrue(placed.add(placement.staffId()), "placed twice"));
        Set<String> leaving = new HashSet<>();
        plan.leaving().forEach(person -> leaving.add(person.staffId()));
        assertEquals(snapshot.staff().size(), placed.size() + leaving.size());
        leaving.forEach(id -> assertFalse(placed.contains(id), "a leaver is placed"));
    }

    @Test
    void everyMoveHasAReasonInBothLanguages() {
        assertFalse(plan.moves().isEmpty());
        plan.moves().forEach(move -> {
            assertFalse(move.reason().id().isBlank());
            assertFalse(move.reason().en().isBlank());
        });
        plan.unfilled().forEach(unfilled -> assertFalse(unfilled.reason().en().isBlank()));
    }

    private static long sum(List<ConstraintTotal> totals, PlanDocument.Level level) {
        return totals.stream().filter(total -> total.level() == level).mapToLong(ConstraintTotal::total).sum();
    }
}
