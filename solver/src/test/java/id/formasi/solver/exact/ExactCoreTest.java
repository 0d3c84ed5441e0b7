package id.formasi.solver.exact;

import static id.formasi.solver.SnapshotBuilder.formation;
import static id.formasi.solver.SnapshotBuilder.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import id.formasi.solver.Planner;
import id.formasi.solver.SnapshotBuilder;
import id.formasi.solver.SnapshotBuilder.Person;
import id.formasi.solver.domain.District;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.domain.StaffingPlan;
import id.formasi.solver.rules.PostRef;
import id.formasi.solver.rules.Problem;
import id.formasi.solver.rules.ProblemBuilder;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Formation;
import id.formasi.solver.snapshot.Geo;
import id.formasi.solver.snapshot.Location;
import id.formasi.solver.snapshot.Policy;
import id.formasi.solver.snapshot.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The flow's optimum on small snapshots worked out by hand, then checked against brute force. Distances:
 * facilities on one meridian, 0.1 degree of latitude = 11 km after rounding (see {@link SnapshotBuilder});
 * moveCost is 20, so a move of 0.1 degree costs 31, of 0.2 degree 42, of 0.3 degree 53, of 1.0 degree 131.
 */
class ExactCoreTest {

    private static Problem solve(SnapshotBuilder snapshot) {
        Problem problem = ProblemBuilder.build(snapshot.build());
        ExactCore.optimize(problem.plan(), false);
        return problem;
    }

    private static CoreLevels levels(Problem problem) {
        return CoreLevels.of(problem.plan());
    }

    private static String placedAt(Problem problem, String staffId) {
        return problem.placements().stream().filter(p -> p.getStaffId().equals(staffId)).findFirst().orElseThrow()
                .getPost().getId();
    }

    private static long countAt(Problem problem, String postId) {
        return problem.placements().stream().filter(p -> p.getPost().getId().equals(postId)).count();
    }

    // ---- hand-checked optima ------------------------------------------------------------------

    @Test
    void chainOfMovesWhenTheDirectMoveIsOutOfReach() {
        // maxMoveKm 15: A-B and B-C are 11 km, A-C is 22 km. A has a surplus (2 on minimum 1), B is at its
        // minimum, C (priority 3) is empty. Only b1 can reach C, so b1 -> C and one of A -> B:
        // shortage 0, disruption 31 + 31 = 62. Without the chain C stays short: shortage 3.
        Problem problem = solve(SnapshotBuilder.gurusInARow(
                        formation("GURU", 2, 1, 1), formation("GURU", 1, 1, 1), formation("GURU", 1, 1, 3))
                .staff(person("a1", "GURU", "A"), person("a2", "GURU", "A"), person("b1", "GURU", "B")));
        assertEquals(new CoreLevels(0, 0, 62), levels(problem));
        assertEquals("C/GURU", placedAt(problem, "b1"));
        assertEquals(1, countAt(problem, "A/GURU"));
        assertEquals(1, countAt(problem, "B/GURU"));
    }

    @Test
    void shortageAlwaysDominatesDisruption() {
        // filling B's single priority-1 position from A's surplus costs a 111 km move (131): still taken,
        // because (0, 0, 131) beats staying at (0, 1, 0)
        Problem problem = solve(new SnapshotBuilder().job("GURU")
                .facility("A", -1.0, formation("GURU", 2, 1, 1))
                .facility("B", -2.0, formation("GURU", 1, 1, 1))
                .staff(person("a1", "GURU", "A"), person("a2", "GURU", "A")));
        assertEquals(new CoreLevels(0, 0, 131), levels(problem));
    }

    @Test
    void hardDominatesDisruption() {
        // A is one over its cap of 1. The only post with room is B, 111 km away (131); C, 11 km away, is at
        // its cap. Staying over the cap would cost nothing; instead one of A -> B: hard 0 at 131. (One of A
        // -> C and c1 on to B, 100 km, would also be hard 0 but costs 31 + 120.)
        // Hard and shortage cannot be traded against each other while minimum <= cap: moving an over-cap
        // person along a chain to a post with room never leaves any post below its minimum, so the
        // lexicographic optimum always has both at their separate minimums.
        Problem problem = solve(new SnapshotBuilder().job("GURU")
                .facility("A", -1.0, formation("GURU", 1, 1, 5))
                .facility("B", -2.0, formation("GURU", 1, 0, 1))
                .facility("C", -1.1, formation("GURU", 1, 1, 5))
                .staff(person("a1", "GURU", "A"), person("a2", "GURU", "A"), person("c1", "GURU", "C")));
        assertEquals(new CoreLevels(0, 0, 131), levels(problem));
        assertEquals("C/GURU", placedAt(problem, "c1"));
        assertEquals(1, countAt(problem, "B/GURU"));
    }

    @Test
    void fullFormationGivesUpSomeoneForAHigherPriorityShortageElsewhere() {
        // a1 fills A's only minimum position (priority 1); B's (priority 5) is empty: a1 -> B leaves
        // shortage 1 instead of 5, at disruption 31
        Problem problem = solve(new SnapshotBuilder().job("GURU")
                .facility("A", -1.0, formation("GURU", 1, 1, 1))
                .facility("B", -1.1, formation("GURU", 1, 1, 5))
                .staff(person("a1", "GURU", "A")));
        assertEquals(new CoreLevels(0, 1, 31), levels(problem));
        assertEquals("B/GURU", placedAt(problem, "a1"));
    }

    @Test
    void equalPriorityShortageElsewhereIsNoReasonToMove() {
        Problem problem = solve(new SnapshotBuilder().job("GURU")
                .facility("A", -1.0, formation("GURU", 1, 1, 3))
                .facility("B", -1.1, formation("GURU", 1, 1, 3))
                .staff(person("a1", "GURU", "A")));
        assertEquals(new CoreLevels(0, 3, 0), levels(problem));
        assertEquals("A/GURU", placedAt(problem, "a1"));
    }

    @Test
    void nearestSurplusIsTaken() {
        // S is empty; N (11 km) and F (33 km) each have one person above their minimum: N's goes, 31
        Problem problem = solve(new SnapshotBuilder().job("GURU")
                .facility("S", -1.0, formation("GURU", 1, 1, 2))
                .facility("N", -1.1, formation("GURU", 2, 1, 1))
                .facility("F", -1.3, formation("GURU", 2, 1, 1))
                .staff(person("n1", "GURU", "N"), person("n2", "GURU", "N"), person("f1", "GURU", "F"),
                        person("f2", "GURU", "F")));
        assertEquals(new CoreLevels(0, 0, 31), levels(problem));
        assertEquals(1, countAt(problem, "N/GURU"));
        assertEquals(2, countAt(problem, "F/GURU"));
    }

    @Test
    void overCapThatFixedPeopleHoldIsReportedAsHard() {
        // P (cap 1) holds a protected person, a newcomer (both fixed) and one movable person. The movable
        // one goes to Q (31); the two fixed people stay, one above the cap: hard 1
        Problem problem = solve(new SnapshotBuilder().job("GURU")
                .facility("P", -1.0, formation("GURU", 1, 1, 1))
                .facility("Q", -1.1, formation("GURU", 1, 0, 1))
                .staff(person("protected", "GURU", "P").protect("tugas belajar"),
                        person("newcomer", "GURU", "P").newcomer(), person("movable", "GURU", "P")));
        assertEquals(new CoreLevels(1, 0, 31), levels(problem));
        assertEquals("Q/GURU", placedAt(problem, "movable"));
    }

    @Test
    void retrainingAtTheSameFacilityBeatsAMoveFromElsewhere() {
        // A/PJOK is empty. g1, g2 (GURU, also PJOK) are one above A/GURU's minimum; B has a PJOK surplus
        // 11 km away. Retraining costs 20 + 0, the move 20 + 11: one of A's GURU retrains
        Problem problem = solve(new SnapshotBuilder().job("GURU").job("PJOK")
                .facility("A", -1.0, formation("GURU", 2, 1, 1), formation("PJOK", 1, 1, 3))
                .facility("B", -1.1, formation("PJOK", 2, 1, 1))
                .staff(person("g1", "GURU", "A").alsoQualifiedFor("PJOK"),
                        person("g2", "GURU", "A").alsoQualifiedFor("PJOK"),
                        person("p1", "PJOK", "B"), person("p2", "PJOK", "B")));
        assertEquals(new CoreLevels(0, 0, 20), levels(problem));
        assertEquals(1, countAt(problem, "A/PJOK"));
        assertEquals(1, countAt(problem, "A/GURU"));
        assertEquals("B/PJOK", placedAt(problem, "p1"));
        assertEquals("B/PJOK", placedAt(problem, "p2"));
    }

    @Test
    void closingFacilitysStaffAllMove() {
        // C closes; its three, protected and newcomer included, must move. A (11 km) has room for two,
        // B (33 km) for more: 2 x 31 + 53 = 115 (one to A and two to B would be 31 + 2 x 53 = 137)
        Problem problem = solve(new SnapshotBuilder().job("GURU")
                .facility("C", -1.0, FacilityStatus.CLOSING, "D", formation("GURU", 3, 0, 1))
                .facility("A", -1.1, formation("GURU", 2, 1, 1))
                .facility("B", -1.3, formation("GURU", 3, 0, 1))
                .staff(person("c1", "GURU", "C").protect("sakit"), person("c2", "GURU", "C").newcomer(),
                        person("c3", "GURU", "C")));
        assertEquals(new CoreLevels(0, 0, 115), levels(problem));
        assertEquals(0, countAt(problem, "C/GURU"));
        assertEquals(2, countAt(problem, "A/GURU"));
    }

    @Test
    void retireesPostIsRefilledFromTheNearestSurplus() {
        Problem problem = solve(new SnapshotBuilder().job("GURU")
                .facility("A", -1.0, formation("GURU", 2, 2, 2))
                .facility("B", -1.1, formation("GURU", 2, 1, 1))
                .staff(person("retiree", "GURU", "A").born(LocalDate.of(1966, 3, 3)), person("a1", "GURU", "A"),
                        person("b1", "GURU", "B"), person("b2", "GURU", "B")));
        assertEquals(1, problem.leaving().size());
        assertEquals(new CoreLevels(0, 0, 31), levels(problem));
        assertEquals(2, countAt(problem, "A/GURU"));
    }

    @Test
    void someoneWithoutAFormationAtTheirFacilityGoesToTheNearestOne() {
        // a GURU at X, which has no GURU formation: A (11 km) rather than B (22 km)
        Problem problem = solve(new SnapshotBuilder().job("GURU").job("PJOK")
                .facility("X", -1.0, formation("PJOK", 1, 0, 1))
                .facility("A", -1.1, formation("GURU", 1, 0, 1))
                .facility("B", -1.2, formation("GURU", 1, 0, 1))
                .staff(person("x1", "GURU", "X").protect("sakit")));
        assertEquals(new CoreLevels(0, 0, 31), levels(problem));
        assertEquals("A/GURU", placedAt(problem, "x1"));
    }

    @Test
    void pinnedPeopleCountWhereTheyArePinned() {
        // a planner pinned a1 to B: A is left one short (priority 4) and the flow cannot undo it
        Problem problem = ProblemBuilder.build(new SnapshotBuilder().job("GURU")
                .facility("A", -1.0, formation("GURU", 1, 1, 4))
                .facility("B", -1.1, formation("GURU", 2, 0, 1))
                .staff(person("a1", "GURU", "A"), person("b1", "GURU", "B").newcomer())
                .build(), Map.of(), Map.of("a1", new PostRef("B", "GURU")));
        assertEquals(new CoreLevels(0, 4, 31), ExactCore.optimize(problem.plan(), false));
        assertEquals("B/GURU", placedAt(problem, "a1"));
    }

    // ---- brute force ----------------------------------------------------------------------------

    private static final Planner PLANNER = new Planner();
    private static final String[] JOBS = {"GURU", "PJOK"};

    @Test
    void flowReachesTheBruteForceOptimumOfCoreLevelsAndOfTheFullScore() {
        Random random = new Random(20270101L);
        int checked = 0;
        int attempts = 0;
        int overCap = 0;
        int unplaceable = 0;
        int shortage = 0;
        int rotation = 0;
        int keepPrevious = 0;
        int retraining = 0;
        int pinned = 0;
        int home = 0;
        int district = 0;
        while (checked < 60) {
            attempts++;
            Snapshot snapshot = randomSnapshot(random);
            Map<String, PostRef> previous = new HashMap<>();
            Map<String, PostRef> pins = new HashMap<>();
            for (var staff : snapshot.staff()) {
                if (random.nextInt(3) == 0) {
                    previous.put(staff.id(), randomPostRef(snapshot, random));
                }
                if (random.nextInt(8) == 0) {
                    pins.put(staff.id(), randomPostRef(snapshot, random));
                }
            }
            Problem problem = ProblemBuilder.build(snapshot, previous, pins);
            List<Placement> movable = problem.placements().stream().filter(p -> !p.isPinned()).toList();
            if (movable.size() < 2 || movable.size() > 7
                    || movable.stream().anyMatch(p -> p.getEligiblePosts().size() > 4)) {
                continue;
            }
            CoreLevels optimum = checkAgainstBruteForce(problem, movable, "attempt " + attempts);
            checked++;
            overCap += optimum.hard() > problem.plan().getUnplaceable().size() ? 1 : 0;
            unplaceable += problem.plan().getUnplaceable().isEmpty() ? 0 : 1;
            shortage += optimum.shortage() > 0 ? 1 : 0;
            rotation += movable.stream().anyMatch(Placement::isRotationDue) ? 1 : 0;
            keepPrevious += movable.stream().anyMatch(p -> p.getPrevious() != null) ? 1 : 0;
            retraining += movable.stream().anyMatch(p -> !p.getStaff().alsoQualifiedFor().isEmpty()) ? 1 : 0;
            pinned += problem.placements().size() > movable.size() ? 1 : 0;
            home += movable.stream().anyMatch(p -> p.getStaff().home() != null && p.getCosts().homeDistanceWeight() > 0) ? 1 : 0;
            district += snapshot.policy().districtFairnessWeight() > 0 && optimum.shortage() > 0 ? 1 : 0;
        }
        // the generator must have produced the cases the cross-check is for
        for (int count : new int[] {overCap, unplaceable, shortage, rotation, keepPrevious, retraining, pinned, home,
                district}) {
            assertTrue(count >= 3, "too few problems of some kind: " + List.of(overCap, unplaceable, shortage,
                    rotation, keepPrevious, retraining, pinned, home, district));
        }
    }

    private static CoreLevels checkAgainstBruteForce(Problem problem, List<Placement> movable, String label) {
        StaffingPlan plan = problem.plan();
        CoreLevels bestCore = null;
        HardMediumSoftScore bestScore = null;
        int[] choice = new int[movable.size()];
        long assignments = 0;
        do {
            for (int i = 0; i < movable.size(); i++) {
                movable.get(i).setPost(movable.get(i).getEligiblePosts().get(choice[i]));
            }
            CoreLevels core = CoreLevels.of(plan);
            if (bestCore == null || core.compareTo(bestCore) < 0) {
                bestCore = core;
            }
            HardMediumSoftScore score = fullScore(plan);
            if (bestScore == null || score.compareTo(bestScore) > 0) {
                bestScore = score;
            }
            // the test's own count of the score must be Timefold's, on a sample of the assignments
            if (assignments++ % 5 == 0) {
                assertEquals(score, PLANNER.score(plan), label + " Timefold score of " + movable);
            }
        } while (next(choice, movable));

        assertEquals(bestCore, ExactCore.optimize(plan, false), label + " core optimum");
        CoreLevels withPolicy = ExactCore.optimize(plan, true);
        HardMediumSoftScore flowScore = PLANNER.score(plan);
        assertEquals(fullScore(plan), flowScore, label + " Timefold score of the flow's plan");
        assertEquals(bestScore, flowScore, label + " full score optimum");
        assertEquals(bestCore.hard(), withPolicy.hard(), label);
        assertEquals(bestCore.shortage(), withPolicy.shortage(), label);
        // From one candidate arc per class, pricing adds the rest round by round, each part's flow going on
        // from its last one: the optimum must be the same.
        assertEquals(bestCore, ExactCore.solve(plan, false, null, Set.of(), () -> false, 1).levels(),
                label + " core optimum from one candidate arc");
        ExactCore.solve(plan, true, null, Set.of(), () -> false, 1);
        assertEquals(bestScore, PLANNER.score(plan), label + " full score optimum from one candidate arc");
        return bestCore;
    }

    private static boolean next(int[] choice, List<Placement> movable) {
        for (int i = 0; i < choice.length; i++) {
            if (++choice[i] < movable.get(i).getEligiblePosts().size()) {
                return true;
            }
            choice[i] = 0;
        }
        return false;
    }

    /**
     * The score written out from the contract and docs, independently of the constraints: hard = over cap
     * + unplaceable, medium = shortage, soft = -(disruption - rotation discount + km farther from home +
     * keep previous + facility fairness + district fairness), each goal times its weight.
     */
    private static HardMediumSoftScore fullScore(StaffingPlan plan) {
        Map<Post, Integer> placed = new IdentityHashMap<>();
        long soft = 0;
        long outside = 0;
        for (Placement placement : plan.getPlacements()) {
            Post post = placement.getPost();
            if (post == Post.NO_ROOM) {
                // The contract: no eligible formation with room, so they stay where they are, one hard each.
                outside++;
                if (placement.getPrevious() != null) {
                    soft -= placement.getCosts().keepPreviousWeight();
                }
                continue;
            }
            placed.merge(post, 1, Integer::sum);
            if (post != placement.getCurrent()) {
                long disruption = placement.getCosts().moveCost()
                        + Math.round(Geo.km(placement.getCurrentFacility().location(), post.getFacility().location()));
                soft -= disruption;
                if (placement.isRotationDue()) {
                    soft += Math.min(placement.getCosts().rotationDiscount(), disruption);
                }
                Location home = placement.getStaff().home();
                if (home != null) {
                    long farther = Math.round(Geo.km(home, post.getFacility().location()))
                            - Math.round(Geo.km(home, placement.getCurrentFacility().location()));
                    soft -= placement.getCosts().homeDistanceWeight() * Math.max(0, farther);
                }
            }
            if (placement.getPrevious() != null && post != placement.getPrevious()) {
                soft -= placement.getCosts().keepPreviousWeight();
            }
        }
        long hard = plan.getUnplaceable().size() + outside;
        long medium = 0;
        Map<District, Long> districtUnfilled = new IdentityHashMap<>();
        for (Post post : plan.getPosts()) {
            int count = placed.getOrDefault(post, 0);
            hard += Math.max(0, count - post.getCap());
            long unfilled = Math.max(0, post.getMinimum() - count);
            medium += post.getPriority() * unfilled;
            soft -= post.getFacilityFairnessWeight() * unfilled * unfilled;
            districtUnfilled.merge(post.getDistrict(), unfilled, Long::sum);
        }
        for (Map.Entry<District, Long> district : districtUnfilled.entrySet()) {
            soft -= district.getKey().fairnessWeight() * district.getValue() * district.getValue();
        }
        return HardMediumSoftScore.of(-hard, -medium, soft);
    }

    private static Snapshot randomSnapshot(Random random) {
        SnapshotBuilder builder = new SnapshotBuilder().job("GURU").job("PJOK");
        int facilityCount = 2 + random.nextInt(3);
        List<String> ids = new ArrayList<>();
        for (int f = 0; f < facilityCount; f++) {
            String id = "F" + f;
            ids.add(id);
            List<Formation> formations = new ArrayList<>();
            for (String job : JOBS) {
                if (random.nextInt(10) < (job.equals("GURU") ? 8 : 5)) {
                    int cap = random.nextInt(4);
                    formations.add(formation(job, cap, random.nextInt(cap + 1), 1 + random.nextInt(5)));
                }
            }
            FacilityStatus status = random.nextInt(7) == 0 ? FacilityStatus.CLOSING : FacilityStatus.OPEN;
            builder.facility(id, -1.0 - random.nextInt(30) * 0.01, status, random.nextBoolean() ? "D1" : "D2",
                    formations.toArray(Formation[]::new));
        }
        int staffCount = 4 + random.nextInt(6);
        List<Person> people = new ArrayList<>();
        for (int s = 0; s < staffCount; s++) {
            String job = random.nextInt(10) < 7 ? "GURU" : "PJOK";
            Person person = person("s" + s, job, ids.get(random.nextInt(ids.size())));
            if (random.nextInt(10) < 3) {
                person.alsoQualifiedFor(job.equals("GURU") ? "PJOK" : "GURU");
            }
            if (random.nextInt(2) == 0) {
                person.home(-1.0 - random.nextInt(40) * 0.01);
            }
            switch (random.nextInt(10)) {
                case 0 -> person.newcomer();
                case 1 -> person.protect("cuti");
                case 2, 3, 4 -> person.dueForRotation();
                case 5 -> person.born(LocalDate.of(1966, 5, 5));
                default -> {
                }
            }
            people.add(person);
        }
        builder.staff(people.toArray(Person[]::new));
        Double maxMoveKm = random.nextInt(4) == 0 ? 20.0 : null;
        builder.policy(new Policy(2.0, 5.0, random.nextInt(4) == 0 ? 0 : 20, maxMoveKm, random.nextInt(31),
                random.nextInt(3), random.nextInt(11), random.nextInt(3) == 0 ? 0 : random.nextInt(8),
                random.nextInt(41), null, null, null));
        return builder.build();
    }

    private static PostRef randomPostRef(Snapshot snapshot, Random random) {
        var facility = snapshot.facilities().get(random.nextInt(snapshot.facilities().size()));
        if (facility.formations().isEmpty()) {
            return new PostRef(facility.id(), "GURU");
        }
        return new PostRef(facility.id(), facility.formations().get(random.nextInt(facility.formations().size())).job());
    }
}
