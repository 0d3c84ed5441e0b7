package id.formasi.solver;

import static id.formasi.solver.SnapshotBuilder.formation;
import static id.formasi.solver.SnapshotBuilder.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.formasi.solver.Planning.Pin;
import id.formasi.solver.WhatIf.Levels;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.plan.PlanStatus;
import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.SnapshotReader;
import id.formasi.solver.snapshot.ValidationError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The front door on a snapshot worked out by hand: A (cap 3, minimum 3, priority 3) holds a1, a2, a3 and the
 * newcomer n1 (fixed there); B (cap 2, minimum 1, priority 1), 11 km away, holds nobody. The optimum moves
 * one of a1..a3 to B: no one above cap, shortage 0, disruption 20 + 11 = 31.
 */
class PlanningTest {

    private static final Planning PLANNING = new Planning();

    private final Snapshot snapshot = new SnapshotBuilder().job("GURU")
            .facility("A", 0.0, formation("GURU", 3, 3, 3))
            .facility("B", 0.1, formation("GURU", 2, 1, 1))
            .staff(person("a1", "GURU", "A"), person("a2", "GURU", "A"), person("a3", "GURU", "A"),
                    person("n1", "GURU", "A").newcomer())
            .build();

    private PlanDocument plan(Snapshot of, List<Pin> pins) {
        return PLANNING.plan(of, Planning.Options.of("p-" + of.snapshotId(), Duration.ofSeconds(2)).withPins(pins))
                .document();
    }

    private static String placedAt(PlanDocument plan, String staffId) {
        return plan.placements().stream().filter(p -> p.staffId().equals(staffId)).findFirst().orElseThrow()
                .facilityId();
    }

    /** Who the plan keeps at A, among the movable. */
    private static List<String> stayers(PlanDocument plan) {
        return plan.placements().stream().filter(p -> p.facilityId().equals("A") && !p.staffId().equals("n1"))
                .map(PlanDocument.Placement::staffId).toList();
    }

    @Test
    void plansTheSnapshotWithItsPinsAndReportsProgress() {
        List<Planning.Progress> progress = new ArrayList<>();
        Planning.Solved solved = PLANNING.plan(snapshot, Planning.Options.of("p1", Duration.ofSeconds(2))
                .withPins(List.of(new Pin("a2", "B", "GURU"))).withProgress(progress::add));
        PlanDocument document = solved.document();
        assertEquals("p1", document.planId());
        assertEquals(PlanStatus.SOLVED, document.status());
        assertEquals("B", placedAt(document, "a2"));
        assertEquals(0, document.score().shortage());
        assertEquals(31, document.score().disruption());
        assertTrue(document.optimum().optimal());
        assertEquals("0hard/0medium/-31soft", solved.score());
        assertFalse(progress.isEmpty());
        assertEquals("exact", progress.getFirst().phase());
    }

    @Test
    void checkingPinsSaysWhichArePossibleAndWhatIsWrongWithTheOthers() {
        Planning.Pins pins = PLANNING.checkPins(snapshot, java.util.Arrays.asList(
                new Pin("a1", "B", "GURU"),
                new Pin("a1", "A", "GURU"),
                new Pin("a2", null, "GURU"),
                new Pin("x9", "B", "GURU"),
                new Pin("a3", "Z", "GURU"),
                new Pin("n1", "B", "GURU"),
                null));
        assertEquals(List.of(new Pin("a1", "B", "GURU")), pins.possible());
        assertEquals(List.of(
                new ValidationError("[1].staffId", "is pinned twice"),
                new ValidationError("[2]", "needs staffId, facilityId and job"),
                new ValidationError("[3].staffId", "unknown staff id"),
                new ValidationError("[4]", "no formation GURU at facility \"Z\""),
                new ValidationError("[5]", "the person stays at their post by rule (protected or less than minYearsAtPost there)"),
                new ValidationError("[6]", "needs staffId, facilityId and job")), pins.errors());
        assertEquals(new Planning.Pins(List.of(), List.of()), PLANNING.checkPins(snapshot, List.of()));
    }

    @Test
    void theWhatIfOfPinningAStayerToBWeighsTheMoveAloneAndTheBestPlanAroundIt() {
        PlanDocument plan = plan(snapshot, List.of());
        String stayer = stayers(plan).getFirst();
        WhatIf answer = PLANNING.whatIf(snapshot, plan, List.of(), new Pin(stayer, "B", "GURU"));

        assertEquals(plan.planId(), answer.planId());
        assertEquals(new Position("A", "GURU"), answer.from());
        assertEquals(new Position("B", "GURU"), answer.to());
        assertFalse(answer.samePlacement());
        assertEquals(new Levels(0, 0, 31), answer.plan());
        // Alone: A keeps 2 of its minimum 3 (3 x 1), one more move of 31.
        assertEquals(new Levels(0, 3, 62), answer.direct());
        assertEquals(new Levels(0, 3, 31), answer.directChange());
        assertEquals(List.of(
                new WhatIf.FormationEffect("A", "GURU", 3, 3, 3, 3, 2, 0, 3),
                new WhatIf.FormationEffect("B", "GURU", 2, 1, 1, 1, 2, 0, 0)), answer.formations());
        // Around the pin, the one who moved to B goes back: as good as the optimum.
        assertEquals(new WhatIf.Reoptimized(new Levels(0, 0, 31), new Levels(0, 0, 0)), answer.reoptimized());
        assertTrue(answer.summary().id().startsWith("Hanya penempatan ini: pelanggaran 0, kekurangan berbobot +3, gangguan +31."),
                answer.summary().id());
        assertTrue(answer.summary().en().startsWith("This placement alone: violations 0, weighted shortage +3"));
        // Read-only: the plan is as it was.
        assertEquals(stayer, stayers(plan).getFirst());
    }

    @Test
    void theBestPlanAroundTheWantedPinKeepsThePlansCurrentPins() {
        PlanDocument plan = plan(snapshot, List.of());
        List<String> stayers = stayers(plan);
        // A planner pinned the other stayer to B after the plan was solved: with both at B (its cap), the
        // one who moved there goes back to A, which keeps 2 of its minimum 3 (3 x 1), two moves of 31.
        WhatIf answer = PLANNING.whatIf(snapshot, plan, List.of(new Pin(stayers.get(1), "B", "GURU")),
                new Pin(stayers.get(0), "B", "GURU"));
        assertEquals(new Levels(0, 3, 62), answer.reoptimized().levels());
        assertEquals(new Levels(0, 3, 31), answer.reoptimized().change());
    }

    @Test
    void aWhatIfTheSnapshotDoesNotAllowIsRefusedWithItsPath() {
        PlanDocument plan = plan(snapshot, List.of());
        Planning.Refused byRule = assertThrows(Planning.Refused.class,
                () -> PLANNING.whatIf(snapshot, plan, List.of(), new Pin("n1", "B", "GURU")));
        assertEquals("", byRule.errors().getFirst().path());
        assertTrue(byRule.errors().getFirst().messageEn().contains("stays at their post by rule"));
        Planning.Refused unknown = assertThrows(Planning.Refused.class,
                () -> PLANNING.whatIf(snapshot, plan, List.of(), new Pin("x9", "B", "GURU")));
        assertEquals(List.of(new ValidationError("staffId", "unknown staff id")), unknown.errors());
    }

    @Test
    void stayingWhereThePlanPutsThemChangesNothing() {
        PlanDocument plan = plan(snapshot, List.of());
        String stayer = stayers(plan).getFirst();
        WhatIf answer = PLANNING.whatIf(snapshot, plan, List.of(), new Pin(stayer, "A", "GURU"));
        assertTrue(answer.samePlacement());
        assertEquals(new Levels(0, 0, 0), answer.directChange());
        assertEquals(1, answer.formations().size());
        assertEquals(answer.formations().getFirst().placed(), answer.formations().getFirst().placedAfter());
    }

    @Test
    void eachFormationCountsItsShortageInPeopleAndWeightedByPriorityAndNamesItsJob() {
        PlanDocument plan = plan(snapshot, List.of());
        for (PlanDocument.FormationResult f : plan.formations()) {
            assertEquals(Math.max(0, f.minimum() - (f.before() - f.leaving())), f.missingBefore(), f.facilityId());
            assertEquals(Math.max(0, f.minimum() - f.after()), f.missingAfter(), f.facilityId());
            assertEquals((long) f.priority() * f.missingBefore(), f.shortageBefore(), f.facilityId());
            assertEquals((long) f.priority() * f.missingAfter(), f.shortageAfter(), f.facilityId());
            String name = snapshot.jobs().stream().filter(job -> job.code().equals(f.job())).findFirst().orElseThrow().name();
            assertEquals(name, f.jobName());
        }
        assertEquals(plan.unfilled().stream().mapToInt(PlanDocument.Unfilled::missing).sum(),
                plan.formations().stream().mapToInt(PlanDocument.FormationResult::missingAfter).sum());
        assertEquals(plan.score().shortage(),
                plan.formations().stream().mapToLong(PlanDocument.FormationResult::shortageAfter).sum());
    }

    @Test
    void theDiffOfTwoPlansNamesWhoMovedWhoLeftAndWhoJoined() {
        PlanDocument before = plan(snapshot, List.of(new Pin("a1", "B", "GURU")));
        var changes = Json.MAPPER.createArrayNode();
        changes.addObject().put("type", "STAFF_LEFT").put("staffId", "a3");
        changes.addObject().put("type", "STAFF_HIRED").set("staff", Json.MAPPER.valueToTree(
                person("h1", "GURU", "A").toStaff()));
        Snapshot next = PLANNING.applyChanges(snapshot, "next", null, changes).snapshot();
        PlanDocument after = plan(next, List.of(new Pin("a2", "B", "GURU")));

        PlanDiff diff = PLANNING.diff(before, after);
        assertEquals(new PlanDiff.Side("p-test", "test", before.score()), diff.a());
        assertEquals(new PlanDiff.Side("p-next", "next", after.score()), diff.b());
        assertFalse(diff.sameSnapshot());
        // a2's pin fills B, so a1 comes back to A: with h1 and n1 it holds A's minimum 3.
        assertEquals(List.of(
                new PlanDiff.Change("a1", new Position("B", "GURU"), new Position("A", "GURU")),
                new PlanDiff.Change("a2", new Position("A", "GURU"), new Position("B", "GURU"))), diff.changed());
        assertEquals(2, diff.changedCount());
        assertEquals(List.of("a3"), diff.onlyInA());
        assertEquals(List.of("h1"), diff.onlyInB());
        assertEquals(0, PLANNING.diff(before, before).changedCount());
    }

    @Test
    void theSampleIsAValidTinySnapshot() {
        Snapshot sample = Planning.sample();
        assertFalse(sample.staff().isEmpty());
        Snapshot read = new SnapshotReader().read(Json.MAPPER.writeValueAsBytes(sample));
        assertEquals(sample.staff().size(), read.staff().size());
    }
}
