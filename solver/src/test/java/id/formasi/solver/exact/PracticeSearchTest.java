package id.formasi.solver.exact;

import static id.formasi.solver.SnapshotBuilder.formation;
import static id.formasi.solver.SnapshotBuilder.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import id.formasi.solver.Planner;
import id.formasi.solver.SnapshotBuilder;
import id.formasi.solver.SnapshotBuilder.Person;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.domain.StaffingPlan;
import id.formasi.solver.rules.Problem;
import id.formasi.solver.rules.ProblemBuilder;
import id.formasi.solver.snapshot.Formation;
import id.formasi.solver.snapshot.Policy;
import id.formasi.solver.snapshot.Snapshot;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The search with the rules of mutasi practice against brute force on small random snapshots: the bound it
 * states is below every plan (so below the true optimum), its plan never scores below the status quo, and a
 * plan it calls optimal is the brute-force optimum of the full score, the practice rules included.
 */
class PracticeSearchTest {

    private static final Planner PLANNER = new Planner();

    @Test
    void theBoundHoldsAndAPlanCalledOptimalIsTheBruteForceOptimum() {
        Random random = new Random(20261202L);
        // problems checked; of them, where the flow broke a rule, where the search proved its plan, where
        // the prices lifted the bound
        int[] counts = new int[4];
        while (counts[0] < 30) {
            Problem problem = ProblemBuilder.build(randomSnapshot(random));
            List<Placement> movable = problem.placements();
            if (movable.size() < 2 || movable.size() > 7 || movable.stream().anyMatch(p -> p.getEligiblePosts().size() > 4)) {
                continue;
            }
            HardMediumSoftScore statusQuo = statusQuo(problem);
            HardMediumSoftScore optimum = bruteForce(problem, movable);
            ExactCore.optimize(problem.plan(), true);
            boolean flowBreaks = PracticeSearch.practiceHard(PLANNER.score(problem.plan()), CoreLevels.of(problem.plan())) > 0;
            Planner.Result result = PLANNER.solve(problem, Planner.Options.of(Duration.ofSeconds(5)));
            String label = "problem " + counts[0];
            Bound bound = result.bound();
            assertTrue(below(bound, optimum), label + ": bound " + bound + " above the optimum " + optimum);
            // people who must move take some post in the status quo here, at some soft cost: compare above it
            assertTrue(HardMediumSoftScore.of(result.score().hardScore(), result.score().mediumScore(), 0)
                    .compareTo(HardMediumSoftScore.of(statusQuo.hardScore(), statusQuo.mediumScore(), 0)) >= 0,
                    label + ": below the status quo");
            assertTrue(optimum.compareTo(result.score()) >= 0, label);
            if (result.terminationReason().startsWith("optimum") || result.terminationReason().startsWith("exact")) {
                assertEquals(optimum, result.score(), label + ": called optimal");
            }
            counts[0]++;
            counts[1] += flowBreaks ? 1 : 0;
            // at the bound on the hard and shortage levels: proven optimal there
            counts[2] += flowBreaks && -result.score().hardScore() == bound.hard()
                    && -result.score().mediumScore() == bound.shortage() ? 1 : 0;
            counts[3] += flowBreaks && bound.hard() + bound.shortage() > 0 ? 1 : 0;
        }
        // the generator must have made the flow break the rules often, and the search prove its plan often
        assertTrue(counts[1] >= 8 && counts[2] >= 5 && counts[3] >= 5, java.util.Arrays.toString(counts));
    }

    @Test
    void theLastFlowFromAPlanThatKeepsTheRulesKeepsThemAndIsNoWorse() {
        Random random = new Random(20261204L);
        int checked = 0;
        int changed = 0;
        while (checked < 40) {
            Problem problem = ProblemBuilder.build(randomSnapshot(random));
            StaffingPlan plan = problem.plan();
            if (plan.getPlacements().size() < 2) {
                continue;
            }
            // A plan that keeps the rules: the flow's, held wherever a rule could break.
            ExactCore.optimize(plan, true);
            List<Post> relaxed = plan.assignedPosts();
            PracticeHolds.solve(plan, PracticeHolds.holds(plan, List.of(relaxed)), false, null);
            CoreLevels start = CoreLevels.of(plan);
            if (PracticeSearch.practiceHard(PLANNER.score(plan), start) != 0) {
                continue; // a floor its own PNS cannot hold: not a plan that keeps the rules
            }
            List<Post> before = plan.assignedPosts();
            PracticeHolds.solveKeepingRules(plan, relaxed);
            CoreLevels after = CoreLevels.of(plan);
            String label = "problem " + checked;
            assertEquals(0, PracticeSearch.practiceHard(PLANNER.score(plan), after), label + ": breaks a rule");
            assertTrue(after.hard() < start.hard() || after.hard() == start.hard() && after.shortage() <= start.shortage(),
                    label + ": " + after + " worse than " + start);
            changed += plan.assignedPosts().equals(before) ? 0 : 1;
            checked++;
        }
        assertTrue(changed >= 5, "the last flow placed people anew in " + changed + " problems only");
    }

    /** Whether no plan scoring {@code score} beats the bound, level by level. */
    private static boolean below(Bound bound, HardMediumSoftScore score) {
        long hard = -score.hardScore();
        long shortage = -score.mediumScore();
        if (hard != bound.hard()) {
            return hard > bound.hard();
        }
        if (shortage != bound.shortage()) {
            return shortage > bound.shortage();
        }
        return bound.soft() == null || -score.softScore() >= bound.soft();
    }

    private static HardMediumSoftScore statusQuo(Problem problem) {
        for (Placement placement : problem.placements()) {
            placement.setPost(placement.getCurrent() != null && placement.getEligiblePosts().contains(placement.getCurrent()) ? placement.getCurrent()
                    : placement.getEligiblePosts().getLast());
        }
        return PLANNER.score(problem.plan());
    }

    /** The best score over every assignment of the movable people, placing them one by one. */
    private static HardMediumSoftScore bruteForce(Problem problem, List<Placement> movable) {
        return best(problem, movable, 0);
    }

    private static HardMediumSoftScore best(Problem problem, List<Placement> movable, int from) {
        if (from == movable.size()) {
            return PLANNER.score(problem.plan());
        }
        HardMediumSoftScore best = null;
        for (var post : movable.get(from).getEligiblePosts()) {
            movable.get(from).setPost(post);
            HardMediumSoftScore score = best(problem, movable, from + 1);
            best = best == null || score.compareTo(best) > 0 ? score : best;
        }
        return best;
    }

    private static Snapshot randomSnapshot(Random random) {
        SnapshotBuilder builder = new SnapshotBuilder().job("GURU").job("PJOK");
        int facilityCount = 2 + random.nextInt(3);
        List<String> ids = new ArrayList<>();
        for (int f = 0; f < facilityCount; f++) {
            ids.add("F" + f);
            List<Formation> formations = new ArrayList<>();
            int cap = random.nextInt(4);
            formations.add(formation("GURU", cap, random.nextInt(cap + 1), 1 + random.nextInt(5)));
            if (random.nextBoolean()) {
                formations.add(formation("PJOK", 1 + random.nextInt(2), random.nextInt(2), 1 + random.nextInt(5)));
            }
            builder.facility("F" + f, -1.0 - random.nextInt(30) * 0.01, formations.toArray(Formation[]::new));
        }
        int staffCount = 3 + random.nextInt(5);
        List<Person> people = new ArrayList<>();
        for (int s = 0; s < staffCount; s++) {
            Person person = person("s" + s, random.nextInt(10) < 8 ? "GURU" : "PJOK", ids.get(random.nextInt(ids.size())));
            if (random.nextInt(3) == 0) {
                person.contract(LocalDate.of(2030, 1, 1)); // PPPK: not counted by the PNS floor
            }
            if (random.nextInt(3) == 0) {
                person.alsoQualifiedFor("PJOK");
            }
            if (random.nextInt(2) == 0) {
                person.home(-1.0 - random.nextInt(40) * 0.01);
            }
            if (random.nextInt(3) == 0) {
                person.dueForRotation();
            }
            people.add(person);
        }
        if (staffCount >= 4 && random.nextBoolean()) {
            people.get(0).spouse("s1");
            people.get(1).spouse("s0");
        }
        builder.staff(people.toArray(Person[]::new));
        Policy policy = new Policy(2.0, 5.0, 20, null, random.nextInt(31), random.nextInt(3), random.nextInt(11),
                random.nextInt(3) == 0 ? 0 : random.nextInt(8), 0, random.nextBoolean() ? Map.of("SD", 1 + random.nextInt(3)) : null,
                random.nextInt(3) == 0 ? null : random.nextInt(3), random.nextBoolean() ? 1.0 + random.nextInt(8) : null);
        return builder.policy(policy).build();
    }
}
