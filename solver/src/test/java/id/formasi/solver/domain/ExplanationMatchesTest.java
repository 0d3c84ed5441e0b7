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

    private static final Map<String, BiFunction<FormasiConstraints, ConstraintFactory, Constraint>> STREAMS = Map.ofEntries(
            Map.entry(FormasiConstraints.OVER_CAP, FormasiConstraints::nobodyAboveCap),
            Map.entry(FormasiConstraints.NO_ELIGIBLE_POST, FormasiConstraints::everyoneHasAnEligibleFormation),
            Map.entry(FormasiConstraints.NO_ROOM, FormasiConstraints::everyoneWhoMustMoveFindsAFormationWithRoom),
            Map.entry(FormasiConstraints.SHORTAGE, FormasiConstraints::everyFormationReachesItsMinimum),
            Map.entry(FormasiConstraints.DISRUPTION, FormasiConstraints::everyMoveCostsItsMoveCostAndDistance),
            Map.entry(FormasiConstraints.ROTATION, FormasiConstraints::movesOfPeopleDueForRotationCostLess),
            Map.entry(FormasiConstraints.HOME_DISTANCE, FormasiConstraints::movesDoNotTakePeopleFartherFromHome),
            Map.entry(FormasiConstraints.FACILITY_FAIRNESS, FormasiConstraints::noFacilityKeepsItsWholeGap),
            Map.entry(FormasiConstraints.DISTRICT_FAIRNESS, FormasiConstraints::noDistrictKeepsItsWholeGap),
            Map.entry(FormasiConstraints.KEEP_PREVIOUS, FormasiConstraints::keepThePreviousPlansDecisions),
            Map.entry(FormasiConstraints.PNS_FLOOR, FormasiConstraints::everyFacilityKeepsItsPnsFloor),
            Map.entry(FormasiConstraints.DEPARTURES, FormasiConstraints::noFacilityLosesMoreThanTheDepartureLimit),
            Map.entry(FormasiConstraints.SPOUSES, FormasiConstraints::noPlanPartsACoupleFurther),
            Map.entry(FormasiConstraints.SPOUSE_FIXED, FormasiConstraints::noPlanPartsACoupleFurtherFromASpouseWhoStays));

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
