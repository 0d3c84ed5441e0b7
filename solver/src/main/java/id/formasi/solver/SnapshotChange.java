package id.formasi.solver;

import id.formasi.solver.snapshot.Snapshot;
import java.util.List;

/**
 * Changes applied to a snapshot: the next snapshot and one line per change (ids and codes only, no names).
 */
public record SnapshotChange(Snapshot snapshot, List<String> lines) {

    /** Every change type a request may name. */
    public static final List<String> TYPES = List.of("STAFF_LEFT", "STAFF_HIRED", "QUALIFICATION_GAINED",
            "JOB_CHANGED", "FACILITY_OPENED", "FACILITY_CLOSED", "FORMATION_CHANGED");

    public SnapshotChange {
        lines = List.copyOf(lines);
    }
}
