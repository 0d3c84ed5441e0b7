package id.formasi.solver;

import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Formation;
import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.Staff;
import id.formasi.solver.snapshot.ValidationError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The changes of {@link Planning#applyChanges}. Each change is checked on its own and every bad one is
 * reported with its path; a bug stays a bug (only what the request got wrong becomes an error).
 */
final class SnapshotChanges {

    /** What one change got wrong. Thrown only within this class, caught per change. */
    private static final class Wrong extends RuntimeException {
        private final ValidationError error;

        Wrong(String path, String message) {
            super(message, null, false, false);
            this.error = new ValidationError(path, message);
        }
    }

    private final List<Staff> staff;
    private final List<Facility> facilities;

    private SnapshotChanges(Snapshot base) {
        this.staff = new ArrayList<>(base.staff());
        this.facilities = new ArrayList<>(base.facilities());
    }

    static SnapshotChange apply(Snapshot base, String newId, LocalDate asOf, JsonNode changes) {
        if (changes == null || !changes.isArray() || changes.isEmpty()) {
            throw new Planning.Refused("the changes are missing",
                    List.of(new ValidationError("changes", "must be a non-empty array of changes")));
        }
        SnapshotChanges next = new SnapshotChanges(base);
        List<String> lines = new ArrayList<>();
        List<ValidationError> errors = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            try {
                lines.add(next.apply(changes.get(i), "changes[" + i + "]"));
            } catch (Wrong wrong) {
                errors.add(wrong.error);
            }
        }
        if (!errors.isEmpty()) {
            throw new Planning.Refused(errors.size() + " change(s) cannot be applied", errors);
        }
        Snapshot snapshot = new Snapshot(base.schemaVersion(), newId, base.tenant(), asOf == null ? base.asOf() : asOf,
                base.planningDate(), base.jobs(), next.facilities, next.staff, base.policy());
        return new SnapshotChange(snapshot, lines);
    }

    /** Applies one change and returns its line. */
    private String apply(JsonNode change, String at) {
        String type = change.path("type").asString("");
        return switch (type) {
            case "STAFF_LEFT" -> {
                int index = staffIndex(text(change, "staffId", at), at);
                Staff left = staff.remove(index);
                yield "STAFF_LEFT " + left.id() + reason(change);
            }
            case "STAFF_HIRED" -> {
                Staff hired = read(change, "staff", Staff.class, at);
                if (hired.id() == null) {
                    throw new Wrong(at + ".staff.id", "is required");
                }
                if (staff.stream().anyMatch(other -> hired.id().equals(other.id()))) {
                    throw new Wrong(at + ".staff.id", "is already in the snapshot");
                }
                staff.add(hired);
                yield "STAFF_HIRED " + hired.id() + " as " + hired.job() + " at " + hired.facility();
            }
            case "QUALIFICATION_GAINED" -> {
                int index = staffIndex(text(change, "staffId", at), at);
                String job = text(change, "job", at);
                Staff person = staff.get(index);
                Set<String> also = new LinkedHashSet<>(person.alsoQualifiedFor());
                if (!job.equals(person.job())) {
                    also.add(job);
                }
                staff.set(index, withJobs(person, person.job(), List.copyOf(also)));
                yield "QUALIFICATION_GAINED " + person.id() + " " + job;
            }
            case "JOB_CHANGED" -> {
                int index = staffIndex(text(change, "staffId", at), at);
                String job = text(change, "job", at);
                Staff person = staff.get(index);
                List<String> also = person.alsoQualifiedFor().stream().filter(code -> !code.equals(job)).toList();
                staff.set(index, withJobs(person, job, also));
                yield "JOB_CHANGED " + person.id() + " " + person.job() + " -> " + job;
            }
            case "FACILITY_OPENED" -> {
                Facility opened = read(change, "facility", Facility.class, at);
                if (opened.id() == null) {
                    throw new Wrong(at + ".facility.id", "is required");
                }
                if (facilityIndex(opened.id()) >= 0) {
                    throw new Wrong(at + ".facility.id", "is already in the snapshot");
                }
                facilities.add(withStatus(opened, FacilityStatus.OPENING, opened.formations()));
                yield "FACILITY_OPENED " + opened.id();
            }
            case "FACILITY_CLOSED" -> {
                String id = text(change, "facilityId", at);
                int index = existingFacility(id, at);
                Facility f = facilities.get(index);
                facilities.set(index, withStatus(f, FacilityStatus.CLOSING, f.formations()));
                yield "FACILITY_CLOSED " + id;
            }
            case "FORMATION_CHANGED" -> {
                String id = text(change, "facilityId", at);
                String job = text(change, "job", at);
                int index = existingFacility(id, at);
                Facility f = facilities.get(index);
                List<Formation> formations = new ArrayList<>(f.formations());
                Formation old = formations.stream().filter(formation -> job.equals(formation.job())).findFirst()
                        .orElse(null);
                int cap = intField(change, "cap", old == null ? null : old.cap(), at);
                int minimum = intField(change, "minimum", old == null ? null : old.minimum(), at);
                int priority = intField(change, "priority", old == null ? 3 : old.priority(), at);
                formations.removeIf(formation -> job.equals(formation.job()));
                formations.add(new Formation(job, cap, minimum, priority));
                facilities.set(index, withStatus(f, f.status(), formations));
                yield "FORMATION_CHANGED " + id + "/" + job + " cap " + cap + " minimum " + minimum
                        + " priority " + priority;
            }
            default -> throw new Wrong(at + ".type", "must be one of " + SnapshotChange.TYPES);
        };
    }

    private static Staff withJobs(Staff s, String job, List<String> also) {
        return new Staff(s.id(), s.name(), s.employment(), job, also, s.facility(), s.birthDate(), s.postedSince(),
                s.firstPostingSince(), s.contractEnd(), s.home(), s.protectedReason(), s.spouseId());
    }

    private static Facility withStatus(Facility f, FacilityStatus status, List<Formation> formations) {
        return new Facility(f.id(), f.name(), f.kind(), f.district(), f.location(), status, formations);
    }

    private static String reason(JsonNode change) {
        String reason = change.path("reason").asString("");
        return reason.isEmpty() ? "" : " (" + reason + ")";
    }

    private int staffIndex(String id, String at) {
        for (int i = 0; i < staff.size(); i++) {
            if (id.equals(staff.get(i).id())) {
                return i;
            }
        }
        throw new Wrong(at + ".staffId", "is not in the snapshot");
    }

    private int facilityIndex(String id) {
        for (int i = 0; i < facilities.size(); i++) {
            if (id.equals(facilities.get(i).id())) {
                return i;
            }
        }
        return -1;
    }

    private int existingFacility(String id, String at) {
        int index = facilityIndex(id);
        if (index < 0) {
            throw new Wrong(at + ".facilityId", "is not a facility of the snapshot");
        }
        return index;
    }

    /**
     * A record of the snapshot from the change. Jackson's own message may quote the value (a birth date, a
     * name), so the error gives only where it is.
     */
    private static <T> T read(JsonNode change, String field, Class<T> type, String at) {
        JsonNode value = required(change, field, at);
        if (!value.isObject()) {
            throw new Wrong(at + "." + field, "must be an object");
        }
        try {
            return Json.MAPPER.treeToValue(value, type);
        } catch (JacksonException e) {
            StringBuilder path = new StringBuilder(at).append('.').append(field);
            for (JacksonException.Reference reference : e.getPath()) {
                if (reference.getPropertyName() != null) {
                    path.append('.').append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            throw new Wrong(path.toString(), "is not a well-formed " + field + " value");
        }
    }

    private static JsonNode required(JsonNode change, String field, String at) {
        JsonNode value = change.get(field);
        if (value == null || value.isNull()) {
            throw new Wrong(at + "." + field, "is required");
        }
        return value;
    }

    private static String text(JsonNode change, String field, String at) {
        JsonNode value = required(change, field, at);
        if (!value.isString() || value.asString().isBlank()) {
            throw new Wrong(at + "." + field, "must be a text");
        }
        return value.asString();
    }

    private static int intField(JsonNode change, String field, Integer fallback, String at) {
        JsonNode value = change.get(field);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw new Wrong(at + "." + field, "is required for a new formation");
            }
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new Wrong(at + "." + field, "must be an integer");
        }
        return value.asInt();
    }
}
