package id.formasi.solver;

import static id.formasi.solver.SnapshotBuilder.formation;
import static id.formasi.solver.SnapshotBuilder.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.formasi.solver.exact.Bound;
import id.formasi.solver.generator.Practice;
import id.formasi.solver.generator.SnapshotGenerator;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.plan.Plans;
import id.formasi.solver.rules.Problem;
import id.formasi.solver.rules.ProblemBuilder;
import id.formasi.solver.snapshot.Policy;
import id.formasi.solver.snapshot.Snapshot;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Solving with the rules of mutasi practice: the flow first, then plans that keep them, and the bound. */
class PracticeRulesPlannerTest {

    private static final Planner PLANNER = new Planner();
    private static final Planner.Options SHORT = Planner.Options.of(Duration.ofSeconds(3));

    private static Snapshot twoWaysToFillB(Policy policy) {
        // B needs one GURU: the nearest is a PNS of A (11 km), the other a PPPK of C (22 km)
        return new SnapshotBuilder().job("GURU").policy(policy)
                .facility("A", -1.0, formation("GURU", 3, 0, 1))
                .facility("B", -1.1, formation("GURU", 2, 1, 1))
                .facility("C", -1.3, formation("GURU", 2, 0, 1))
                .staff(person("a1", "GURU", "A"), person("a2", "GURU", "A"),
                        person("c1", "GURU", "C").contract(LocalDate.of(2030, 1, 1)))
                .build();
    }

    private static String placedAt(Planner.Result result, String staffId) {
        return result.plan().getPlacements().stream().filter(p -> p.getStaffId().equals(staffId)).findFirst()
                .orElseThrow().getPost().getId();
    }

    @Test
    void holdingAtHomeKeepsThePnsFloorTheFlowBroke() {
        Policy floor = Policy.DEFAULT.coreOnly().withPracticeRules(Map.of("SD", 2), null, null);
        Problem problem = ProblemBuilder.build(twoWaysToFillB(floor));
        Planner.Result result = PLANNER.solve(problem, SHORT);
        assertEquals("B/GURU", placedAt(result, "c1"));
        assertEquals("A/GURU", placedAt(result, "a1"));
        assertEquals("A/GURU", placedAt(result, "a2"));
        assertEquals(0, result.score().hardScore());
        // the relaxation moves a1 (31): the bound; the plan moves c1 (20 + 22 = 42)
        assertEquals(new Bound(0, 0, 31L), result.bound());
        PlanDocument plan = Plans.document(problem, result, "p");
        assertEquals(List.of(), plan.violations());
        assertEquals(0, plan.bound().shortageGap());
        assertEquals(11L, plan.bound().softGap());
        assertEquals("tingkat lunak 11 di atas batas bawah terbukti", plan.bound().summary().id());
    }

    @Test
    void withNoRuleSetPlansAreExactlyAsBefore() {
        Snapshot before = SnapshotGenerator.generate(SnapshotGenerator.Scale.TINY, 1);
        // spouses alone change nothing without spouseMaxKm
        Snapshot married = Practice.add(before, 7, null, null, 0.5, null);
        assertTrue(married.staff().stream().filter(s -> s.spouseId() != null).count() >= 10);
        Problem plain = ProblemBuilder.build(before);
        Problem withSpouses = ProblemBuilder.build(married);
        assertEquals(List.of(), withSpouses.plan().getSites());
        assertTrue(withSpouses.placements().stream().allMatch(p -> p.getSpouse() == null));
        Planner.Result a = PLANNER.solve(plain, SHORT);
        Planner.Result b = PLANNER.solve(withSpouses, SHORT);
        assertEquals(a.score(), b.score());
        for (int i = 0; i < a.plan().getPlacements().size(); i++) {
            assertEquals(a.plan().getPlacements().get(i).getPost().getId(), b.plan().getPlacements().get(i).getPost().getId());
        }
        PlanDocument plan = Plans.document(withSpouses, b, "p");
        plan.explanation().constraints().stream().filter(c -> c.level().equals("hard"))
                .forEach(c -> assertEquals(0, c.total(), c.name()));
        assertEquals(0, plan.bound().hardGap());
        assertEquals(0, plan.bound().shortageGap());
    }

    @Test
    void aGeneratedCityWithThePracticeRulesKeepsThemAll() {
        Snapshot snapshot = Practice.add(SnapshotGenerator.generate(SnapshotGenerator.Scale.TINY, 3), 3,
                Map.of("SD", 4), 1, 0.3, 5.0);
        Problem problem = ProblemBuilder.build(snapshot);
        Planner.Result result = PLANNER.solve(problem, SHORT);
        PlanDocument plan = Plans.document(problem, result, "p");
        // the status quo keeps every practice rule, so the plan must too
        assertEquals(List.of(), plan.violations().stream()
                .filter(v -> List.of("PNS_FLOOR", "DEPARTURES", "SPOUSE_DISTANCE").contains(v.kind()))
                .map(v -> v.kind() + " " + v.facilityId() + " " + v.reason().en()).toList());
        assertEquals(result.bound().hard(), plan.score().hard() - plan.bound().hardGap());
        assertTrue(plan.bound().hardGap() >= 0);
        assertTrue(plan.bound().hardGap() > 0 || plan.bound().shortageGap() >= 0);
    }
}
