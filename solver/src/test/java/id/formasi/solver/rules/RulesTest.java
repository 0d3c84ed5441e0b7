package id.formasi.solver.rules;

import static id.formasi.solver.SnapshotBuilder.formation;
import static id.formasi.solver.SnapshotBuilder.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.formasi.solver.SnapshotBuilder;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.exact.CoreLevels;
import id.formasi.solver.exact.ExactCore;
import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Job;
import id.formasi.solver.snapshot.Location;
import id.formasi.solver.snapshot.Policy;
import id.formasi.solver.snapshot.Sector;
import id.formasi.solver.snapshot.Staff;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RulesTest {

    private static final LocalDate PLANNING = LocalDate.of(2027, 1, 1);
    private static final Job GURU = new Job("GURU", "Guru", Sector.EDUCATION, 60);
    private static final Policy POLICY = Policy.DEFAULT;

    private static Staff born(LocalDate birthDate) {
        return person("1", "GURU", "A").born(birthDate).toStaff();
    }

    private static Facility facility(FacilityStatus status) {
        return new Facility("A", "A", "SD", "D", new Location(-1.0, 116.8), status, List.of(formation("GURU", 2, 1, 1)));
    }

    private static Placement placementOf(Problem problem, String staffId) {
        return problem.placements().stream().filter(p -> p.getStaffId().equals(staffId)).findFirst().orElseThrow();
    }

    private static Set<String> eligibleIds(Placement placement) {
        return placement.getEligiblePosts().stream().map(Post::getId).collect(Collectors.toSet());
    }

    // ---- leaving: retirement (BUP) --------------------------------------------------------------

    /** A GURU at A since the date. */
    private static Staff postedSince(LocalDate date) {
        return person("1", "GURU", "A").postedSince(date).toStaff();
    }

    /** Whether the person is fixed at an open facility that has their formation. */
    private static boolean isFixedAtAnOpenPost(Staff staff, Policy policy) {
        return Rules.isFixed(staff, facility(FacilityStatus.OPEN), true, policy, PLANNING);
    }

    private static void assertLeaves(Staff staff, Leaving.Reason reason, LocalDate date) {
        Optional<Leaving> leaving = Rules.leaving(staff, GURU, PLANNING);
        assertTrue(leaving.isPresent());
        assertEquals(reason, leaving.get().reason());
        assertEquals(date, leaving.get().date());
    }

    @Test
    void retirementTakesEffectTheFirstDayOfTheMonthAfterBup() {
        // reaches 60 on 2026-12-15: the BUP month, December, ends before 2027-01-01; retired from 2027-01-01
        Staff staff = born(LocalDate.of(1966, 12, 15));
        assertEquals(LocalDate.of(2027, 1, 1), Rules.retirementDate(staff, GURU));
        assertLeaves(staff, Leaving.Reason.RETIREMENT, LocalDate.of(2027, 1, 1));
    }

    @Test
    void bupMonthEndingBeforePlanningDateLeavesEvenOnItsLastDay() {
        assertTrue(Rules.leaving(born(LocalDate.of(1966, 12, 31)), GURU, PLANNING).isPresent());
        assertTrue(Rules.leaving(born(LocalDate.of(1966, 12, 1)), GURU, PLANNING).isPresent());
    }

    @Test
    void bupMonthEndingAfterPlanningDateStays() {
        // reaches 60 on 2027-01-01: the BUP month is January 2027, retired from 2027-02-01
        Staff staff = born(LocalDate.of(1967, 1, 1));
        assertEquals(LocalDate.of(2027, 2, 1), Rules.retirementDate(staff, GURU));
        assertTrue(Rules.leaving(staff, GURU, PLANNING).isEmpty());
    }

    @Test
    void retirementAgeIsTheJobsBup() {
        Staff staff = born(LocalDate.of(1968, 11, 20));
        assertTrue(Rules.leaving(staff, new Job("PENGAWAS", "Pengawas", Sector.EDUCATION, 58), PLANNING).isPresent());
        assertTrue(Rules.leaving(staff, GURU, PLANNING).isEmpty());
    }

    // ---- leaving: contract end ------------------------------------------------------------------

    @Test
    void contractEndingBeforePlanningDateLeaves() {
        Staff staff = person("1", "GURU", "A").contract(LocalDate.of(2026, 12, 31)).toStaff();
        assertLeaves(staff, Leaving.Reason.CONTRACT_END, LocalDate.of(2026, 12, 31));
    }

    @Test
    void contractEndingOnPlanningDateStays() {
        Staff staff = person("1", "GURU", "A").contract(PLANNING).toStaff();
        assertTrue(Rules.leaving(staff, GURU, PLANNING).isEmpty());
    }

    @Test
    void earlierOfRetirementAndContractEndIsTheReason() {
        // contract ends 2026-10-31, retirement 2026-12-01: the contract
        Staff contractFirst = person("1", "GURU", "A").born(LocalDate.of(1966, 11, 10))
                .contract(LocalDate.of(2026, 10, 31)).toStaff();
        assertEquals(Leaving.Reason.CONTRACT_END, Rules.leaving(contractFirst, GURU, PLANNING).orElseThrow().reason());
        // retirement 2026-10-01, contract ends 2026-12-31: retirement
        Staff retiresFirst = person("2", "GURU", "A").born(LocalDate.of(1966, 9, 10))
                .contract(LocalDate.of(2026, 12, 31)).toStaff();
        Leaving leaving = Rules.leaving(retiresFirst, GURU, PLANNING).orElseThrow();
        assertEquals(Leaving.Reason.RETIREMENT, leaving.reason());
        assertEquals(LocalDate.of(2026, 10, 1), leaving.date());
    }

    // ---- fixed ----------------------------------------------------------------------------------

    @Test
    void protectedPersonIsFixed() {
        Staff staff = person("1", "GURU", "A").protect("tugas belajar").toStaff();
        assertTrue(isFixedAtAnOpenPost(staff, POLICY));
    }

    @Test
    void personUnderMinYearsAtPostIsFixed() {
        // one day short of two years, and exactly two
        assertTrue(isFixedAtAnOpenPost(postedSince(LocalDate.of(2025, 1, 2)), POLICY));
        assertFalse(isFixedAtAnOpenPost(postedSince(LocalDate.of(2025, 1, 1)), POLICY));
    }

    @Test
    void minYearsAtPostCountsFractionsOfAYearInMonths() {
        Policy eighteenMonths = new Policy(1.5, null, null, null, null, null, null, null, null, null, null, null);
        assertFalse(isFixedAtAnOpenPost(postedSince(LocalDate.of(2025, 7, 1)), eighteenMonths), "reached");
        assertTrue(isFixedAtAnOpenPost(postedSince(LocalDate.of(2025, 7, 2)), eighteenMonths), "not reached");
    }

    @Test
    void closingFacilityFreesFixedPeople() {
        Staff protectedNewcomer = person("1", "GURU", "A").protect("sakit").newcomer().toStaff();
        assertFalse(Rules.isFixed(protectedNewcomer, facility(FacilityStatus.CLOSING), true, POLICY, PLANNING));
    }

    @Test
    void noFormationForTheirJobFreesFixedPeople() {
        Staff protectedNewcomer = person("1", "GURU", "A").protect("sakit").newcomer().toStaff();
        assertFalse(Rules.isFixed(protectedNewcomer, facility(FacilityStatus.OPEN), false, POLICY, PLANNING));
    }

    @Test
    void rotationIsDueAfterRotationYearsAtThePost() {
        Staff fiveYears = postedSince(LocalDate.of(2022, 1, 1));
        Staff almostFive = postedSince(LocalDate.of(2022, 1, 2));
        assertTrue(Rules.isRotationDue(fiveYears, POLICY, PLANNING));
        assertFalse(Rules.isRotationDue(almostFive, POLICY, PLANNING));
    }

    // ---- ProblemBuilder: leaving, fixed, eligibility, unplaceable -------------------------------

    @Test
    void leaversAreNotPlacedAndTheirPostBecomesVacant() {
        Problem problem = ProblemBuilder.build(new SnapshotBuilder().job("GURU")
                .facility("A", -1.0, formation("GURU", 2, 2, 3))
                .staff(person("retiree", "GURU", "A").born(LocalDate.of(1966, 6, 1)),
                        person("contract", "GURU", "A").contract(LocalDate.of(2026, 8, 31)),
                        person("stays", "GURU", "A"))
                .build());
        Post a = problem.post("A", "GURU");
        assertEquals(List.of("retiree", "contract"), problem.leaving().stream().map(l -> l.staff().id()).toList());
        assertEquals(List.of("stays"), problem.placements().stream().map(Placement::getStaffId).toList());
        assertEquals(3, problem.beforeCount().get(a));
        assertEquals(1, problem.currentCount().get(a));
    }

    @Test
    void fixedPeopleArePinnedToTheirCurrentPost() {
        Problem problem = ProblemBuilder.build(new SnapshotBuilder().job("GURU")
                .facility("A", -1.0, formation("GURU", 2, 1, 1))
                .facility("B", -1.1, formation("GURU", 2, 1, 1))
                .staff(person("protected", "GURU", "A").protect("tugas belajar"), person("newcomer", "GURU", "A")
                        .newcomer(), person("free", "GURU", "A"))
                .build());
        Post a = problem.post("A", "GURU");
        for (String id : List.of("protected", "newcomer")) {
            Placement placement = placementOf(problem, id);
            assertTrue(placement.isPinned(), id);
            assertEquals(List.of(a), placement.getEligiblePosts(), id);
            assertSame(a, placement.getPost(), id);
        }
        Placement free = placementOf(problem, "free");
        assertFalse(free.isPinned());
        assertNull(free.getPost());
        assertEquals(Set.of("A/GURU", "B/GURU"), eligibleIds(free));
    }

    @Test
    void eligibleFormationsAreOfTheirJobOrAlsoQualifiedForAndNotClosing() {
        Problem problem = ProblemBuilder.build(new SnapshotBuilder().job("GURU").job("PJOK").job("KEPSEK")
                .facility("A", -1.0, formation("GURU", 2, 1, 1), formation("PJOK", 1, 1, 1))
                .facility("B", -1.1, formation("GURU", 2, 1, 1), formation("KEPSEK", 1, 1, 1))
                .facility("C", -1.2, FacilityStatus.CLOSING, "D", formation("GURU", 2, 0, 1),
                        formation("PJOK", 2, 0, 1))
                .facility("E", -1.3, FacilityStatus.OPENING, "D", formation("PJOK", 2, 1, 1))
                .staff(person("dual", "GURU", "A").alsoQualifiedFor("PJOK"), person("single", "GURU", "A"))
                .build());
        assertEquals(Set.of("A/GURU", "A/PJOK", "B/GURU", "E/PJOK"), eligibleIds(placementOf(problem, "dual")));
        assertEquals(Set.of("A/GURU", "B/GURU"), eligibleIds(placementOf(problem, "single")));
    }

    @Test
    void maxMoveKmLimitsTheFacilitiesWithinReach() {
        // B is 11.12 km from A, C 22.24 km: with maxMoveKm 15 only A and B
        Problem problem = ProblemBuilder.build(SnapshotBuilder.gurusInARow(
                        formation("GURU", 2, 1, 1), formation("GURU", 2, 1, 1), formation("GURU", 2, 1, 1))
                .staff(person("1", "GURU", "A"), person("2", "GURU", "C"))
                .build());
        assertEquals(Set.of("A/GURU", "B/GURU"), eligibleIds(placementOf(problem, "1")));
        assertEquals(Set.of("B/GURU", "C/GURU"), eligibleIds(placementOf(problem, "2")));
    }

    @Test
    void stayingPutIsAlwaysAllowed() {
        // maxMoveKm 0: no other facility is within reach, but the current post and retraining there are
        Problem problem = ProblemBuilder.build(new SnapshotBuilder().job("GURU").job("PJOK")
                .policy(SnapshotBuilder.policy(0.0, 0, 0, 0, 0, 0))
                .facility("A", -1.0, formation("GURU", 1, 1, 1), formation("PJOK", 1, 1, 1))
                .facility("B", -1.1, formation("GURU", 2, 2, 5))
                .staff(person("1", "GURU", "A").alsoQualifiedFor("PJOK"))
                .build());
        Placement placement = placementOf(problem, "1");
        assertEquals(Set.of("A/GURU", "A/PJOK"), eligibleIds(placement));
        assertSame(problem.post("A", "GURU"), placement.getCurrent());
    }

    @Test
    void closingFacilitysStaffMustAllMove() {
        Problem problem = ProblemBuilder.build(new SnapshotBuilder().job("GURU")
                .facility("A", -1.0, formation("GURU", 3, 0, 1))
                .facility("C", -1.1, FacilityStatus.CLOSING, "D", formation("GURU", 3, 0, 1))
                .staff(person("protected", "GURU", "C").protect("sakit"), person("newcomer", "GURU", "C").newcomer(),
                        person("plain", "GURU", "C"))
                .build());
        for (Placement placement : problem.placements()) {
            assertFalse(placement.isPinned(), placement.getStaffId());
            // A/GURU, or staying outside any formation when A has no room (the "-/-" choice).
            assertEquals(Set.of("A/GURU", Post.NO_ROOM.getId()), eligibleIds(placement), placement.getStaffId());
            assertSame(problem.post("C", "GURU"), placement.getCurrent());
        }
    }

    @Test
    void noEligibleFormationMakesSomeoneUnplaceableOneHard() {
        // a KEPSEK at A, where there is no KEPSEK formation; the only other one is at a closing facility
        Problem problem = ProblemBuilder.build(new SnapshotBuilder().job("GURU").job("KEPSEK")
                .facility("A", -1.0, formation("GURU", 2, 1, 1))
                .facility("C", -1.1, FacilityStatus.CLOSING, "D", formation("KEPSEK", 1, 0, 1))
                .staff(person("head", "GURU", "A"), person("kepsek", "KEPSEK", "A")
                        .protect("sakit"), person("closing", "KEPSEK", "C"))
                .build());
        assertEquals(Set.of("kepsek", "closing"),
                problem.plan().getUnplaceable().stream().map(u -> u.staff().id()).collect(Collectors.toSet()));
        assertEquals(List.of("head"), problem.placements().stream().map(Placement::getStaffId).toList());
        CoreLevels levels = ExactCore.optimize(problem.plan(), false);
        assertEquals(new CoreLevels(2, 0, 0), levels);
    }

    @Test
    void maxMoveKmCanLeaveSomeoneUnplaceable() {
        Problem problem = ProblemBuilder.build(new SnapshotBuilder().job("GURU").job("PJOK")
                .policy(SnapshotBuilder.policy(10.0, 0, 0, 0, 0, 0))
                .facility("A", -1.0, formation("GURU", 2, 1, 1))
                .facility("B", -1.1, formation("PJOK", 2, 1, 1))
                .staff(person("1", "PJOK", "A"))
                .build());
        assertEquals(1, problem.plan().getUnplaceable().size());
        assertTrue(problem.placements().isEmpty());
    }

    @Test
    void pinsAndThePreviousPlanNameEligiblePosts() {
        Problem problem = ProblemBuilder.build(new SnapshotBuilder().job("GURU")
                        .facility("A", -1.0, formation("GURU", 2, 1, 1))
                        .facility("B", -1.1, formation("GURU", 2, 1, 1))
                        .facility("C", -1.2, FacilityStatus.CLOSING, "D", formation("GURU", 2, 0, 1))
                        .staff(person("pinned", "GURU", "A"), person("badPin", "GURU", "A"))
                        .build(),
                Map.of("pinned", new PostRef("A", "GURU")),
                Map.of("pinned", new PostRef("B", "GURU"), "badPin", new PostRef("C", "GURU")));
        Placement pinned = placementOf(problem, "pinned");
        assertTrue(pinned.isPinned());
        assertSame(problem.post("B", "GURU"), pinned.getPost());
        assertSame(problem.post("A", "GURU"), pinned.getPrevious());
        // a pin to a post the person may not take is not applied (it is reported elsewhere, not here)
        Placement badPin = placementOf(problem, "badPin");
        assertFalse(badPin.isPinned());
        assertNull(badPin.getPost());
        assertNull(badPin.getPrevious());
    }
}
