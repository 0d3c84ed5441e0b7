package id.formasi.solver.domain;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The scoring rules. Hard and shortage (medium) and the disruption part of soft are the contract's three
 * levels (docs/snapshot-format.md); the other soft constraints are this project's policy goals, each
 * weighted by the snapshot's policy and zero-able.
 */
public class FormasiConstraints implements ConstraintProvider {

    public static final String OVER_CAP = "Nobody above the formation's cap";
    public static final String NO_ELIGIBLE_POST = "Everyone has an eligible formation";
    public static final String NO_ROOM = "Everyone who must move finds a formation with room";
    public static final String SHORTAGE = "Every formation reaches its minimum";
    public static final String DISRUPTION = "Every move costs its move cost and distance";
    public static final String ROTATION = "Moves of people due for rotation cost less";
    public static final String HOME_DISTANCE = "Moves do not take people farther from home";
    public static final String FACILITY_FAIRNESS = "No facility keeps its whole gap";
    public static final String DISTRICT_FAIRNESS = "No district keeps its whole gap";
    public static final String KEEP_PREVIOUS = "Keep the previous plan's decisions";
    public static final String PNS_FLOOR = "Every facility keeps its PNS floor";
    public static final String DEPARTURES = "No facility loses more people than the departure limit";
    public static final String SPOUSES = "No plan parts a couple further";
    public static final String SPOUSE_FIXED = "No plan parts a couple further from a spouse who stays";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                nobodyAboveCap(factory),
                everyoneHasAnEligibleFormation(factory),
                everyoneWhoMustMoveFindsAFormationWithRoom(factory),
                everyFormationReachesItsMinimum(factory),
                everyMoveCostsItsMoveCostAndDistance(factory),
                movesOfPeopleDueForRotationCostLess(factory),
                movesDoNotTakePeopleFartherFromHome(factory),
                noFacilityKeepsItsWholeGap(factory),
                noDistrictKeepsItsWholeGap(factory),
                keepThePreviousPlansDecisions(factory),
                everyFacilityKeepsItsPnsFloor(factory),
                noFacilityLosesMoreThanTheDepartureLimit(factory),
                noPlanPartsACoupleFurther(factory),
                noPlanPartsACoupleFurtherFromASpouseWhoStays(factory)
        };
    }

    /** Each post with the number of people placed on it, empty posts included. */
    private static BiConstraintStream<Post, Long> placedPerPost(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .filter(placement -> !placement.isNoRoom())
                .groupBy(Placement::getPost, count())
                .complement(Post.class, post -> 0L);
    }

    Constraint nobodyAboveCap(ConstraintFactory factory) {
        return placedPerPost(factory)
                .filter((post, placed) -> placed > post.getCap())
                .penalize(HardMediumSoftScore.ONE_HARD, Post::overCap)
                .asConstraint(OVER_CAP);
    }

    Constraint everyoneHasAnEligibleFormation(ConstraintFactory factory) {
        return factory.forEach(Unplaceable.class)
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(NO_ELIGIBLE_POST);
    }

    Constraint everyoneWhoMustMoveFindsAFormationWithRoom(ConstraintFactory factory) {
        return onePerPlacement(factory, Placement::isNoRoom, NO_ROOM);
    }

    /** One hard violation for each placement the test holds for. */
    private static Constraint onePerPlacement(ConstraintFactory factory, Predicate<Placement> test, String name) {
        return factory.forEach(Placement.class)
                .filter(test)
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(name);
    }

    Constraint everyFormationReachesItsMinimum(ConstraintFactory factory) {
        return placedPerPost(factory)
                .filter((post, placed) -> placed < post.getMinimum())
                .penalize(HardMediumSoftScore.ONE_MEDIUM, Post::shortage)
                .asConstraint(SHORTAGE);
    }

    /** Every placement that is a move: the soft goals on moves all start here. */
    private static UniConstraintStream<Placement> moves(ConstraintFactory factory) {
        return factory.forEach(Placement.class).filter(Placement::isMoved);
    }

    /** A soft goal that weighs every move by {@code weight}. */
    private static Constraint everyMoveWeighs(ConstraintFactory factory, ToLongFunction<Placement> weight,
            String name) {
        return moves(factory).penalize(HardMediumSoftScore.ONE_SOFT, weight).asConstraint(name);
    }

    Constraint everyMoveCostsItsMoveCostAndDistance(ConstraintFactory factory) {
        return everyMoveWeighs(factory, Placement::disruption, DISRUPTION);
    }

    Constraint movesOfPeopleDueForRotationCostLess(ConstraintFactory factory) {
        return moves(factory)
                .filter(Placement::isRotationDue)
                .reward(HardMediumSoftScore.ONE_SOFT, Placement::rotationDiscount)
                .asConstraint(ROTATION);
    }

    Constraint movesDoNotTakePeopleFartherFromHome(ConstraintFactory factory) {
        return everyMoveWeighs(factory, Placement::homeDistancePenalty, HOME_DISTANCE);
    }

    Constraint noFacilityKeepsItsWholeGap(ConstraintFactory factory) {
        return placedPerPost(factory)
                .filter((post, placed) -> placed < post.getMinimum() && post.getFacilityFairnessWeight() > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT, Post::fairnessPenalty)
                .asConstraint(FACILITY_FAIRNESS);
    }

    Constraint noDistrictKeepsItsWholeGap(ConstraintFactory factory) {
        return placedPerPost(factory)
                .filter((post, placed) -> placed < post.getMinimum() && post.getDistrict().fairnessWeight() > 0)
                .groupBy((post, placed) -> post.getDistrict(), sum((Post post, Long placed) -> post.unfilled(placed)))
                .penalize(HardMediumSoftScore.ONE_SOFT, District::fairnessPenalty)
                .asConstraint(DISTRICT_FAIRNESS);
    }

    Constraint keepThePreviousPlansDecisions(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .filter(placement -> placement.getPrevious() != null && placement.getPost() != placement.getPrevious())
                .penalize(HardMediumSoftScore.ONE_SOFT, Placement::changeFromPrevious)
                .asConstraint(KEEP_PREVIOUS);
    }

    // ---- the rules of mutasi practice (policy.minPnsByKind, maxDeparturesPerFacility, spouseMaxKm) ----

    Constraint everyFacilityKeepsItsPnsFloor(ConstraintFactory factory) {
        // Those without any eligible formation stay where they are, and count toward its floor too.
        return factory.forEach(Placement.class)
                .filter(placement -> placement.isPns() && placement.siteAfter().hasPnsFloor())
                .map(Placement::siteAfter)
                .concat(factory.forEach(Unplaceable.class)
                        .filter(person -> person.isPns() && person.site().hasPnsFloor())
                        .map(Unplaceable::site))
                .groupBy(site -> site, count())
                .complement(Site.class, site -> 0L)
                .filter((site, pns) -> site.pnsShort(pns) > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, (site, pns) -> site.pnsShort(pns))
                .asConstraint(PNS_FLOOR);
    }

    Constraint noFacilityLosesMoreThanTheDepartureLimit(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .filter(placement -> placement.getCurrentSite().limitsDepartures() && placement.departs())
                .groupBy(Placement::getCurrentSite, count())
                .filter((site, departures) -> departures > site.departureLimit())
                .penalize(HardMediumSoftScore.ONE_HARD, (site, departures) -> site.departuresOver(departures))
                .asConstraint(DEPARTURES);
    }

    Constraint noPlanPartsACoupleFurther(ConstraintFactory factory) {
        return factory.forEachUniquePair(Placement.class,
                        Joiners.equal(Placement::spouseStaffId, Placement::getStaffId))
                .filter(Placement::tooFarFrom)
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(SPOUSES);
    }

    Constraint noPlanPartsACoupleFurtherFromASpouseWhoStays(ConstraintFactory factory) {
        return onePerPlacement(factory, Placement::tooFarFromFixedSpouse, SPOUSE_FIXED);
    }
}
