package id.formasi.solver.domain;

import static id.formasi.solver.SnapshotBuilder.formation;
import static id.formasi.solver.SnapshotBuilder.person;

import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;
import id.formasi.solver.SnapshotBuilder;
import id.formasi.solver.rules.Problem;
import id.formasi.solver.rules.ProblemBuilder;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Policy;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules of mutasi practice, each constraint alone, on problems built from snapshots. Facilities as in
 * {@link SnapshotBuilder}: all of kind SD, 0.1 degree of latitude = 11.12 km.
 */
class PracticeConstraintsTest {

    private static final ConstraintVerifier<FormasiConstraints, StaffingPlan> VERIFIER =
            ConstraintVerifier.build(new FormasiConstraints(), StaffingPlan.class, Placement.class);

    private static Problem problem(Policy policy, SnapshotBuilder.Person... people) {
        return ProblemBuilder.build(new SnapshotBuilder().job("GURU").job("DOKTER")
                .policy(policy)
                .facility("A", -1.0, formation("GURU", 6, 0, 1))
                .facility("B", -1.1, formation("GURU", 6, 3, 1))
                .facility("C", -1.2, FacilityStatus.CLOSING, "D", formation("GURU", 6, 0, 1))
                .facility("D", -1.3, formation("GURU", 6, 0, 1))
                .staff(people)
                .build());
    }

    private static Policy rules(Map<String, Integer> minPns, Integer maxDepartures, Double spouseKm) {
        return Policy.DEFAULT.coreOnly().withPracticeRules(minPns, maxDepartures, spouseKm);
    }

    /** Places everyone where they are (the must-movers of the closing C at D), then the named people at {@code to}. */
    private static StaffingPlan placed(Problem problem, String to, String... staffIds) {
        for (Placement placement : problem.placements()) {
            if (placement.getPost() == null) {
                placement.setPost(placement.getCurrent() == null || placement.mustMove()
                        ? problem.post("D", "GURU") : placement.getCurrent());
            }
        }
        for (String id : staffIds) {
            problem.placements().stream().filter(p -> p.getStaffId().equals(id)).findFirst().orElseThrow()
                    .setPost(problem.post(to, "GURU"));
        }
        return problem.plan();
    }

    private static SnapshotBuilder.Person[] fourAtA() {
        return new SnapshotBuilder.Person[] {
                person("a1", "GURU", "A"), person("a2", "GURU", "A"), person("a3", "GURU", "A"),
                person("a4", "GURU", "A").contract(LocalDate.of(2030, 1, 1))};
    }

    @Test
    void eachPnsBelowTheFloorIsOneHardViolation() {
        Policy floor = rules(Map.of("SD", 3), null, null);
        VERIFIER.verifyThat(FormasiConstraints::everyFacilityKeepsItsPnsFloor)
                .givenSolution(placed(problem(floor, fourAtA()), "B", "a1", "a2")).penalizesBy(2);
        // the PPPK does not count towards the floor, so moving them costs nothing
        VERIFIER.verifyThat(FormasiConstraints::everyFacilityKeepsItsPnsFloor)
                .givenSolution(placed(problem(floor, fourAtA()), "B", "a4")).penalizesBy(0);
    }

    @Test
    void aPnsWithoutAnyEligibleFormationStaysAndCountsTowardTheFloor() {
        // d1, a PNS doctor at the school A, has no formation anywhere and stays. With a1 and a2 gone, A keeps
        // a3 and d1: one PNS short of its floor of 3, not two.
        StaffingPlan plan = placed(problem(rules(Map.of("SD", 3), null, null), person("a1", "GURU", "A"),
                person("a2", "GURU", "A"), person("a3", "GURU", "A"), person("d1", "DOKTER", "A")), "B", "a1", "a2");
        VERIFIER.verifyThat(FormasiConstraints::everyFacilityKeepsItsPnsFloor).givenSolution(plan).penalizesBy(1);
    }

    @Test
    void theFloorIsAtMostThePnsBeforeThePlan() {
        // k = 4, but A has only three PNS: its floor is three, and keeping them all is no violation
        Policy floor = rules(Map.of("SD", 4), null, null);
        VERIFIER.verifyThat(FormasiConstraints::everyFacilityKeepsItsPnsFloor)
                .givenSolution(placed(problem(floor, fourAtA()), "A")).penalizesBy(0);
        VERIFIER.verifyThat(FormasiConstraints::everyFacilityKeepsItsPnsFloor)
                .givenSolution(placed(problem(floor, fourAtA()), "D", "a3")).penalizesBy(1);
        // a kind without a floor
        VERIFIER.verifyThat(FormasiConstraints::everyFacilityKeepsItsPnsFloor)
                .givenSolution(placed(problem(rules(Map.of("SMP", 4), null, null), fourAtA()), "D", "a3"))
                .penalizesBy(0);
    }

    @Test
    void eachDepartureOverTheLimitIsOneHardViolation() {
        Policy limit = rules(null, 2, null);
        VERIFIER.verifyThat(FormasiConstraints::noFacilityLosesMoreThanTheDepartureLimit)
                .givenSolution(placed(problem(limit, fourAtA()), "B", "a1", "a2", "a3", "a4")).penalizesBy(2);
        VERIFIER.verifyThat(FormasiConstraints::noFacilityLosesMoreThanTheDepartureLimit)
                .givenSolution(placed(problem(limit, fourAtA()), "B", "a1", "a2")).penalizesBy(0);
    }

    @Test
    void peopleWhoMustMoveDoNotCountAsDepartures() {
        // C is closing: its three people move to D or B, even with a limit of 0
        Problem problem = problem(rules(null, 0, null), person("c1", "GURU", "C"), person("c2", "GURU", "C"),
                person("c3", "GURU", "C"));
        VERIFIER.verifyThat(FormasiConstraints::noFacilityLosesMoreThanTheDepartureLimit)
                .givenSolution(placed(problem, "B", "c1")).penalizesBy(0);
    }

    @Test
    void aCoupleFartherApartThanAllowedIsOneHardViolation() {
        Policy couples = rules(null, null, 15.0);
        SnapshotBuilder.Person[] couple = {person("a1", "GURU", "A").spouse("b1"), person("b1", "GURU", "B").spouse("a1")};
        // 11 km apart before; a1 to D puts them 22 km apart, over 15
        VERIFIER.verifyThat(FormasiConstraints::noPlanPartsACoupleFurther)
                .givenSolution(placed(problem(couples, couple), "D", "a1")).penalizesBy(1);
        // both to D: together
        VERIFIER.verifyThat(FormasiConstraints::noPlanPartsACoupleFurther)
                .givenSolution(placed(problem(couples, couple), "D", "a1", "b1")).penalizesBy(0);
    }

    @Test
    void aCoupleMayStayAsFarApartAsBefore() {
        Policy couples = rules(null, null, 15.0);
        SnapshotBuilder.Person[] couple = {person("a1", "GURU", "A").spouse("d1"), person("d1", "GURU", "D").spouse("a1")};
        VERIFIER.verifyThat(FormasiConstraints::noPlanPartsACoupleFurther)
                .givenSolution(placed(problem(couples, couple), "A")).penalizesBy(0);
        VERIFIER.verifyThat(FormasiConstraints::noPlanPartsACoupleFurther)
                .givenSolution(placed(problem(couples, couple), "B", "a1")).penalizesBy(0);
    }

    @Test
    void aSpouseWhomNothingCanMoveIsAFixedPoint() {
        // d1 is a DOKTER and no facility has a DOKTER formation: they stay at B
        Problem problem = problem(rules(null, null, 15.0), person("a1", "GURU", "A").spouse("d1"),
                person("d1", "DOKTER", "B").spouse("a1"));
        VERIFIER.verifyThat(FormasiConstraints::noPlanPartsACoupleFurtherFromASpouseWhoStays)
                .givenSolution(placed(problem, "D", "a1")).penalizesBy(1);
        VERIFIER.verifyThat(FormasiConstraints::noPlanPartsACoupleFurtherFromASpouseWhoStays)
                .givenSolution(placed(problem, "B", "a1")).penalizesBy(0);
    }

    @Test
    void withoutTheRulesNothingIsCounted() {
        Problem problem = problem(Policy.DEFAULT.coreOnly(), person("a1", "GURU", "A").spouse("b1"),
                person("b1", "GURU", "B").spouse("a1"), person("a2", "GURU", "A"));
        StaffingPlan plan = placed(problem, "D", "a1", "a2");
        VERIFIER.verifyThat(FormasiConstraints::everyFacilityKeepsItsPnsFloor).givenSolution(plan).penalizesBy(0);
        VERIFIER.verifyThat(FormasiConstraints::noFacilityLosesMoreThanTheDepartureLimit).givenSolution(plan)
                .penalizesBy(0);
        VERIFIER.verifyThat(FormasiConstraints::noPlanPartsACoupleFurther).givenSolution(plan).penalizesBy(0);
    }
}
