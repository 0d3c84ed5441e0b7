package id.formasi.solver.snapshot;

import java.time.LocalDate;
import java.util.List;

/** A city's staff and posts on one date: the input contract, version 1 (docs/snapshot-format.md). */
public record Snapshot(
        int schemaVersion,
        String snapshotId,
        String tenant,
        LocalDate asOf,
        LocalDate planningDate,
        List<Job> jobs,
        List<Facility> facilities,
        List<Staff> staff,
        Policy policy) {

    public Snapshot {
        jobs = List.copyOf(jobs);
        facilities = List.copyOf(facilities);
        staff = List.copyOf(staff);
        policy = policy == null ? Policy.DEFAULT : policy;
    }
}
