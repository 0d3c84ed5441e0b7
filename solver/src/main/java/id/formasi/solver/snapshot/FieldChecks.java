package id.formasi.solver.snapshot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Typed reading of JSON fields for {@link SnapshotValidator}: each check records an error at the field's
 * path and goes on, so that one pass finds every error. Values flagged personal are described by their
 * type only, never quoted.
 */
abstract class FieldChecks {

    static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2200;
    /** Enough to fix a broken export; more would only make a huge answer. */
    static final int MAX_ERRORS = 1000;
    private static final int QUOTED_LENGTH = 40;

    private final List<ValidationError> errors = new ArrayList<>();
    private boolean truncated;

    /** The errors found, with a last line when there were more than {@link #MAX_ERRORS}. */
    final List<ValidationError> errors() {
        List<ValidationError> all = new ArrayList<>(errors);
        if (truncated) {
            all.add(new ValidationError("$",
                    "more than " + MAX_ERRORS + " errors; only the first " + MAX_ERRORS + " are listed"));
        }
        return List.copyOf(all);
    }

    /** Records where a key first appeared; a second appearance is an error naming the first. */
    final void unique(Map<String, String> seen, String key, String path, String message) {
        String first = seen.putIfAbsent(key, path);
        if (first != null) {
            error(path, message + ", first at " + first);
        }
    }

    /** The field's value; null when it is missing or null, which is an error if it is required. */
    final JsonNode value(JsonNode object, String parent, String field, boolean required) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                error(at(parent, field), value == null ? "is required but missing" : "is required but null");
            }
            return null;
        }
        return value;
    }

    final String string(JsonNode object, String parent, String field, boolean required, boolean personal) {
        return string(value(object, parent, field, required), at(parent, field), personal);
    }

    final String string(JsonNode node, String path, boolean personal) {
        return isKind(node, JsonNode::isString, "a text", path, personal) ? node.stringValue() : null;
    }

    final String nonEmptyString(JsonNode object, String parent, String field, boolean required, boolean personal) {
        String value = string(object, parent, field, required, personal);
        if (value != null && value.isBlank()) {
            error(at(parent, field), "must not be empty");
            return null;
        }
        return value;
    }

    final BigDecimal number(JsonNode node, String path, boolean personal) {
        return isKind(node, JsonNode::isNumber, "a number", path, personal) ? node.decimalValue() : null;
    }

    /** Whether the node is there and of the kind; a node of another kind is an error at the path. */
    final boolean isKind(JsonNode node, Predicate<JsonNode> kind, String kindName, String path, boolean personal) {
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
    final Integer integer(JsonNode object, String parent, String field, boolean required, int min, int max) {
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

    final Double decimal(JsonNode object, String parent, String field, boolean required, double min, double max) {
        return decimal(value(object, parent, field, required), at(parent, field), field, min, max, false);
    }

    final Double decimal(JsonNode node, String path, String field, double min, double max, boolean personal) {
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
    final <E extends Enum<E>> E choice(JsonNode object, String parent, String field, Class<E> type) {
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
    final LocalDate date(JsonNode object, String parent, String field, boolean required, boolean personal) {
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
    final void location(JsonNode object, String parent, String field, boolean required, boolean personal) {
        String path = at(parent, field);
        JsonNode node = value(object, parent, field, required);
        if (!isKind(node, JsonNode::isObject, "an object with lat and lon", path, personal)) {
            return;
        }
        decimal(value(node, path, "lat", true), at(path, "lat"), "lat", -90, 90, personal);
        decimal(value(node, path, "lon", true), at(path, "lon"), "lon", -180, 180, personal);
    }

    /** The array's elements; null when it is missing, null or not an array. */
    final List<JsonNode> array(JsonNode object, String parent, String field, boolean required, boolean personal) {
        JsonNode node = value(object, parent, field, required);
        if (!isKind(node, JsonNode::isArray, "an array", at(parent, field), personal)) {
            return null;
        }
        List<JsonNode> elements = new ArrayList<>(node.size());
        node.values().forEach(elements::add);
        return elements;
    }

    final void forEachObject(List<JsonNode> elements, String path, boolean personal,
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

    final void error(String path, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new ValidationError(path, message));
        } else {
            truncated = true;
        }
    }

    static String at(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** What a JSON value is, for "got ..."; personal data is described by its type only. */
    static String describe(JsonNode node, boolean personal) {
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
    static String preview(String nip) {
        String head = nip.length() <= 4 ? nip : nip.substring(0, nip.offsetByCodePoints(0, 4)) + "…";
        String quoted = quote(head);
        return quoted.substring(1, quoted.length() - 1);
    }
}
