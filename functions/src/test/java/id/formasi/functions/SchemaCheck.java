package id.formasi.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON answer against a schema of docs/openapi.yaml (OpenAPI 3.1, i.e. JSON Schema 2020-12), for the
 * keywords that document uses: {@code $ref} (within the document), {@code type}, {@code enum}, {@code const},
 * {@code required}, {@code properties}, {@code additionalProperties}, {@code items}, {@code oneOf},
 * {@code minimum}, {@code maximum}. Stricter than JSON Schema in one way, on purpose: an object schema that
 * lists {@code properties} and says nothing of {@code additionalProperties} admits no other property, so that
 * a field the API answers but the document does not name is found. Any other keyword fails the check, so that
 * the document cannot use one this class silently ignores.
 */
final class SchemaCheck {

    private static final Set<String> KNOWN = Set.of("$ref", "type", "enum", "const", "required", "properties",
            "additionalProperties", "items", "oneOf", "minimum", "maximum", "description", "format", "default", "pattern");

    private final JsonNode document;

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** Every way the value breaks the schema, each with its JSON path; empty when it fits. */
    List<String> problems(JsonNode schema, JsonNode value, String path) {
        List<String> problems = new ArrayList<>();
        check(schema, value, path, problems);
        return problems;
    }

    private void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        schema.propertyNames().forEach(keyword -> {
            if (!KNOWN.contains(keyword)) {
                problems.add(path + ": the schema uses " + keyword + ", which this check does not know");
            }
        });
        if (schema.has("$ref")) {
            check(resolve(schema.get("$ref").asString()), value, path, problems);
        }
        if (schema.has("type") && !typeFits(schema.get("type"), value)) {
            problems.add(path + ": " + kind(value) + " where the schema says " + schema.get("type"));
            return;
        }
        if (schema.has("enum") && schema.get("enum").valueStream().noneMatch(value::equals)) {
            problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            problems.add(path + ": " + value + " is not " + schema.get("const"));
        }
        if (value.isNumber() && schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            problems.add(path + ": " + value + " is below " + schema.get("minimum"));
        }
        if (value.isNumber() && schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
            problems.add(path + ": " + value + " is above " + schema.get("maximum"));
        }
        if (schema.has("oneOf")) {
            long fitting = schema.get("oneOf").valueStream().filter(option -> problems(option, value, path).isEmpty()).count();
            if (fitting != 1) {
                problems.add(path + ": " + kind(value) + " fits " + fitting + " of the oneOf options, not exactly one");
            }
        }
        if (value.isObject()) {
            object(schema, value, path, problems);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private void object(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (schema.has("required")) {
            schema.get("required").valueStream().map(JsonNode::asString).filter(name -> !value.has(name))
                    .forEach(name -> problems.add(path + "." + name + ": required but missing"));
        }
        if (!schema.has("properties")) {
            return;
        }
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        value.properties().forEach(property -> {
            String at = path + "." + property.getKey();
            if (properties.has(property.getKey())) {
                check(properties.get(property.getKey()), property.getValue(), at, problems);
            } else if (additional == null || additional.isBoolean() && !additional.asBoolean()) {
                problems.add(at + ": answered but not in the schema");
            } else if (additional.isObject()) {
                check(additional, property.getValue(), at, problems);
            }
        });
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("answers are described within the document, not by " + ref);
        }
        JsonNode target = document.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("no " + ref + " in the document");
        }
        return target;
    }

    private static boolean typeFits(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            return type.valueStream().anyMatch(one -> typeFits(one, value));
        }
        return switch (type.asString()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber() || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static String kind(JsonNode value) {
        return value.isNull() ? "null" : value.getNodeType().name().toLowerCase() + " " + abbreviate(value.toString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
