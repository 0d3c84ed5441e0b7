package id.formasi.solver.rules;

import static id.formasi.solver.SnapshotBuilder.formation;
import static id.formasi.solver.SnapshotBuilder.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.formasi.solver.SnapshotBuilder;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.ValidationError;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PinErrorsTest {

    private final Snapshot snapshot = new SnapshotBuilder()
            .job("GURU").job("PERAWAT")
            .facility("A", 0.0, formation("GURU", 2, 1, 3))
            .facility("B", 0.1, formation("GURU", 2, 1, 3), formation("PERAWAT", 1, 1, 3))
            .staff(person("100000000000000001", "GURU", "A"),
                    person("100000000000000002", "GURU", "A").newcomer(),
                    person("100000000000000003", "GURU", "A").born(LocalDate.of(1960, 1, 1)))
            .build();

    @Test
    void aPinToAnEligibleFormationIsValid() {
        assertTrue(ProblemBuilder.pinErrors(snapshot, Map.of("100000000000000001", new PostRef("B", "GURU"))).isEmpty());
    }

    @Test
    void everyBadPinIsReportedWithItsPath() {
        List<ValidationError> errors = ProblemBuilder.pinErrors(snapshot, Map.of(
                "100000000000000001", new PostRef("B", "PERAWAT"),
                "100000000000000002", new PostRef("B", "GURU"),
                "100000000000000003", new PostRef("B", "GURU"),
                "999999999999999999", new PostRef("B", "GURU"),
                "100000000000000004", new PostRef("Z", "GURU")));
        assertEquals(5, errors.size(), errors.toString());
        assertEquals("pins[\"100000000000000001\"]", errors.get(0).path());
        assertTrue(errors.get(0).messageEn().contains("may not be placed at B/PERAWAT"), errors.get(0).messageEn());
        assertTrue(errors.get(1).messageEn().contains("stays at their post by rule"), errors.get(1).messageEn());
        assertTrue(errors.get(2).messageEn().contains("leaves service"), errors.get(2).messageEn());
        assertEquals("unknown staff id", errors.get(3).messageEn());
        assertEquals("unknown staff id", errors.get(4).messageEn());
    }

    @Test
    void pinningAFixedPersonWhereTheyAreIsHarmless() {
        assertTrue(ProblemBuilder.pinErrors(snapshot, Map.of("100000000000000002", new PostRef("A", "GURU"))).isEmpty());
    }
}
