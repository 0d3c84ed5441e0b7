package id.formasi.solver;

import static id.formasi.solver.SnapshotBuilder.formation;
import static id.formasi.solver.SnapshotBuilder.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Formation;
import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.Staff;
import id.formasi.solver.snapshot.ValidationError;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Domain changes applied to a snapshot through the front door: each kind, and what a request gets wrong. */
class SnapshotChangesTest {

    private static final Planning PLANNING = new Planning();

    private final Snapshot base = new SnapshotBuilder().job("GURU").job("PERAWAT")
            .facility("A", 0.0, formation("GURU", 3, 1, 3))
            .facility("B", 0.1, formation("GURU", 2, 1, 3), formation("PERAWAT", 1, 1, 2))
            .staff(person("s1", "GURU", "A"), person("s2", "GURU", "A").alsoQualifiedFor("PERAWAT"),
                    person("s3", "GURU", "B"))
            .build();

    private static ArrayNode changes() {
        return Json.MAPPER.createArrayNode();
    }

    private static Staff staff(Snapshot snapshot, String id) {
        return snapshot.staff().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static Facility facility(Snapshot snapshot, String id) {
        return snapshot.facilities().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    private List<ValidationError> refused(JsonNode changes) {
        return assertThrows(Planning.Refused.class, () -> PLANNING.applyChanges(base, "next", null, changes)).errors();
    }

    @Test
    void everyKindOfChangeMakesTheNextSnapshotWithOneLineEach() {
        ArrayNode changes = changes();
        changes.addObject().put("type", "STAFF_LEFT").put("staffId", "s3").put("reason", "RETIRED");
        changes.addObject().put("type", "STAFF_HIRED").set("staff", Json.MAPPER.valueToTree(person("s4", "GURU", "B").toStaff()));
        changes.addObject().put("type", "QUALIFICATION_GAINED").put("staffId", "s1").put("job", "PERAWAT");
        changes.addObject().put("type", "JOB_CHANGED").put("staffId", "s2").put("job", "PERAWAT");
        changes.addObject().put("type", "FACILITY_OPENED").set("facility", Json.MAPPER.valueToTree(
                new Facility("C", "Facility C", "SD", "D", null, FacilityStatus.OPEN, List.of(formation("GURU", 2, 0, 1)))));
        changes.addObject().put("type", "FACILITY_CLOSED").put("facilityId", "A");
        changes.addObject().put("type", "FORMATION_CHANGED").put("facilityId", "B").put("job", "GURU").put("cap", 4);
        changes.addObject().put("type", "FORMATION_CHANGED").put("facilityId", "A").put("job", "PERAWAT")
                .put("cap", 1).put("minimum", 0);

        SnapshotChange change = PLANNING.applyChanges(base, "next", LocalDate.of(2026, 12, 1), changes);
        Snapshot next = change.snapshot();
        assertEquals(List.of("STAFF_LEFT s3 (RETIRED)", "STAFF_HIRED s4 as GURU at B", "QUALIFICATION_GAINED s1 PERAWAT",
                "JOB_CHANGED s2 GURU -> PERAWAT", "FACILITY_OPENED C", "FACILITY_CLOSED A",
                "FORMATION_CHANGED B/GURU cap 4 minimum 1 priority 3", "FORMATION_CHANGED A/PERAWAT cap 1 minimum 0 priority 3"),
                change.lines());
        assertEquals("next", next.snapshotId());
        assertEquals(LocalDate.of(2026, 12, 1), next.asOf());
        assertEquals(base.planningDate(), next.planningDate());
        assertEquals(List.of("s1", "s2", "s4"), next.staff().stream().map(Staff::id).toList());
        assertEquals(List.of("PERAWAT"), staff(next, "s1").alsoQualifiedFor());
        assertEquals("PERAWAT", staff(next, "s2").job());
        assertEquals(List.of(), staff(next, "s2").alsoQualifiedFor());
        assertEquals(FacilityStatus.OPENING, facility(next, "C").status());
        assertEquals(FacilityStatus.CLOSING, facility(next, "A").status());
        assertEquals(List.of(formation("PERAWAT", 1, 1, 2), formation("GURU", 4, 1, 3)), facility(next, "B").formations());
        assertEquals(List.of(formation("GURU", 3, 1, 3), formation("PERAWAT", 1, 0, 3)), facility(next, "A").formations());
        // The base is as it was.
        assertEquals(3, base.staff().size());
        assertEquals(FacilityStatus.OPEN, facility(base, "A").status());
    }

    @Test
    void everyChangeThatCannotBeAppliedIsReportedAtItsPath() {
        ArrayNode changes = changes();
        changes.addObject().put("type", "STAFF_LEFT").put("staffId", "nobody");
        changes.addObject().put("type", "PROMOTED");
        changes.addObject().put("type", "STAFF_HIRED").putObject("staff").put("id", "s9").put("birthDate", "1990-13-01");
        changes.addObject().put("type", "STAFF_HIRED").putObject("staff").put("job", "GURU");
        changes.addObject().put("type", "STAFF_HIRED").set("staff", Json.MAPPER.valueToTree(person("s1", "GURU", "A").toStaff()));
        changes.addObject().put("type", "QUALIFICATION_GAINED").put("staffId", "s1").put("job", 7);
        changes.addObject().put("type", "FACILITY_CLOSED").put("facilityId", "Z");
        changes.addObject().put("type", "FORMATION_CHANGED").put("facilityId", "A").put("job", "PERAWAT").put("cap", 1);
        changes.addObject().put("type", "FORMATION_CHANGED").put("facilityId", "A").put("job", "GURU").put("cap", "many");
        changes.addObject().put("type", "FACILITY_OPENED").put("facility", "C");
        changes.add(3);

        assertEquals(List.of(
                new ValidationError("changes[0].staffId", "is not in the snapshot"),
                new ValidationError("changes[1].type", "must be one of " + SnapshotChange.TYPES),
                new ValidationError("changes[2].staff.birthDate", "is not a well-formed staff value"),
                new ValidationError("changes[3].staff.id", "is required"),
                new ValidationError("changes[4].staff.id", "is already in the snapshot"),
                new ValidationError("changes[5].job", "must be a text"),
                new ValidationError("changes[6].facilityId", "is not a facility of the snapshot"),
                new ValidationError("changes[7].minimum", "is required for a new formation"),
                new ValidationError("changes[8].cap", "must be an integer"),
                new ValidationError("changes[9].facility", "must be an object"),
                new ValidationError("changes[10].type", "must be one of " + SnapshotChange.TYPES)), refused(changes));
    }

    @Test
    void changesAreRequired() {
        assertEquals(List.of(new ValidationError("changes", "must be a non-empty array of changes")), refused(null));
        assertEquals(List.of(new ValidationError("changes", "must be a non-empty array of changes")), refused(changes()));
        assertEquals(List.of(new ValidationError("changes", "must be a non-empty array of changes")),
                refused(Json.MAPPER.createObjectNode()));
    }

    @Test
    void aFaultThatIsNotTheRequestsIsNotReportedAsABadChange() {
        // A change whose reading breaks (standing in for a bug): the error propagates as it is.
        ObjectNode broken = new ObjectNode(JsonNodeFactory.instance) {
            @Override
            public JsonNode path(String property) {
                throw new IllegalStateException("bug");
            }
        };
        ArrayNode changes = changes();
        changes.add(broken);
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> PLANNING.applyChanges(base, "next", null, changes));
        assertEquals("bug", thrown.getMessage());
    }

    @Test
    void aNewFormationTakesTheDefaultPriorityAndAnOldOneKeepsWhatIsNotGiven() {
        ArrayNode changes = changes();
        changes.addObject().put("type", "FORMATION_CHANGED").put("facilityId", "B").put("job", "PERAWAT").put("priority", 5);
        Formation changed = facility(PLANNING.applyChanges(base, "next", null, changes).snapshot(), "B").formations()
                .getLast();
        assertEquals(formation("PERAWAT", 1, 1, 5), changed);
    }
}
