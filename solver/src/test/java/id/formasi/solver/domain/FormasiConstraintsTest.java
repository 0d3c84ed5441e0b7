package id.formasi.solver.domain;

import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;
import id.formasi.solver.snapshot.Employment;
import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Job;
import id.formasi.solver.snapshot.Location;
import id.formasi.solver.snapshot.Sector;
import id.formasi.solver.snapshot.Staff;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One rule per test, each constraint alone. Facilities sit on one meridian (lon 116.8), so the distance
 * between two of them is 111.19 km per degree of latitude: 0.1 degree = 11.12 km (11), 0.3 = 33.36 (33),
 * 0.5 = 55.60 km, which rounds to 56, not 55.
 */
class FormasiConstraintsTest {

    private static final ConstraintVerifier<FormasiConstraints, StaffingPlan> VERIFIER =
            ConstraintVerifier.build(new FormasiConstraints(), StaffingPlan.class, Placement.class);

    private static final Job GURU = new Job("GURU_KELAS_SD", "Guru Kelas SD", Sector.EDUCATION, 60);
    private static final Job PJOK = new Job("GURU_PJOK", "Guru PJOK", Sector.EDUCATION, 60);
    private static final District KOTA = new District("Balikpapan Kota", 0);

    /** moveCost 20, rotation discount 10, home weight 1, keep-previous weight 30. */
    private static final Costs COSTS = new Costs(20, 10, 1, 30);

    private static int staffCounter;

    // ---- helpers --------------------------------------------------------------------------------

    private static Facility facility(String id, double lat) {
        return new Facility(id, "Facility " + id, "SD", KOTA.name(), new Location(lat, 116.8), FacilityStatus.OPEN,
                List.of());
    }

    private static Post post(Facility facility, Job job, int cap, int minimum, int priority) {
        return post(facility, job, cap, minimum, priority, KOTA, 0);
    }

    private static Post post(Facility facility, Job job, int cap, int minimum, int priority, District district,
            int facilityFairnessWeight) {
        return new Post(facility, job, cap, minimum, priority, district, facilityFairnessWeight);
    }

    /** A GURU formation with room for five and no minimum, alone at its facility. */
    private static Post roomyGuru(String facilityId, double lat) {
        return post(facility(facilityId, lat), GURU, 5, 0, 1);
    }

    private static Staff staff(Job job, Facility facility, Location home) {
        return new Staff(String.format("%018d", ++staffCounter), "Person " + staffCounter, Employment.PNS,
                job.code(), List.of(), facility.id(), LocalDate.of(1980, 1, 1), LocalDate.of(2020, 1, 1),
                LocalDate.of(2005, 1, 1), null, home, null, null);
    }

    /** Someone now at {@code current} (a post, so facility and job follow from it), placed on {@code post}. */
    private static Placement placed(Post current, Post post) {
        return placed(current, post, COSTS, false, null, null);
    }

    private static Placement placed(Post current, Post post, Costs costs, boolean rotationDue, Post previous,
            Location home) {
        Facility facility = current.getFacility();
        return new Placement(staff(current.getJob(), facility, home), facility, current, List.of(current, post),
                previous, costs, rotationDue, false, post);
    }

    /** Someone at a facility without a formation for their job: every placement of theirs is a move. */
    private static Placement placedWithoutCurrent(Facility facility, Job job, Post post) {
        return new Placement(staff(job, facility, null), facility, null, List.of(post), null, COSTS, false, false,
                post);
    }

    private static Placement[] placedOn(Post post, int count) {
        Placement[] placements = new Placement[count];
        for (int i = 0; i < count; i++) {
            placements[i] = placed(post, post);
        }
        return placements;
    }

    private static Object[] facts(Object[] first, Object... more) {
        Object[] all = new Object[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    // ---- hard: nobody above cap -----------------------------------------------------------------

    @Test
    void overCapCountsEveryPersonAboveCap() {
        Facility a = facility("A", -1.0);
        Post crowded = post(a, GURU, 2, 1, 3);
        Post atCap = post(a, PJOK, 1, 1, 3);
        // five people on a cap of 2: three violations; the formation exactly at its cap adds none
        VERIFIER.verifyThat(FormasiConstraints::nobodyAboveCap)
                .given(facts(placedOn(crowded, 5), placed(atCap, atCap), crowded, atCap))
                .penalizesBy(3);
    }

    @Test
    void overCapIsNoViolationAtOrBelowCap() {
        Facility a = facility("A", -1.0);
        Post full = post(a, GURU, 2, 2, 3);
        Post zeroCapEmpty = post(a, PJOK, 0, 0, 1);
        VERIFIER.verifyThat(FormasiConstraints::nobodyAboveCap)
                .given(facts(placedOn(full, 2), zeroCapEmpty))
                .hasNoImpact();
    }

    @Test
    void overCapOnAZeroCapFormationCountsEveryonePlacedThere() {
        Post abolished = post(facility("A", -1.0), GURU, 0, 0, 1);
        VERIFIER.verifyThat(FormasiConstraints::nobodyAboveCap)
                .given(facts(placedOn(abolished, 2), abolished))
                .penalizesBy(2);
    }

    // ---- hard: everyone has an eligible formation -----------------------------------------------

    @Test
    void unplaceableCountsOneHardPerPerson() {
        Facility a = facility("A", -1.0);
        VERIFIER.verifyThat(FormasiConstraints::everyoneHasAnEligibleFormation)
                .given(new Unplaceable(staff(GURU, a, null), Site.NONE), new Unplaceable(staff(PJOK, a, null), Site.NONE))
                .penalizesBy(2);
    }

    @Test
    void unplaceableIsNoViolationWhenEveryoneHasAFormation() {
        Post post = post(facility("A", -1.0), GURU, 1, 1, 1);
        VERIFIER.verifyThat(FormasiConstraints::everyoneHasAnEligibleFormation)
                .given(placed(post, post), post)
                .hasNoImpact();
    }

    // ---- hard: everyone who must move finds a formation with room -------------------------------

    @Test
    void everyoneWhoMustMoveAndFindsNoRoomCountsOneHard() {
        Facility closing = facility("A", -1.0);
        Post full = post(facility("B", -0.9), GURU, 1, 1, 3);
        // two people stay without room; the third, placed (on a full formation), is no violation of this rule
        VERIFIER.verifyThat(FormasiConstraints::everyoneWhoMustMoveFindsAFormationWithRoom)
                .given(placedWithoutCurrent(closing, GURU, Post.NO_ROOM), placedWithoutCurrent(closing, GURU, Post.NO_ROOM),
                        placedWithoutCurrent(closing, GURU, full), full)
                .penalizesBy(2);
    }

    @Test
    void everyoneWhoFindsRoomIsNoViolation() {
        Post open = post(facility("B", -0.9), GURU, 2, 1, 3);
        VERIFIER.verifyThat(FormasiConstraints::everyoneWhoMustMoveFindsAFormationWithRoom)
                .given(placedWithoutCurrent(facility("A", -1.0), GURU, open), placed(open, open), open)
                .hasNoImpact();
    }

    @Test
    void someoneWithoutRoomHoldsNoFormationAndMakesNoMove() {
        Facility closing = facility("A", -1.0);
        Post full = post(facility("B", -0.9), GURU, 1, 1, 3);
        Placement[] people = {placedWithoutCurrent(closing, GURU, full), placedWithoutCurrent(closing, GURU, Post.NO_ROOM)};
        // NO_ROOM has cap 0: were its person counted there, it would be one above cap
        VERIFIER.verifyThat(FormasiConstraints::nobodyAboveCap)
                .given(facts(people, full, Post.NO_ROOM))
                .hasNoImpact();
        // only the one placed moves: move cost 20 plus 11 km
        VERIFIER.verifyThat(FormasiConstraints::everyMoveCostsItsMoveCostAndDistance)
                .given(facts(people, full, Post.NO_ROOM))
                .penalizesBy(31);
    }

    // ---- medium: every formation reaches its minimum --------------------------------------------

    @Test
    void shortageIsPriorityTimesUnfilledMinimum() {
        Post post = post(facility("A", -1.0), GURU, 4, 3, 4);
        // minimum 3, one placed: 2 unfilled x priority 4
        VERIFIER.verifyThat(FormasiConstraints::everyFormationReachesItsMinimum)
                .given(placed(post, post), post)
                .penalizesBy(8);
    }

    @Test
    void emptyFormationStillCountsItsWholeShortage() {
        Post empty = post(facility("B", -1.1), GURU, 3, 2, 5);
        Post filled = post(facility("A", -1.0), GURU, 2, 1, 3);
        // nobody is placed on the empty formation at all: its 2 unfilled x priority 5 still count
        VERIFIER.verifyThat(FormasiConstraints::everyFormationReachesItsMinimum)
                .given(facts(placedOn(filled, 2), empty, filled))
                .penalizesBy(10);
    }

    @Test
    void emptyFormationStillCountsItsWholeShortageWithNoPlacementAnywhere() {
        Facility a = facility("A", -1.0);
        Post empty = post(a, GURU, 3, 3, 2);
        Post otherEmpty = post(a, PJOK, 1, 1, 1);
        VERIFIER.verifyThat(FormasiConstraints::everyFormationReachesItsMinimum)
                .given(empty, otherEmpty)
                .penalizesBy(7);
    }

    @Test
    void shortageIsZeroAtOrAboveMinimum() {
        Facility a = facility("A", -1.0);
        Post atMinimum = post(a, GURU, 3, 2, 5);
        Post noMinimum = post(a, PJOK, 2, 0, 5);
        VERIFIER.verifyThat(FormasiConstraints::everyFormationReachesItsMinimum)
                .given(facts(placedOn(atMinimum, 3), noMinimum, atMinimum))
                .hasNoImpact();
    }

    // ---- soft: disruption -----------------------------------------------------------------------

    @Test
    void everyMoveCostsItsMoveCostAndDistanceRoundedToNearestKm() {
        Post from = roomyGuru("A", -1.0);
        Post near = roomyGuru("B", -1.1);
        Post far = roomyGuru("C", -1.5);
        // A->B: 20 + 11.12 -> 11 = 31; A->C: 20 + 55.60 -> 56 = 76
        VERIFIER.verifyThat(FormasiConstraints::everyMoveCostsItsMoveCostAndDistance)
                .given(placed(from, near), placed(from, far), from, near, far)
                .penalizesBy(107);
    }

    @Test
    void retrainingAtTheSameFacilityCostsMoveCostPlusZeroKm() {
        Facility a = facility("A", -1.0);
        Post guru = post(a, GURU, 2, 1, 1);
        Post pjok = post(a, PJOK, 2, 1, 1);
        VERIFIER.verifyThat(FormasiConstraints::everyMoveCostsItsMoveCostAndDistance)
                .given(placed(guru, pjok), guru, pjok)
                .penalizesBy(20);
    }

    @Test
    void stayingCostsNothing() {
        Post guru = post(facility("A", -1.0), GURU, 2, 1, 1);
        VERIFIER.verifyThat(FormasiConstraints::everyMoveCostsItsMoveCostAndDistance)
                .given(facts(placedOn(guru, 2), guru))
                .hasNoImpact();
    }

    @Test
    void someoneWithoutAFormationAtTheirFacilityAlwaysMoves() {
        Facility a = facility("A", -1.0);
        Post atOwnFacility = post(a, PJOK, 1, 0, 1);
        Post elsewhere = post(facility("B", -1.3), GURU, 1, 0, 1);
        // a GURU at A, where there is no GURU formation: placed at A as PJOK is 20 + 0, at B 20 + 33
        Placement retrains = new Placement(staff(GURU, a, null), a, null, List.of(atOwnFacility), null, COSTS,
                false, false, atOwnFacility);
        VERIFIER.verifyThat(FormasiConstraints::everyMoveCostsItsMoveCostAndDistance)
                .given(retrains, placedWithoutCurrent(a, GURU, elsewhere), atOwnFacility, elsewhere)
                .penalizesBy(73);
    }

    // ---- soft: rotation -------------------------------------------------------------------------

    @Test
    void movesOfPeopleDueForRotationEarnTheDiscount() {
        Post from = roomyGuru("A", -1.0);
        Post to = roomyGuru("B", -1.1);
        // two moves of people due for rotation: 10 each; a move of someone not due, and a stay, earn nothing
        VERIFIER.verifyThat(FormasiConstraints::movesOfPeopleDueForRotationCostLess)
                .given(placed(from, to, COSTS, true, null, null), placed(from, to, COSTS, true, null, null),
                        placed(from, to, COSTS, false, null, null), placed(from, from, COSTS, true, null, null),
                        from, to)
                .rewardsWith(20);
    }

    @Test
    void rotationDiscountNeverMakesAMoveNegative() {
        Facility a = facility("A", -1.0);
        Post guru = post(a, GURU, 2, 1, 1);
        Post pjok = post(a, PJOK, 2, 1, 1);
        // retraining at the same facility with moveCost 5 costs 5: the discount of 10 is cut to 5
        Costs cheapMoves = new Costs(5, 10, 0, 0);
        VERIFIER.verifyThat(FormasiConstraints::movesOfPeopleDueForRotationCostLess)
                .given(placed(guru, pjok, cheapMoves, true, null, null), guru, pjok)
                .rewardsWith(5);
    }

    @Test
    void rotationDiscountIsNothingForStaying() {
        Post guru = post(facility("A", -1.0), GURU, 2, 1, 1);
        VERIFIER.verifyThat(FormasiConstraints::movesOfPeopleDueForRotationCostLess)
                .given(placed(guru, guru, COSTS, true, null, null), guru)
                .hasNoImpact();
    }

    // ---- soft: distance from home ---------------------------------------------------------------

    @Test
    void movesFartherFromHomeCostWeightTimesExtraKm() {
        Post from = roomyGuru("A", -1.1);
        Post to = roomyGuru("B", -1.3);
        Location home = new Location(-1.0, 116.8);
        // home to A 11 km, home to B 33 km: 22 km farther, weight 2
        Costs costs = new Costs(20, 10, 2, 30);
        VERIFIER.verifyThat(FormasiConstraints::movesDoNotTakePeopleFartherFromHome)
                .given(placed(from, to, costs, false, null, home), from, to)
                .penalizesBy(44);
    }

    @Test
    void movesTowardHomeOrWithoutHomeOrStayingCostNothing() {
        Post from = roomyGuru("A", -1.3);
        Post toward = roomyGuru("B", -1.1);
        Location home = new Location(-1.0, 116.8);
        Post farFrom = roomyGuru("C", -1.6);
        VERIFIER.verifyThat(FormasiConstraints::movesDoNotTakePeopleFartherFromHome)
                .given(placed(from, toward, COSTS, false, null, home), placed(from, farFrom, COSTS, false, null, null),
                        placed(from, from, COSTS, false, null, home), from, toward, farFrom)
                .hasNoImpact();
    }

    @Test
    void homeDistanceWeightZeroCostsNothing() {
        Post from = roomyGuru("A", -1.1);
        Post to = roomyGuru("B", -1.3);
        VERIFIER.verifyThat(FormasiConstraints::movesDoNotTakePeopleFartherFromHome)
                .given(placed(from, to, new Costs(20, 10, 0, 30), false, null, new Location(-1.0, 116.8)), from, to)
                .hasNoImpact();
    }

    // ---- soft: fairness across facilities -------------------------------------------------------

    @Test
    void facilityFairnessIsWeightTimesUnfilledSquared() {
        Facility b = facility("B", -1.1);
        Post empty = post(facility("A", -1.0), GURU, 3, 3, 1, KOTA, 10);
        Post halfFull = post(b, GURU, 3, 2, 1, KOTA, 10);
        Post full = post(b, PJOK, 1, 1, 1, KOTA, 10);
        // 10 x 3^2 for the empty formation + 10 x 1^2 for the one with 1 of 2; none for the full one
        VERIFIER.verifyThat(FormasiConstraints::noFacilityKeepsItsWholeGap)
                .given(placed(halfFull, halfFull), placed(full, full), empty, halfFull, full)
                .penalizesBy(100);
    }

    @Test
    void facilityFairnessWeightZeroCostsNothing() {
        Post empty = post(facility("A", -1.0), GURU, 3, 3, 1, KOTA, 0);
        VERIFIER.verifyThat(FormasiConstraints::noFacilityKeepsItsWholeGap)
                .given(empty)
                .hasNoImpact();
    }

    // ---- soft: fairness across districts --------------------------------------------------------

    @Test
    void districtFairnessIsWeightTimesSquareOfTheDistrictsUnfilled() {
        District kota = new District("Balikpapan Kota", 2);
        District utara = new District("Balikpapan Utara", 2);
        Facility b = facility("B", -1.1);
        Post kotaEmpty = post(facility("A", -1.0), GURU, 2, 2, 1, kota, 0);
        Post kotaShort = post(b, GURU, 3, 3, 5, kota, 0);
        Post kotaFull = post(b, PJOK, 1, 1, 1, kota, 0);
        Post utaraShort = post(facility("C", -1.2), GURU, 2, 2, 1, utara, 0);
        // Kota: 2 + 1 = 3 unfilled, 2 x 3^2 = 18 (not 2 x (2^2 + 1^2) = 10); Utara: 1 unfilled, 2 x 1 = 2
        VERIFIER.verifyThat(FormasiConstraints::noDistrictKeepsItsWholeGap)
                .given(facts(placedOn(kotaShort, 2), placed(kotaFull, kotaFull), placed(utaraShort, utaraShort),
                        kotaEmpty, kotaShort, kotaFull, utaraShort))
                .penalizesBy(20);
    }

    @Test
    void districtFairnessWeightZeroCostsNothing() {
        District quiet = new District("Balikpapan Barat", 0);
        Post empty = post(facility("A", -1.0), GURU, 2, 2, 1, quiet, 0);
        VERIFIER.verifyThat(FormasiConstraints::noDistrictKeepsItsWholeGap)
                .given(empty)
                .hasNoImpact();
    }

    // ---- soft: keep the previous plan's decisions -----------------------------------------------

    @Test
    void placingSomeoneElsewhereThanThePreviousPlanCostsItsWeight() {
        Post here = roomyGuru("A", -1.0);
        Post there = roomyGuru("B", -1.1);
        // previous plan moved two people to B; now one goes and one stays: only the stay counts (30).
        // A third, placed as the previous plan did (staying), and a fourth without a previous plan: nothing.
        VERIFIER.verifyThat(FormasiConstraints::keepThePreviousPlansDecisions)
                .given(placed(here, there, COSTS, false, there, null), placed(here, here, COSTS, false, there, null),
                        placed(here, here, COSTS, false, here, null), placed(here, there, COSTS, false, null, null),
                        here, there)
                .penalizesBy(30);
    }

    @Test
    void keepPreviousWeightZeroCostsNothing() {
        Post here = roomyGuru("A", -1.0);
        Post there = roomyGuru("B", -1.1);
        VERIFIER.verifyThat(FormasiConstraints::keepThePreviousPlansDecisions)
                .given(placed(here, here, new Costs(20, 10, 1, 0), false, there, null), here, there)
                .hasNoImpact();
    }
}
