package id.formasi.solver.plan;

import static id.formasi.solver.SnapshotBuilder.formation;
import static id.formasi.solver.SnapshotBuilder.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.formasi.solver.Planner;
import id.formasi.solver.SnapshotBuilder;
import id.formasi.solver.rules.Problem;
import id.formasi.solver.rules.ProblemBuilder;
import id.formasi.solver.snapshot.Snapshot;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The plan says why: each move, gap, surplus and leaver with its reason, in both languages. */
class ReasonsTest {

    // A has two surplus teachers, one of them a newcomer (fixed); B lacks one teacher; C lacks a nurse
    // and no nurse exists anywhere; one teacher at A retires.
    private final Snapshot snapshot = new SnapshotBuilder()
            .job("GURU").job("PERAWAT", 58)
            .facility("A", 0.0, formation("GURU", 3, 1, 3))
            .facility("B", 0.1, formation("GURU", 2, 2, 5))
            .facility("C", 0.2, formation("PERAWAT", 1, 1, 4))
            .staff(person("100000000000000001", "GURU", "A"),
                    person("100000000000000002", "GURU", "A").newcomer(),
                    person("100000000000000003", "GURU", "A").newcomer(),
                    person("100000000000000004", "GURU", "A").born(LocalDate.of(1960, 3, 5)),
                    person("100000000000000005", "GURU", "B"))
            .build();

    private PlanDocument solve() {
        Problem problem = ProblemBuilder.build(snapshot);
        return Plans.document(problem, new Planner().solve(problem, Planner.Options.of(Duration.ofSeconds(1))),
                "p");
    }

    @Test
    void aMoveSaysWhichShortageItFillsAndWhatTheSourceKeeps() {
        PlanDocument plan = solve();
        assertEquals(1, plan.moves().size());
        PlanDocument.Move move = plan.moves().getFirst();
        assertEquals("B", move.to());
        assertEquals(11, move.km());
        assertEquals(31, move.cost());
        assertTrue(move.reason().id().startsWith("Mengisi kekurangan GURU di Facility B"), move.reason().id());
        assertTrue(move.reason().en().contains("Destination 1 → 2 (minimum 2, cap 2)"), move.reason().en());
        assertTrue(move.reason().en().contains("source Facility A 3 → 2 (minimum 1, cap 3)"), move.reason().en());
    }

    @Test
    void aGapWithNobodyEligibleSaysSo() {
        PlanDocument.Unfilled unfilled = solve().unfilled().getFirst();
        assertEquals("C", unfilled.facilityId());
        assertEquals(1, unfilled.missing());
        assertTrue(unfilled.reason().en().startsWith("No eligible staff who may move within reach"), unfilled.reason().en());
    }

    @Test
    void aSurplusOfFixedPeopleSaysTheyAreFixed() {
        PlanDocument.Surplus surplus = solve().surplus().getFirst();
        assertEquals("A", surplus.facilityId());
        assertEquals(1, surplus.excess());
        assertTrue(surplus.reason().en().contains("all 2 staff here are fixed"), surplus.reason().en());
    }

    @Test
    void aRetireeLeavesOnTheFirstDayAfterTheirBupMonth() {
        PlanDocument.Leaving leaving = solve().leaving().getFirst();
        assertEquals("RETIREMENT", leaving.reason());
        assertEquals(LocalDate.of(2020, 4, 1), leaving.date());
        assertEquals("Pensiun (BUP) per 2020-04-01", leaving.explanation().id());
    }

    @Test
    void theCertificateSaysOptimal() {
        PlanDocument plan = solve();
        assertTrue(plan.optimum().optimal());
        assertEquals("optimal", plan.optimum().summary().id());
    }
}
