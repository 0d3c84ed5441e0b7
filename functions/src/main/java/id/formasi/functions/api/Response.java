package id.formasi.functions.api;

import java.util.Map;

/** A JSON answer: status, body (written as JSON) and extra headers. */
public record Response(int status, Object body, Map<String, String> headers) {

    public static Response ok(Object body) {
        return new Response(200, body, Map.of());
    }

    public static Response created(Object body, String location) {
        return new Response(201, body, Map.of("Location", location));
    }

    public static Response accepted(Object body, String location) {
        return new Response(202, body, Map.of("Location", location));
    }
}
