package id.formasi.solver;

import static id.formasi.solver.SnapshotBuilder.formation;
import static id.formasi.solver.SnapshotBuilder.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.exact.CoreLevels;
import id.formasi.solver.rules.PostRef;
import id.formasi.solver.rules.Problem;
import id.formasi.solver.rules.ProblemBuilder;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Policy;
import id.formasi.solver.snapshot.Snapshot;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The whole planner on small snapshots worked out by hand. Distances as in {@link SnapshotBuilder}: 0.1
 * degree of latitude = 11 km after rounding; moveCost 20.
 */
class PlannerTest {

    private static final Planner PLANNER = new Planner();
    private static final Planner.Options SHORT = new Planner.Options(Duration.ofSeconds(2), Duration.ofMillis(300),
            progress -> {
            }, () -> false);

    private static String placedAt(Planner.Result result, String staffId) {
        return result.plan().getPlacements().stream().filter(p -> p.getStaffId().equals(staffId)).findFirst()
                .orElseThrow().getPost().getId();
    }

    private static long countAt(Planner.Result result, String postId) {
        return result.plan().getPlacements().stream().filter(p -> p.getPost().getId().equals(postId)).count();
    }

    @Test
    void contractLevelsOnlyAreSolvedExactlyWithoutLocalSearch() {
        // the chain of ExactCoreTest: b1 -> C and one of A -> B, 31 + 31
        Problem problem = ProblemBuilder.build(SnapshotBuilder.gurusInARow(
                        formation("GURU", 2, 1, 1), formation("GURU", 1, 1, 1), formation("GURU", 1, 1, 3))
                .staff(person("a1", "GURU", "A"), person("a2", "GURU", "A"), person("b1", "GURU", "B"))
                .build());
        Planner.Result result = PLANNER.solve(problem, SHORT);
        assertEquals(new CoreLevels(0, 0, 62), result.optimum());
        assertEquals(result.optimum(), result.levels());
        assertEquals(HardMediumSoftScore.of(0, 0, -62), result.score());
        assertEquals("exact optimum of the full score", result.terminationReason());
    }

    @Test
    void unplaceableAndFixedOverCapAreTheScoresHardLevel() {
        // P (cap 1) keeps two fixed people: 1 hard; a KEPSEK with no KEPSEK formation anywhere: 1 hard
        Problem problem = ProblemBuilder.build(new SnapshotBuilder().job("GURU").job("KEPSEK")
                .facility("P", -1.0, formation("GURU", 1, 1, 1))
                .facility("Q", -1.1, formation("GURU", 2, 1, 2))
                .staff(person("p1", "GURU", "P").newcomer(), person("p2", "GURU", "P").protect("sakit"),
                        person("k1", "KEPSEK", "Q"))
                .build());
        Planner.Result result = PLANNER.solve(problem, SHORT);
        assertEquals(new CoreLevels(2, 2, 0), result.levels());
        assertEquals(HardMediumSoftScore.of(-2, -2, 0), result.score());
        assertEquals(1, result.plan().getUnplaceable().size());
    }

    /**
     * S needs one GURU; N (11 km) and F (0.15 degree, 17 km) have one spare each, f1 at F due for rotation
     * (discount 10); {@code keepPreviousWeight} as given.
     */
    private static Snapshot shortAtSWithRotationDueAtF(int keepPreviousWeight) {
        return new SnapshotBuilder().job("GURU")
                .policy(SnapshotBuilder.policy(null, 10, 0, 0, 0, keepPreviousWeight))
                .facility("S", -1.0, formation("GURU", 1, 1, 2))
                .facility("N", -1.1, formation("GURU", 2, 1, 1))
                .facility("F", -1.15, formation("GURU", 2, 1, 1))
                .staff(person("n1", "GURU", "N"), person("n2", "GURU", "N"),
                        person("f1", "GURU", "F").dueForRotation(), person("f2", "GURU", "F"))
                .build();
    }

    @Test
    void movesOfPeopleDueForRotationCostLess() {
        // S needs one. n1 (not due, 11 km) costs 31; f1 (due, 0.15 degree = 16.68 -> 17 km) costs 37 - 10 = 27.
        // The contract's optimum takes n1 (disruption 31); with the rotation discount f1 goes (37, soft -27).
        Problem problem = ProblemBuilder.build(shortAtSWithRotationDueAtF(0));
        Planner.Result result = PLANNER.solve(problem, SHORT);
        assertEquals(new CoreLevels(0, 0, 31), result.optimum());
        assertEquals(new CoreLevels(0, 0, 37), result.levels());
        assertEquals(HardMediumSoftScore.of(0, 0, -27), result.score());
        assertEquals("S/GURU", placedAt(result, "f1"));
    }

    @Test
    void keepThePreviousPlansDecisions() {
        // as above, but the previous plan sent n1 to S (weight 30): n1 -> S costs 31; f1 -> S would cost
        // 27 + 30 for leaving n1 where the previous plan did not put them
        Problem problem = ProblemBuilder.build(shortAtSWithRotationDueAtF(30), Map.of("n1", new PostRef("S", "GURU")),
                Map.of());
        Planner.Result result = PLANNER.solve(problem, SHORT);
        assertEquals(HardMediumSoftScore.of(0, 0, -31), result.score());
        assertEquals("S/GURU", placedAt(result, "n1"));
    }

    @Test
    void noFacilityKeepsItsWholeGap() {
        // one spare person at N; S1 (22 km) is empty on minimum 2, S2 (11 km) has 1 of 2; both priority 1,
        // so the shortage goes from 3 to 2 either way. The contract's optimum fills S2 (31). With facility fairness 10:
        // S1 costs 42 + 10 x 1 + 10 x 1 = 62, S2 costs 31 + 10 x 4 = 71: S1 is filled.
        Problem problem = ProblemBuilder.build(new SnapshotBuilder().job("GURU")
                .policy(SnapshotBuilder.policy(null, 0, 0, 10, 0, 0))
                .facility("N", -1.0, formation("GURU", 2, 1, 1))
                .facility("S2", -1.1, formation("GURU", 2, 2, 1))
                .facility("S1", -1.2, formation("GURU", 2, 2, 1))
                .staff(person("n1", "GURU", "N"), person("n2", "GURU", "N"), person("s", "GURU", "S2"))
                .build());
        Planner.Result result = PLANNER.solve(problem, SHORT);
        assertEquals(new CoreLevels(0, 2, 31), result.optimum());
        assertEquals(new CoreLevels(0, 2, 42), result.levels());
        assertEquals(HardMediumSoftScore.of(0, -2, -62), result.score());
        assertEquals(1, countAt(result, "S1/GURU"));
    }

    @Test
    void noDistrictKeepsItsWholeGapIsSolvedByTheFlow() {
        // one spare person at N. District Utara has two empty posts P1, P2 (minimum 1 each), district Kota one,
        // Q (minimum 1); all priority 1, so the shortage is 2 wherever the person goes. Q is nearest (11 km,
        // 31), but leaves Utara 2 unfilled: 10 x 2^2 + 0 = 40, soft -71. P1 (22 km, 42) leaves 1 and 1:
        // 10 + 10 = 20, soft -62. The district's convex cost in the flow finds P1 (or P2, also 22 km).
        Problem problem = ProblemBuilder.build(new SnapshotBuilder().job("GURU")
                .policy(SnapshotBuilder.policy(null, 0, 0, 0, 10, 0))
                .facility("N", -1.0, FacilityStatus.OPEN, "Selatan", formation("GURU", 2, 1, 1))
                .facility("Q", -1.1, FacilityStatus.OPEN, "Kota", formation("GURU", 1, 1, 1))
                .facility("P1", -1.2, FacilityStatus.OPEN, "Utara", formation("GURU", 1, 1, 1))
                .facility("P2", -0.8, FacilityStatus.OPEN, "Utara", formation("GURU", 1, 1, 1))
                .staff(person("n1", "GURU", "N"), person("n2", "GURU", "N"))
                .build());
        Planner.Result result = PLANNER.solve(problem, SHORT);
        assertEquals(new CoreLevels(0, 2, 31), result.optimum());
        assertEquals(HardMediumSoftScore.of(0, -2, -62), result.score());
        assertEquals(0, countAt(result, "Q/GURU"));
        assertEquals(result.score(), PLANNER.score(result.plan()));
    }

    /**
     * Two people at A (minimum 1) and F short of one, 111 km away behind 16 nearer posts with room (1 km
     * apart): the flow's first round holds only each class's 16 cheapest posts, so only pricing reaches F.
     */
    private static Problem shortPostBehindSixteenNearer() {
        SnapshotBuilder snapshot = new SnapshotBuilder().job("GURU")
                .facility("A", -1.0, formation("GURU", 2, 1, 1))
                .facility("F", -2.0, formation("GURU", 1, 1, 1));
        for (int i = 1; i <= 16; i++) {
            snapshot.facility("B" + i, -1.0 - 0.01 * i, formation("GURU", 1, 0, 1));
        }
        return ProblemBuilder.build(snapshot.staff(person("a1", "GURU", "A"), person("a2", "GURU", "A")).build());
    }

    @Test
    void aStopBetweenPricingRoundsKeepsTheFlowSoFarWithItsCertificate() {
        Planner.Result whole = PLANNER.solve(shortPostBehindSixteenNearer(), SHORT);
        assertEquals("exact optimum of the full score", whole.terminationReason());
        assertEquals(0, whole.levels().shortage());
        assertEquals(1, countAt(whole, "F/GURU"));

        AtomicInteger asked = new AtomicInteger();
        Planner.Result stopped = PLANNER.solve(shortPostBehindSixteenNearer(), SHORT.withStop(() -> {
            asked.incrementAndGet();
            return true;
        }));
        assertEquals(Planner.STOPPED, stopped.terminationReason());
        assertEquals(1, asked.get(), "asked after the first round; the answer is kept");
        assertEquals(0, countAt(stopped, "F/GURU"));
        assertTrue(stopped.levels().shortage() > whole.levels().shortage());
        assertEquals(whole.optimum(), stopped.optimum(), "the certificate is the exact optimum still");
        assertEquals(stopped.score(), PLANNER.score(stopped.plan()));
    }

    @Test
    void aStopIsNotAskedWhenTheFirstRoundIsAlreadyOptimal() {
        AtomicInteger asked = new AtomicInteger();
        Planner.Result result = PLANNER.solve(ProblemBuilder.build(SnapshotBuilder.gurusInARow(
                        formation("GURU", 2, 1, 1), formation("GURU", 1, 1, 1), formation("GURU", 1, 1, 1))
                .staff(person("a1", "GURU", "A"), person("a2", "GURU", "A")).build()), SHORT.withStop(() -> {
                    asked.incrementAndGet();
                    return true;
                }));
        assertEquals(0, asked.get());
        assertEquals("exact optimum of the full score", result.terminationReason());
        assertEquals(result.optimum(), result.levels());
    }

    @Test
    void everyoneFixedStillReturnsAPlan() {
        // nobody can move: the plan is the status quo, with its violations
        Problem problem = ProblemBuilder.build(new SnapshotBuilder().job("GURU")
                .policy(Policy.DEFAULT)
                .facility("A", -1.0, formation("GURU", 1, 1, 1))
                .facility("B", -1.1, formation("GURU", 1, 1, 1))
                .staff(person("a1", "GURU", "A").newcomer(), person("a2", "GURU", "A").protect("sakit"))
                .build());
        Planner.Result result = PLANNER.solve(problem, SHORT);
        assertEquals(new CoreLevels(1, 1, 0), result.levels());
        assertEquals(-1, result.score().hardScore());
        assertEquals(-1, result.score().mediumScore());
    }

    @Test
    void everyGoalOnKeepsTheExactHardAndShortage() {
        // two districts, homes on, every goal weighs: the flow's plan keeps the certificate's hard and
        // shortage, and Timefold under FULL_ASSERT scores it as the flow does
        Problem problem = ProblemBuilder.build(new SnapshotBuilder().job("GURU").job("PJOK")
                .policy(new Policy(2.0, 5.0, 20, 40.0, 10, 2, 10, 5, 30, null, null, null))
                .facility("A", -1.00, FacilityStatus.OPEN, "Kota", formation("GURU", 3, 2, 3),
                        formation("PJOK", 1, 1, 2))
                .facility("B", -1.08, FacilityStatus.OPEN, "Kota", formation("GURU", 2, 2, 4))
                .facility("C", -1.17, FacilityStatus.OPEN, "Utara", formation("GURU", 3, 2, 2),
                        formation("PJOK", 2, 1, 5))
                .facility("D", -1.25, FacilityStatus.OPENING, "Utara", formation("GURU", 2, 2, 5))
                .facility("E", -1.05, FacilityStatus.CLOSING, "Utara", formation("GURU", 2, 0, 1))
                .staff(person("a1", "GURU", "A").home(-1.20).dueForRotation(),
                        person("a2", "GURU", "A").home(-1.02),
                        person("a3", "GURU", "A").home(-1.24).alsoQualifiedFor("PJOK"),
                        person("a4", "GURU", "A").newcomer(),
                        person("b1", "GURU", "B").home(-1.10),
                        person("c1", "GURU", "C").home(-1.00).dueForRotation(),
                        person("c2", "GURU", "C").home(-1.18),
                        person("c3", "PJOK", "C").home(-1.01).alsoQualifiedFor("GURU"),
                        person("e1", "GURU", "E").home(-1.26),
                        person("e2", "GURU", "E").home(-0.99).protect("sakit"),
                        person("r1", "GURU", "B").born(LocalDate.of(1966, 8, 17)))
                .build());
        Planner fullAssert = new Planner(EnvironmentMode.FULL_ASSERT);
        Planner.Result result = fullAssert.solve(problem, Planner.Options.of(Duration.ofSeconds(3)));
        assertEquals(result.optimum().hard(), result.levels().hard());
        assertEquals(result.optimum().shortage(), result.levels().shortage());
        assertEquals(-result.optimum().hard(), result.score().hardScore());
        assertEquals(-result.optimum().shortage(), result.score().mediumScore());
        assertEquals(result.score(), PLANNER.score(result.plan()));
        assertEquals(0, countAt(result, "E/GURU"));
        for (Placement placement : result.plan().getPlacements()) {
            assertTrue(placement.getEligiblePosts().contains(placement.getPost()), placement.getStaffId());
        }
    }
}
