package id.formasi.solver.snapshot;

import static id.formasi.solver.snapshot.SnapshotReaderTest.bytes;
import static id.formasi.solver.snapshot.SnapshotReaderTest.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The three rules of mutasi practice in the snapshot: read, and refused with their paths when wrong. */
class PracticeRulesValidationTest {

    private final SnapshotReader reader = new SnapshotReader();

    private static ObjectNode staff(ObjectNode root, int index) {
        return (ObjectNode) root.get("staff").get(index);
    }

    @Test
    void rulesAndSpousesAreRead() {
        Snapshot snapshot = reader.read(with(root -> {
            root.putObject("policy").put("maxDeparturesPerFacility", 3).put("spouseMaxKm", 15)
                    .putObject("minPnsByKind").put("SD", 4);
            staff(root, 0).put("spouseId", "196701151990031002");
            staff(root, 2).put("spouseId", "198503122010011004");
        }));
        assertEquals(Map.of("SD", 4), snapshot.policy().minPnsByKind());
        assertEquals(3, snapshot.policy().maxDeparturesPerFacility());
        assertEquals(15.0, snapshot.policy().spouseMaxKm());
        assertEquals("196701151990031002", snapshot.staff().get(0).spouseId());
        assertEquals(null, reader.read(bytes(SnapshotReaderTest.VALID)).staff().get(1).spouseId());
    }

    @Test
    void badRulesAreRefusedWithTheirPaths() {
        List<ValidationError> errors = reader.validate(with(root -> root.putObject("policy")
                .put("maxDeparturesPerFacility", -1).put("spouseMaxKm", "far")
                .putObject("minPnsByKind").put("SD", 2.5).put("SMA", 4)));
        assertEquals(List.of(
                new ValidationError("policy.minPnsByKind.SD", "must be a whole number, got 2.5"),
                new ValidationError("policy.minPnsByKind.SMA", "no facility has kind \"SMA\" (kinds: \"PUSKESMAS\", \"SD\")"),
                new ValidationError("policy.maxDeparturesPerFacility", "maxDeparturesPerFacility -1 is outside 0..100000"),
                new ValidationError("policy.spouseMaxKm", "must be a number, got text \"far\"")), errors);
        assertEquals(List.of(new ValidationError("policy.minPnsByKind",
                        "must be an object of facility kind to a number of PNS, or null, got a number 4")),
                reader.validate(with(root -> root.putObject("policy").put("minPnsByKind", 4))));
    }

    @Test
    void spousesMustBeAnotherPersonWhoNamesThemBack() {
        List<ValidationError> errors = reader.validate(with(root -> {
            staff(root, 0).put("spouseId", "199001012022212001");
            staff(root, 1).put("spouseId", "199001012022212001");
            staff(root, 2).put("spouseId", "197001011990011001");
        }));
        assertEquals(List.of(
                new ValidationError("staff[0].spouseId", "the spouse at staff[1] does not name this person back as spouseId"),
                new ValidationError("staff[1].spouseId", "a person cannot be their own spouse"),
                new ValidationError("staff[2].spouseId", "unknown staff \"1970…\"")), errors);
    }
}
