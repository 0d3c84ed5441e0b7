package id.formasi.functions.api;

import id.formasi.functions.planning.Failure;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP request as the route handlers see it, taken from the API Gateway event.
 *
 * @param headers header names in lower case
 * @param actor   who is asking: the authorizer's subject, else the {@code X-Formasi-User} header
 * @param caller  whose data the request may read and write ({@link Tenancy})
 */
public record Request(String method, String path, Map<String, String> pathParameters, Map<String, String> query,
        Map<String, String> headers, byte[] body, String actor, Tenancy.Caller caller) {

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    public boolean hasBody() {
        return body != null && body.length > 0 && !new String(body, StandardCharsets.UTF_8).isBlank();
    }

    /**
     * The caller's tenant. Asked only by routes that touch a tenant's data, so the page and its assets need
     * none.
     *
     * @throws Failure when the request names no usable tenant
     */
    public String tenant() {
        return caller.code();
    }
}
