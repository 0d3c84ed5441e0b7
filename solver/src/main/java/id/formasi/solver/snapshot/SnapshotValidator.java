package id.formasi.solver.snapshot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The rules of snapshot version 1 (docs/snapshot-format.md), checked on the JSON tree so that every
 * error is found, each with its path. Fields the contract does not name are ignored.
 *
 * <p>Personal data stays out of messages: a person's name, birth date, home and protection reason are
 * never quoted, and a NIP at most by its first four characters. The path names the person by index.
 */
final class SnapshotValidator extends FieldChecks {

    static final int SCHEMA_VERSION = 1;
    static final int NIP_LENGTH = 18;
    static final int MIN_AGE = 15;
    static final int MAX_AGE = 80;
    /** Sanity bound of cap and minimum: far above any real formation, and sums stay within int. */
    static final int MAX_POSITIONS = 100_000;
    static final int MAX_WEIGHT = 100_000;
    static final int MAX_YEARS = 40;
    /** Sanity bound of maxMoveKm: no two places on Earth are farther apart than about 20,016 km. */
    static final int MAX_MOVE_KM = 100_000;

    /** Code or id to the path of its first occurrence, for duplicates and references. */
    private final Map<String, String> jobs = new HashMap<>();
    private final Map<String, String> facilities = new HashMap<>();
    private final Map<String, String> staff = new HashMap<>();
    /** Facility kinds seen, for the PNS floors of policy.minPnsByKind. */
    private final Set<String> kinds = new HashSet<>();
    /** Staff id to the spouse it names and the path that names it, checked once every id is known. */
    private final Map<String, String> spouses = new LinkedHashMap<>();
    private final Map<String, String> spousePaths = new HashMap<>();
    /** False when some job code or facility id could not be read: then references to them are not judged. */
    private boolean allJobsKnown;
    private boolean allFacilitiesKnown;
    private LocalDate asOf;
    private LocalDate planningDate;

    private SnapshotValidator() {
    }

    static List<ValidationError> validate(JsonNode root) {
        SnapshotValidator validator = new SnapshotValidator();
        validator.snapshot(root);
        return validator.errors();
    }

    // ---- the document ------------------------------------------------------------------------

    private void snapshot(JsonNode root) {
        if (!root.isObject()) {
            error("$", "a snapshot must be a JSON object, got " + describe(root, false));
            return;
        }
        schemaVersion(root);
        String id = string(root, "", "snapshotId", true, false);
        if (id != null && !Limits.isSnapshotId(id)) {
            error("snapshotId", "snapshotId " + quote(id) + " must be 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        String tenant = nonEmptyString(root, "", "tenant", true, false);
        if (tenant != null && !tenant.isBlank() && !TenantCode.isValid(tenant)) {
            error("tenant", "tenant " + quote(tenant) + " " + TenantCode.RULE);
        }
        asOf = date(root, "", "asOf", true, false);
        planningDate = date(root, "", "planningDate", true, false);
        if (asOf != null && planningDate != null && planningDate.isBefore(asOf)) {
            error("planningDate", "planningDate " + planningDate + " is before asOf " + asOf);
        }

        List<JsonNode> jobList = array(root, "", "jobs", true, false);
        if (jobList != null && jobList.isEmpty()) {
            error("jobs", "must list at least one job, got an empty array");
        }
        forEachObject(jobList, "jobs", false, this::job);
        allJobsKnown = allHaveText(jobList, "code");
        List<JsonNode> facilityList = array(root, "", "facilities", true, false);
        forEachObject(facilityList, "facilities", false, this::facility);
        allFacilitiesKnown = allHaveText(facilityList, "id");
        List<JsonNode> staffList = array(root, "", "staff", true, true);
        forEachObject(staffList, "staff", true, this::person);
        if (allHaveText(staffList, "id")) {
            spouses();
        }
        JsonNode policy = value(root, "", "policy", false);
        if (policy != null) {
            if (policy.isObject()) {
                policy(policy);
            } else {
                error("policy", "must be an object or null, got " + describe(policy, false));
            }
        }
    }

    private void schemaVersion(JsonNode root) {
        BigDecimal version = number(value(root, "", "schemaVersion", true), "schemaVersion", false);
        if (version != null && version.compareTo(BigDecimal.valueOf(SCHEMA_VERSION)) != 0) {
            error("schemaVersion", "schemaVersion " + show(version) + " is not supported, only " + SCHEMA_VERSION);
        }
    }

    private void job(JsonNode job, String path) {
        String code = string(job, path, "code", true, false);
        if (code != null) {
            if (!Limits.JOB_CODE.matcher(code).matches()) {
                error(at(path, "code"), "job code " + quote(code) + " must be 1 to 40 of A-Z 0-9 _");
            }
            unique(jobs, code, at(path, "code"), "duplicate job code " + quote(code));
        }
        string(job, path, "name", true, false);
        choice(job, path, "sector", Sector.class);
        integer(job, path, "retirementAge", true, 50, 70);
    }

    private void facility(JsonNode facility, String path) {
        String id = nonEmptyString(facility, path, "id", true, false);
        if (id != null) {
            unique(facilities, id, at(path, "id"), "duplicate facility id " + quote(id));
        }
        string(facility, path, "name", true, false);
        String kind = nonEmptyString(facility, path, "kind", true, false);
        if (kind != null) {
            kinds.add(kind);
        }
        nonEmptyString(facility, path, "district", true, false);
        location(facility, path, "location", true, false);
        choice(facility, path, "status", FacilityStatus.class);
        Map<String, String> formationJobs = new HashMap<>();
        forEachObject(array(facility, path, "formations", true, false), at(path, "formations"), false,
                (formation, formationPath) -> formation(formation, formationPath, formationJobs));
    }

    private void formation(JsonNode formation, String path, Map<String, String> jobsOfFacility) {
        String job = jobReference(value(formation, path, "job", true), at(path, "job"));
        if (job != null) {
            unique(jobsOfFacility, job, at(path, "job"),
                    "duplicate formation for job " + quote(job) + " in this facility");
        }
        Integer cap = integer(formation, path, "cap", true, 0, MAX_POSITIONS);
        Integer minimum = integer(formation, path, "minimum", true, 0, MAX_POSITIONS);
        if (cap != null && minimum != null && minimum > cap) {
            error(at(path, "minimum"), "minimum " + minimum + " is above cap " + cap);
        }
        integer(formation, path, "priority", true, 1, 5);
    }

    private void person(JsonNode person, String path) {
        String id = nip(value(person, path, "id", true), at(path, "id"));
        if (id != null) {
            unique(staff, id, at(path, "id"), "duplicate staff id");
        }
        string(person, path, "name", true, true);
        Employment employment = choice(person, path, "employment", Employment.class);
        jobReference(value(person, path, "job", true), at(path, "job"));
        List<JsonNode> alsoQualifiedFor = array(person, path, "alsoQualifiedFor", false, false);
        if (alsoQualifiedFor != null) {
            for (int i = 0; i < alsoQualifiedFor.size(); i++) {
                jobReference(alsoQualifiedFor.get(i), at(path, "alsoQualifiedFor") + "[" + i + "]");
            }
        }
        String facility = string(person, path, "facility", true, false);
        if (facility != null && allFacilitiesKnown && !facilities.containsKey(facility)) {
            error(at(path, "facility"), "unknown facility " + quote(facility));
        }

        LocalDate birthDate = date(person, path, "birthDate", true, true);
        LocalDate postedSince = date(person, path, "postedSince", true, false);
        LocalDate firstPostingSince = date(person, path, "firstPostingSince", true, false);
        if (birthDate != null && postedSince != null && !birthDate.isBefore(postedSince)) {
            error(at(path, "birthDate"), "birthDate is not before postedSince " + postedSince);
        }
        if (firstPostingSince != null && postedSince != null && firstPostingSince.isAfter(postedSince)) {
            error(at(path, "firstPostingSince"),
                    "firstPostingSince " + firstPostingSince + " is after postedSince " + postedSince);
        }
        if (postedSince != null && planningDate != null && postedSince.isAfter(planningDate)) {
            error(at(path, "postedSince"), "postedSince " + postedSince + " is after planningDate " + planningDate);
        }
        if (birthDate != null && asOf != null) {
            int age = Period.between(birthDate, asOf).getYears();
            if (age < MIN_AGE || age > MAX_AGE) {
                // The age is not quoted: with asOf it would give the birth year away.
                error(at(path, "birthDate"), "birthDate gives an age outside " + MIN_AGE + ".." + MAX_AGE
                        + " years at asOf " + asOf);
            }
        }

        if (employment == Employment.PNS && value(person, path, "contractEnd", false) != null) {
            error(at(path, "contractEnd"), "contractEnd is only for PPPK, this person is PNS");
        } else {
            date(person, path, "contractEnd", false, false);
        }
        location(person, path, "home", false, true);
        String spouse = string(person, path, "spouseId", false, false);
        if (spouse != null && id != null) {
            spouses.put(id, spouse);
            spousePaths.put(id, at(path, "spouseId"));
        }
        JsonNode reason = value(person, path, "protected", false);
        if (reason != null) {
            if (!reason.isString()) {
                error(at(path, "protected"), "must be null or a reason text, got " + describe(reason, true));
            } else if (reason.stringValue().isBlank()) {
                error(at(path, "protected"), "must be null or a reason text, got an empty text");
            }
        }
    }

    private void policy(JsonNode policy) {
        decimal(policy, "policy", "minYearsAtPost", false, 0, MAX_YEARS);
        decimal(policy, "policy", "rotationYears", false, 0, MAX_YEARS);
        integer(policy, "policy", "moveCost", false, 0, MAX_WEIGHT);
        BigDecimal maxMoveKm = number(value(policy, "policy", "maxMoveKm", false), "policy.maxMoveKm", false);
        if (maxMoveKm != null
                && (maxMoveKm.signum() <= 0 || maxMoveKm.compareTo(BigDecimal.valueOf(MAX_MOVE_KM)) > 0)) {
            error("policy.maxMoveKm", "maxMoveKm " + show(maxMoveKm) + " must be above 0 and at most " + MAX_MOVE_KM
                    + " (null means no limit)");
        }
        practiceRules(policy);
        for (String weight : List.of("rotationDiscount", "homeDistanceWeight", "facilityFairnessWeight",
                "districtFairnessWeight", "keepPreviousWeight")) {
            integer(policy, "policy", weight, false, 0, MAX_WEIGHT);
        }
    }

    /** The three rules of mutasi practice: PNS floors per facility kind, departure limit, spouse distance. */
    private void practiceRules(JsonNode policy) {
        JsonNode floors = value(policy, "policy", "minPnsByKind", false);
        if (floors != null && !floors.isObject()) {
            error("policy.minPnsByKind", "must be an object of facility kind to a number of PNS, or null, got "
                    + describe(floors, false));
        } else if (floors != null) {
            for (String kind : floors.properties().stream().map(Map.Entry::getKey).toList()) {
                integer(floors, "policy.minPnsByKind", kind, true, 0, MAX_POSITIONS);
                if (allFacilitiesKnown && !kinds.contains(kind)) {
                    error(at("policy.minPnsByKind", kind), "no facility has kind " + quote(kind) + " (kinds: "
                            + kinds.stream().sorted().map(SnapshotValidator::quote).collect(Collectors.joining(", "))
                            + ")");
                }
            }
        }
        integer(policy, "policy", "maxDeparturesPerFacility", false, 0, MAX_POSITIONS);
        decimal(policy, "policy", "spouseMaxKm", false, 0, MAX_MOVE_KM);
    }

    /** Spouses name each other: another person of the snapshot, who names this person back. */
    private void spouses() {
        spouses.forEach((id, spouse) -> {
            String path = spousePaths.get(id);
            if (spouse.equals(id)) {
                error(path, "a person cannot be their own spouse");
            } else if (!staff.containsKey(spouse)) {
                error(path, "unknown staff \"" + preview(spouse) + "\"");
            } else if (!id.equals(spouses.get(spouse))) {
                error(path, "the spouse at " + staff.get(spouse).replaceFirst("\\.id$", "") + " does not name this person back as spouseId");
            }
        });
    }

    // ---- references and identifiers ------------------------------------------------------------

    /** A job code that must be one of the snapshot's jobs. */
    private String jobReference(JsonNode node, String path) {
        String code = string(node, path, false);
        if (code != null && allJobsKnown && !jobs.containsKey(code)) {
            error(path, "unknown job " + quote(code));
        }
        return code;
    }

    /** A NIP or NI PPPK: 18 digits, as text. Quoted by its first four characters only. */
    private String nip(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            // Spreadsheets that store a NIP as a number lose its last digits.
            String digits = show(node.decimalValue());
            error(path, "NIP must be " + NIP_LENGTH + " digits as text, got a JSON number " + preview(digits)
                    + " (" + digits.length() + " characters)");
            return null;
        }
        String nip = string(node, path, true);
        if (nip == null) {
            return null;
        }
        if (nip.length() != NIP_LENGTH) {
            error(path, "NIP must be " + NIP_LENGTH + " digits, got " + nip.length()
                    + " characters \"" + preview(nip) + "\"");
        } else if (!nip.chars().allMatch(c -> c >= '0' && c <= '9')) {
            error(path, "NIP must be " + NIP_LENGTH + " digits, got a character other than 0-9 in \""
                    + preview(nip) + "\"");
        }
        return nip;
    }

    /** Whether every element is an object whose field is a text, so that the set of them is known. */
    private static boolean allHaveText(List<JsonNode> elements, String field) {
        return elements != null && elements.stream().allMatch(e -> e.isObject() && e.path(field).isString());
    }
}
