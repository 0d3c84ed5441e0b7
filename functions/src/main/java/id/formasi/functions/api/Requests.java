package id.formasi.functions.api;

import id.formasi.functions.planning.Failure;
import id.formasi.infra.Pin;
import id.formasi.solver.snapshot.Limits;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading requests: the JSON body, its optional fields and pins, query integers, a page of a list, URLs. */
final class Requests {

    /** Writes answers and builds trees; request bodies are read by {@link JsonBodies}. */
    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Limits.MAX_DEPTH).build())
                    .build())
            .build();

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private Requests() {
    }

    static JsonNode json(Request request) {
        if (!request.hasBody()) {
            throw Failure.invalid("$", "a JSON body is required");
        }
        return JsonBodies.object(request.body());
    }

    static List<Pin> pins(JsonNode node, List<Failure.Detail> errors) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new Failure.Detail("pins", "must be an array of { staffId, facilityId, job }"));
            return List.of();
        }
        List<Pin> pins = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode pin = node.get(i);
            String staffId = pin.path("staffId").isString() ? pin.path("staffId").asString() : null;
            String facilityId = pin.path("facilityId").isString() ? pin.path("facilityId").asString() : null;
            String job = pin.path("job").isString() ? pin.path("job").asString() : null;
            if (staffId == null || facilityId == null || job == null) {
                errors.add(new Failure.Detail("pins[" + i + "]", "needs staffId, facilityId and job as texts"));
            } else {
                pins.add(new Pin(staffId, facilityId, job));
            }
        }
        return pins;
    }

    static Integer optionalInt(JsonNode body, String field, List<Failure.Detail> errors) {
        Long value = optionalLong(body, field, errors);
        if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            errors.add(new Failure.Detail(field, "must be an integer"));
            return null;
        }
        return value == null ? null : value.intValue();
    }

    static Long optionalLong(JsonNode body, String field, List<Failure.Detail> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            errors.add(new Failure.Detail(field, "must be an integer"));
            return null;
        }
        return value.asLong();
    }

    static String optionalText(JsonNode body, String field, List<Failure.Detail> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.add(new Failure.Detail(field, "must be a text"));
            return null;
        }
        return value.asString();
    }

    /** A query parameter that must be an integer in min..max, or the fallback when it is absent. */
    static int queryInt(Request request, String name, int fallback, int min, int max) {
        String text = request.query().get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw Failure.invalid("query." + name, "must be an integer " + min + ".." + max);
        }
    }

    /** The page of items that {@code offset} and {@code limit} ask for. */
    static Response page(Request request, List<?> items) {
        int offset = queryInt(request, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = queryInt(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int from = Math.min(offset, items.size());
        int to = Math.min(items.size(), from + limit);
        return Response.ok(new Views.Page(offset, limit, items.size(), items.subList(from, to),
                to < items.size() ? to : null));
    }

    /** Absolute URL of a path, from the host the request came to. */
    static String url(Request request, String path) {
        String host = request.headers().get("host");
        if (host == null) {
            return path;
        }
        String scheme = request.headers().getOrDefault("x-forwarded-proto", "https");
        return scheme + "://" + host + path;
    }
}
