package id.formasi.solver.snapshot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The rules of snapshot version 1 (docs/snapshot-format.md), checked on the JSON tree so that every
 * error is found, each with its path. Fields the contract does not name are ignored.
 *
 * <p>Personal data stays out of messages: a person's name, birth date, home and protection reason are
 * never quoted, and a NIP at most by its first four characters. The path names the person by index.
 */
final class SnapshotValidator {

    static final int SCHEMA_VERSION = 1;
    static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2200;
    static final int NIP_LENGTH = 18;
    static final int MIN_AGE = 15;
    static final int MAX_AGE = 80;
    /** Sanity bound of cap and minimum: far above any real formation, and sums stay within int. */
    static final int MAX_POSITIONS = 100_000;
    static final int MAX_WEIGHT = 100_000;
    static final int MAX_YEARS = 40;
    /** Sanity bound of maxMoveKm: no two places on Earth are farther apart than about 20,016 km. */
    static final int MAX_MOVE_KM = 100_000;
    /** Enough to fix a broken export; more would only make a huge answer. */
    static final int MAX_ERRORS = 1000;
    private static final int QUOTED_LENGTH = 40;

    private final List<ValidationError> errors = new ArrayList<>();
    private boolean truncated;
    /** Code or id to the path of its first occurrence, for duplicates and references. */
    private final Map<String, String> jobs = new HashMap<>();
    private final Map<String, String> facilities = new HashMap<>();
    private final Map<String, String> staff = new HashMap<>();
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
        if (validator.truncated) {
            validator.errors.add(new ValidationError("$",
                    "more than " + MAX_ERRORS + " errors; only the first " + MAX_ERRORS + " are listed"));
        }
        return List.copyOf(validator.errors);
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
        forEachObject(array(root, "", "staff", true, true), "staff", true, this::person);
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
        nonEmptyString(facility, path, "kind", true, false);
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
        for (String weight : List.of("rotationDiscount", "homeDistanceWeight", "facilityFairnessWeight",
                "districtFairnessWeight", "keepPreviousWeight")) {
            integer(policy, "policy", weight, false, 0, MAX_WEIGHT);
        }
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

    /** Records where a key first appeared; a second appearance is an error naming the first. */
    private void unique(Map<String, String> seen, String key, String path, String message) {
        String first = seen.putIfAbsent(key, path);
        if (first != null) {
            error(path, message + ", first at " + first);
        }
    }

    // ---- typed fields --------------------------------------------------------------------------

    /** The field's value; null when it is missing or null, which is an error if it is required. */
    private JsonNode value(JsonNode object, String parent, String field, boolean required) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                error(at(parent, field), value == null ? "is required but missing" : "is required but null");
            }
            return null;
        }
        return value;
    }

    private String string(JsonNode object, String parent, String field, boolean required, boolean personal) {
        return string(value(object, parent, field, required), at(parent, field), personal);
    }

    private String string(JsonNode node, String path, boolean personal) {
        return isKind(node, JsonNode::isString, "a text", path, personal) ? node.stringValue() : null;
    }

    private String nonEmptyString(JsonNode object, String parent, String field, boolean required, boolean personal) {
        String value = string(object, parent, field, required, personal);
        if (value != null && value.isBlank()) {
            error(at(parent, field), "must not be empty");
            return null;
        }
        return value;
    }

    private BigDecimal number(JsonNode node, String path, boolean personal) {
        return isKind(node, JsonNode::isNumber, "a number", path, personal) ? node.decimalValue() : null;
    }

    /** Whether the node is there and of the kind; a node of another kind is an error at the path. */
    private boolean isKind(JsonNode node, Predicate<JsonNode> kind, String kindName, String path, boolean personal) {
        if (node == null) {
            return false;
        }
        if (!kind.test(node)) {
            error(path, "must be " + kindName + ", got " + describe(node, personal));
            return false;
        }
        return true;
    }

    /** A whole number in min..max; 12.0 counts as 12. */
    private Integer integer(JsonNode object, String parent, String field, boolean required, int min, int max) {
        String path = at(parent, field);
        BigDecimal number = number(value(object, parent, field, required), path, false);
        if (number == null) {
            return null;
        }
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            error(path, "must be a whole number, got " + show(number));
            return null;
        }
        if (!within(number, min, max)) {
            error(path, field + " " + show(number) + " is outside " + min + ".." + max);
            return null;
        }
        return number.intValueExact();
    }

    private Double decimal(JsonNode object, String parent, String field, boolean required, double min, double max) {
        return decimal(value(object, parent, field, required), at(parent, field), field, min, max, false);
    }

    private Double decimal(JsonNode node, String path, String field, double min, double max, boolean personal) {
        BigDecimal number = number(node, path, personal);
        if (number == null) {
            return null;
        }
        if (!within(number, min, max)) {
            error(path, personal
                    ? field + " is outside " + show(min) + ".." + show(max)
                    : field + " " + show(number) + " is outside " + show(min) + ".." + show(max));
            return null;
        }
        return number.doubleValue();
    }

    private static boolean within(BigDecimal number, double min, double max) {
        return number.compareTo(BigDecimal.valueOf(min)) >= 0 && number.compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    /** One of an enum's names, exactly as written (case matters). */
    private <E extends Enum<E>> E choice(JsonNode object, String parent, String field, Class<E> type) {
        String path = at(parent, field);
        JsonNode node = value(object, parent, field, true);
        if (node == null) {
            return null;
        }
        String names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (!node.isString()) {
            error(path, "must be one of " + names + ", got " + describe(node, false));
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(node.stringValue())) {
                return constant;
            }
        }
        error(path, quote(node.stringValue()) + " is not one of " + names);
        return null;
    }

    /** An ISO date YYYY-MM-DD that exists in the calendar, in the years 1900..2200. */
    private LocalDate date(JsonNode object, String parent, String field, boolean required, boolean personal) {
        String path = at(parent, field);
        String text = string(value(object, parent, field, required), path, personal);
        if (text == null) {
            return null;
        }
        String value = personal ? field : quote(text);
        if (!DATE.matcher(text).matches()) {
            error(path, value + " is not a date in the form YYYY-MM-DD");
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            error(path, value + " is not a real calendar date");
            return null;
        }
        if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            error(path, value + " is outside the years " + MIN_YEAR + ".." + MAX_YEAR);
            return null;
        }
        return date;
    }

    /** {"lat": -90..90, "lon": -180..180}. */
    private void location(JsonNode object, String parent, String field, boolean required, boolean personal) {
        String path = at(parent, field);
        JsonNode node = value(object, parent, field, required);
        if (!isKind(node, JsonNode::isObject, "an object with lat and lon", path, personal)) {
            return;
        }
        decimal(value(node, path, "lat", true), at(path, "lat"), "lat", -90, 90, personal);
        decimal(value(node, path, "lon", true), at(path, "lon"), "lon", -180, 180, personal);
    }

    /** The array's elements; null when it is missing, null or not an array. */
    private List<JsonNode> array(JsonNode object, String parent, String field, boolean required, boolean personal) {
        JsonNode node = value(object, parent, field, required);
        if (!isKind(node, JsonNode::isArray, "an array", at(parent, field), personal)) {
            return null;
        }
        List<JsonNode> elements = new ArrayList<>(node.size());
        node.values().forEach(elements::add);
        return elements;
    }

    private void forEachObject(List<JsonNode> elements, String path, boolean personal,
            BiConsumer<JsonNode, String> check) {
        if (elements == null) {
            return;
        }
        for (int i = 0; i < elements.size(); i++) {
            String elementPath = path + "[" + i + "]";
            JsonNode element = elements.get(i);
            if (element.isObject()) {
                check.accept(element, elementPath);
            } else {
                error(elementPath, "must be an object, got " + describe(element, personal));
            }
        }
    }

    // ---- messages ------------------------------------------------------------------------------

    private void error(String path, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new ValidationError(path, message));
        } else {
            truncated = true;
        }
    }

    private static String at(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** What a JSON value is, for "got ..."; personal data is described by its type only. */
    private static String describe(JsonNode node, boolean personal) {
        if (node.isString()) {
            return personal ? "a text" : "text " + quote(node.stringValue());
        }
        if (node.isNumber()) {
            return personal ? "a number" : "a number " + show(node.decimalValue());
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "true" : "false";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.isObject() ? "an object" : "a " + node.getNodeType().name().toLowerCase();
    }

    /** A number as written, but short: 1E+400 rather than a 401-digit number. */
    static String show(BigDecimal number) {
        boolean plain = number.scale() <= 20 && number.precision() - number.scale() <= 20;
        String text = plain ? number.toPlainString() : number.toString();
        return text.length() <= QUOTED_LENGTH ? text : text.substring(0, QUOTED_LENGTH) + "…";
    }

    private static String show(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }

    /** A text in double quotes, escaped and cut to 40 characters. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        int count = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            if (count++ == QUOTED_LENGTH) {
                quoted.append('…');
                break;
            }
            int c = text.codePointAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7f) {
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        }
        return quoted.append('"').toString();
    }

    /** The first four characters of a NIP, then an ellipsis when there are more. */
    private static String preview(String nip) {
        String head = nip.length() <= 4 ? nip : nip.substring(0, nip.offsetByCodePoints(0, 4)) + "…";
        String quoted = quote(head);
        return quoted.substring(1, quoted.length() - 1);
    }
}
