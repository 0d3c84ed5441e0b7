package id.formasi.solver.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;
import ai.timefold.solver.core.api.score.stream.test.SingleConstraintAssertion;
import id.formasi.solver.Planner;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.plan.PlanDocument.ConstraintTotal;
import id.formasi.solver.plan.Plans;
import id.formasi.solver.rules.Problem;
import id.formasi.solver.rules.ProblemBuilder;
import id.formasi.solver.snapshot.SnapshotReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The explanation's per-constraint match counts and totals are the constraint streams' own: on the solved
 * sample, the ConstraintVerifier finds the same number of matches and the same weight for each.
 */
class ExplanationMatchesTest {

    private static final ConstraintVerifier<FormasiConstraints, StaffingPlan> VERIFIER =
            ConstraintVerifier.build(new FormasiConstraints(), StaffingPlan.class, Placement.class);

    private static final Map<String, BiFunction<FormasiConstraints, ConstraintFactory, Constraint>> STREAMS = merged(Map.of(
            FormasiConstraints.OVER_CAP, FormasiConstraints::nobodyAboveCap,
            FormasiConstraints.NO_ELIGIBLE_POST, FormasiConstraints::everyoneHasAnEligibleFormation,
            FormasiConstraints.NO_ROOM, FormasiConstraints::everyoneWhoMustMoveFindsAFormationWithRoom,
            FormasiConstraints.SHORTAGE, FormasiConstraints::everyFormationReachesItsMinimum,
            FormasiConstraints.DISRUPTION, FormasiConstraints::everyMoveCostsItsMoveCostAndDistance,
            FormasiConstraints.ROTATION, FormasiConstraints::movesOfPeopleDueForRotationCostLess,
            FormasiConstraints.HOME_DISTANCE, FormasiConstraints::movesDoNotTakePeopleFartherFromHome,
            FormasiConstraints.FACILITY_FAIRNESS, FormasiConstraints::noFacilityKeepsItsWholeGap,
            FormasiConstraints.DISTRICT_FAIRNESS, FormasiConstraints::noDistrictKeepsItsWholeGap,
            FormasiConstraints.KEEP_PREVIOUS, FormasiConstraints::keepThePreviousPlansDecisions), Map.of(
            // the rules of mutasi practice (Map.of takes ten pairs at most)
            FormasiConstraints.PNS_FLOOR, FormasiConstraints::everyFacilityKeepsItsPnsFloor,
            FormasiConstraints.DEPARTURES, FormasiConstraints::noFacilityLosesMoreThanTheDepartureLimit,
            FormasiConstraints.SPOUSES, FormasiConstraints::noPlanPartsACoupleFurther,
            FormasiConstraints.SPOUSE_FIXED, FormasiConstraints::noPlanPartsACoupleFurtherFromASpouseWhoStays));

    private static <K, V> Map<K, V> merged(Map<K, V> first, Map<K, V> second) {
        Map<K, V> all = new java.util.HashMap<>(first);
        all.putAll(second);
        return Map.copyOf(all);
    }

    @Test
    void everyConstraintTotalHasTheStreamsMatchesAndWeight() {
        Problem problem = ProblemBuilder.build(new SnapshotReader().read(Path.of("../samples/balikpapan.json")));
        Planner.Result result = new Planner().solve(problem, Planner.Options.of(Duration.ofSeconds(2)));
        PlanDocument plan = Plans.document(problem, result, "plan-test");
        assertEquals(STREAMS.size(), plan.explanation().constraints().size());
        for (ConstraintTotal total : plan.explanation().constraints()) {
            SingleConstraintAssertion assertion = VERIFIER.verifyThat(STREAMS.get(total.name()))
                    .givenSolution(result.plan());
            if (total.name().equals(FormasiConstraints.ROTATION)) {
                assertion.rewards(total.name() + " matches", total.matches());
                assertion.rewardsWith(total.name() + " total", total.total());
            } else {
                assertion.penalizes(total.name() + " matches", total.matches());
                assertion.penalizesBy(total.name() + " total", -total.total());
            }
        }
        // Moves that bring people nearer home are matches of weight 0: the count must include them.
        long nearerHome = result.plan().getPlacements().stream()
                .filter(placement -> placement.isMoved() && placement.homeDistancePenalty() == 0).count();
        assertTrue(nearerHome > 0, "the sample has moves that cost no home distance");
    }
}
