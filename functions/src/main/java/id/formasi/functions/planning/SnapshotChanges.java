package id.formasi.functions.planning;

import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Formation;
import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.Staff;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Domain changes applied to a snapshot, making the next one: people leave, are hired, gain a qualification
 * or change job; facilities open or close; a formation's cap, minimum or priority changes.
 */
public final class SnapshotChanges {

    public static final List<String> TYPES = List.of("STAFF_LEFT", "STAFF_HIRED", "QUALIFICATION_GAINED",
            "JOB_CHANGED", "FACILITY_OPENED", "FACILITY_CLOSED", "FORMATION_CHANGED");

    /** The changed snapshot and one line per change (ids and codes only). */
    public record Applied(Snapshot snapshot, List<String> lines) {
    }

    private SnapshotChanges() {
    }

    public static Applied apply(Snapshot base, String newId, LocalDate asOf, JsonNode changes) {
        List<Staff> staff = new ArrayList<>(base.staff());
        List<Facility> facilities = new ArrayList<>(base.facilities());
        List<String> lines = new ArrayList<>();
        List<Failure.Detail> errors = new ArrayList<>();
        if (changes == null || !changes.isArray() || changes.isEmpty()) {
            throw Failure.invalid("changes", "must be a non-empty array of changes");
        }
        for (int i = 0; i < changes.size(); i++) {
            JsonNode change = changes.get(i);
            String at = "changes[" + i + "]";
            String type = change.path("type").asString("");
            try {
                switch (type) {
                    case "STAFF_LEFT" -> {
                        int index = staffIndex(staff, text(change, "staffId", at), at);
                        staff.remove(index);
                        lines.add("STAFF_LEFT " + change.path("staffId").asString() + reason(change));
                    }
                    case "STAFF_HIRED" -> {
                        Staff hired = Json.MAPPER.treeToValue(required(change, "staff", at), Staff.class);
                        if (hired.id() != null && staff.stream().anyMatch(other -> other.id().equals(hired.id()))) {
                            throw Failure.invalid(at + ".staff.id", "is already in the snapshot");
                        }
                        staff.add(hired);
                        lines.add("STAFF_HIRED " + hired.id() + " as " + hired.job() + " at " + hired.facility());
                    }
                    case "QUALIFICATION_GAINED" -> {
                        int index = staffIndex(staff, text(change, "staffId", at), at);
                        String job = text(change, "job", at);
                        Staff person = staff.get(index);
                        Set<String> also = new LinkedHashSet<>(person.alsoQualifiedFor());
                        if (!job.equals(person.job())) {
                            also.add(job);
                        }
                        staff.set(index, withJobs(person, person.job(), List.copyOf(also)));
                        lines.add("QUALIFICATION_GAINED " + person.id() + " " + job);
                    }
                    case "JOB_CHANGED" -> {
                        int index = staffIndex(staff, text(change, "staffId", at), at);
                        String job = text(change, "job", at);
                        Staff person = staff.get(index);
                        List<String> also = person.alsoQualifiedFor().stream().filter(code -> !code.equals(job)).toList();
                        staff.set(index, withJobs(person, job, also));
                        lines.add("JOB_CHANGED " + person.id() + " " + person.job() + " -> " + job);
                    }
                    case "FACILITY_OPENED" -> {
                        Facility opened = Json.MAPPER.treeToValue(required(change, "facility", at), Facility.class);
                        int index = facilityIndex(facilities, opened.id());
                        Facility withStatus = new Facility(opened.id(), opened.name(), opened.kind(), opened.district(),
                                opened.location(), FacilityStatus.OPENING, opened.formations());
                        if (index >= 0) {
                            throw Failure.invalid(at + ".facility.id", "is already in the snapshot");
                        }
                        facilities.add(withStatus);
                        lines.add("FACILITY_OPENED " + opened.id());
                    }
                    case "FACILITY_CLOSED" -> {
                        String id = text(change, "facilityId", at);
                        int index = facilityIndex(facilities, id);
                        if (index < 0) {
                            throw Failure.invalid(at + ".facilityId", "is not a facility of the snapshot");
                        }
                        Facility f = facilities.get(index);
                        facilities.set(index, new Facility(f.id(), f.name(), f.kind(), f.district(), f.location(),
                                FacilityStatus.CLOSING, f.formations()));
                        lines.add("FACILITY_CLOSED " + id);
                    }
                    case "FORMATION_CHANGED" -> {
                        String id = text(change, "facilityId", at);
                        String job = text(change, "job", at);
                        int index = facilityIndex(facilities, id);
                        if (index < 0) {
                            throw Failure.invalid(at + ".facilityId", "is not a facility of the snapshot");
                        }
                        Facility f = facilities.get(index);
                        List<Formation> formations = new ArrayList<>(f.formations());
                        Formation old = formations.stream().filter(formation -> formation.job().equals(job)).findFirst()
                                .orElse(null);
                        int cap = intField(change, "cap", old == null ? null : old.cap(), at);
                        int minimum = intField(change, "minimum", old == null ? null : old.minimum(), at);
                        int priority = intField(change, "priority", old == null ? 3 : old.priority(), at);
                        formations.removeIf(formation -> formation.job().equals(job));
                        formations.add(new Formation(job, cap, minimum, priority));
                        facilities.set(index, new Facility(f.id(), f.name(), f.kind(), f.district(), f.location(),
                                f.status(), formations));
                        lines.add("FORMATION_CHANGED " + id + "/" + job + " cap " + cap + " minimum " + minimum
                                + " priority " + priority);
                    }
                    default -> throw Failure.invalid(at + ".type", "must be one of " + TYPES);
                }
            } catch (Failure e) {
                errors.addAll(e.details());
            } catch (RuntimeException e) {
                errors.add(new Failure.Detail(at, "is not a well-formed " + type + " change"));
            }
        }
        if (!errors.isEmpty()) {
            throw new Failure(Failure.Kind.INVALID, errors.size() + " change(s) cannot be applied", errors);
        }
        Snapshot next = new Snapshot(base.schemaVersion(), newId, base.tenant(), asOf == null ? base.asOf() : asOf,
                base.planningDate(), base.jobs(), facilities, staff, base.policy());
        return new Applied(next, lines);
    }

    private static Staff withJobs(Staff s, String job, List<String> also) {
        return new Staff(s.id(), s.name(), s.employment(), job, also, s.facility(), s.birthDate(), s.postedSince(),
                s.firstPostingSince(), s.contractEnd(), s.home(), s.protectedReason());
    }

    private static String reason(JsonNode change) {
        String reason = change.path("reason").asString("");
        return reason.isEmpty() ? "" : " (" + reason + ")";
    }

    private static int staffIndex(List<Staff> staff, String id, String at) {
        for (int i = 0; i < staff.size(); i++) {
            if (staff.get(i).id().equals(id)) {
                return i;
            }
        }
        throw Failure.invalid(at + ".staffId", "is not in the snapshot");
    }

    private static int facilityIndex(List<Facility> facilities, String id) {
        for (int i = 0; i < facilities.size(); i++) {
            if (facilities.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode required(JsonNode change, String field, String at) {
        JsonNode value = change.get(field);
        if (value == null || value.isNull()) {
            throw Failure.invalid(at + "." + field, "is required");
        }
        return value;
    }

    private static String text(JsonNode change, String field, String at) {
        JsonNode value = required(change, field, at);
        if (!value.isString() || value.asString().isBlank()) {
            throw Failure.invalid(at + "." + field, "must be a text");
        }
        return value.asString();
    }

    private static int intField(JsonNode change, String field, Integer fallback, String at) {
        JsonNode value = change.get(field);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw Failure.invalid(at + "." + field, "is required for a new formation");
            }
            return fallback;
        }
        if (!value.isIntegralNumber()) {
            throw Failure.invalid(at + "." + field, "must be an integer");
        }
        return value.asInt();
    }
}
