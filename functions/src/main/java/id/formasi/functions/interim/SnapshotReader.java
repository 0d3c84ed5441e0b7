package id.formasi.functions.interim;

import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.Formation;
import id.formasi.solver.snapshot.Job;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.Staff;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** TEMPORARY, see package-info: checks the contract's main rules only. */
public final class SnapshotReader {

    private final long maxBytes;
    private final JsonMapper mapper;

    public SnapshotReader(long maxBytes, int maxDepth) {
        this.maxBytes = maxBytes;
        this.mapper = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
                        .build())
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    public Snapshot read(byte[] json) {
        if (json.length > maxBytes) {
            throw new SnapshotException(SnapshotException.Kind.TOO_LARGE,
                    List.of(new ValidationError("$", "larger than " + maxBytes + " bytes")));
        }
        Snapshot snapshot;
        try {
            snapshot = mapper.readValue(json, Snapshot.class);
        } catch (JacksonException e) {
            throw new SnapshotException(SnapshotException.Kind.MALFORMED,
                    List.of(new ValidationError("$", "not a snapshot document: " + e.getOriginalMessage())));
        } catch (RuntimeException e) {
            throw new SnapshotException(SnapshotException.Kind.MALFORMED,
                    List.of(new ValidationError("$", "not a snapshot document")));
        }
        List<ValidationError> errors = new ArrayList<>();
        if (snapshot.schemaVersion() != 1) {
            errors.add(new ValidationError("schemaVersion", "must be 1"));
        }
        if (snapshot.snapshotId() == null || !snapshot.snapshotId().matches("[A-Za-z0-9._-]{1,64}")) {
            errors.add(new ValidationError("snapshotId", "must match [A-Za-z0-9._-]{1,64}"));
        }
        if (snapshot.tenant() == null || snapshot.tenant().isBlank()) {
            errors.add(new ValidationError("tenant", "is required"));
        }
        if (snapshot.asOf() == null) {
            errors.add(new ValidationError("asOf", "is required"));
        }
        if (snapshot.planningDate() == null) {
            errors.add(new ValidationError("planningDate", "is required"));
        }
        Set<String> jobs = new HashSet<>();
        for (int i = 0; i < snapshot.jobs().size(); i++) {
            Job job = snapshot.jobs().get(i);
            if (job.code() == null || !job.code().matches("[A-Z0-9_]{1,40}")) {
                errors.add(new ValidationError("jobs[" + i + "].code", "must match [A-Z0-9_]{1,40}"));
            } else if (!jobs.add(job.code())) {
                errors.add(new ValidationError("jobs[" + i + "].code", "is not unique"));
            }
            if (job.sector() == null) {
                errors.add(new ValidationError("jobs[" + i + "].sector", "is required"));
            }
            if (job.retirementAge() < 50 || job.retirementAge() > 70) {
                errors.add(new ValidationError("jobs[" + i + "].retirementAge", "must be 50..70"));
            }
        }
        Set<String> facilities = new HashSet<>();
        for (int i = 0; i < snapshot.facilities().size(); i++) {
            Facility facility = snapshot.facilities().get(i);
            String path = "facilities[" + i + "]";
            if (facility.id() == null || !facilities.add(facility.id())) {
                errors.add(new ValidationError(path + ".id", "is missing or not unique"));
            }
            if (facility.location() == null) {
                errors.add(new ValidationError(path + ".location", "is required"));
            }
            if (facility.status() == null) {
                errors.add(new ValidationError(path + ".status", "is required"));
            }
            Set<String> formationJobs = new HashSet<>();
            for (int f = 0; f < facility.formations().size(); f++) {
                Formation formation = facility.formations().get(f);
                String formationPath = path + ".formations[" + f + "]";
                if (!jobs.contains(formation.job())) {
                    errors.add(new ValidationError(formationPath + ".job", "is not a job code"));
                } else if (!formationJobs.add(formation.job())) {
                    errors.add(new ValidationError(formationPath + ".job", "has a second formation here"));
                }
                if (formation.cap() < 0) {
                    errors.add(new ValidationError(formationPath + ".cap", "must be at least 0"));
                }
                if (formation.minimum() < 0 || formation.minimum() > formation.cap()) {
                    errors.add(new ValidationError(formationPath + ".minimum", "must be 0..cap"));
                }
                if (formation.priority() < 1 || formation.priority() > 5) {
                    errors.add(new ValidationError(formationPath + ".priority", "must be 1..5"));
                }
            }
        }
        Set<String> staffIds = new HashSet<>();
        for (int i = 0; i < snapshot.staff().size(); i++) {
            Staff staff = snapshot.staff().get(i);
            String path = "staff[" + i + "]";
            if (staff.id() == null || !staff.id().matches("[0-9]{18}")) {
                errors.add(new ValidationError(path + ".id", "must be 18 digits"));
            } else if (!staffIds.add(staff.id())) {
                errors.add(new ValidationError(path + ".id", "is not unique"));
            }
            if (staff.employment() == null) {
                errors.add(new ValidationError(path + ".employment", "is required"));
            }
            if (!jobs.contains(staff.job())) {
                errors.add(new ValidationError(path + ".job", "is not a job code"));
            }
            for (int q = 0; q < staff.alsoQualifiedFor().size(); q++) {
                if (!jobs.contains(staff.alsoQualifiedFor().get(q))) {
                    errors.add(new ValidationError(path + ".alsoQualifiedFor[" + q + "]", "is not a job code"));
                }
            }
            if (!facilities.contains(staff.facility())) {
                errors.add(new ValidationError(path + ".facility", "is not a facility id"));
            }
            if (staff.birthDate() == null) {
                errors.add(new ValidationError(path + ".birthDate", "is required"));
            }
            if (staff.postedSince() == null) {
                errors.add(new ValidationError(path + ".postedSince", "is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw new SnapshotException(SnapshotException.Kind.INVALID, errors);
        }
        return snapshot;
    }
}
