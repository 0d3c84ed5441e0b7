package id.formasi.solver.snapshot;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** The jobs by code (the validator keeps codes unique). */
    public Map<String, Job> jobsByCode() {
        Map<String, Job> byCode = new HashMap<>();
        jobs.forEach(job -> byCode.put(job.code(), job));
        return byCode;
    }

    /** The facilities by id (the validator keeps ids unique). */
    public Map<String, Facility> facilitiesById() {
        Map<String, Facility> byId = new HashMap<>();
        facilities.forEach(facility -> byId.put(facility.id(), facility));
        return byId;
    }
}
