package id.formasi.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import id.formasi.functions.FormasiProperties;
import id.formasi.functions.planning.Failure;
import id.formasi.infra.StorageFullException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code api} function: translates an API Gateway HTTP API (payload v2) event into a {@link Request},
 * finds its route in the one route table, and turns the answer or the refusal into the response event.
 */
@Component
public class HttpApi {

    private final List<Route> routes;
    private final long maxBodyBytes;
    private final JsonMapper mapper;
    private final Tenancy tenancy;
    private final Access access;

    public HttpApi(Routes routes, FormasiProperties properties, Access access) {
        this.routes = routes.table();
        this.access = access;
        this.tenancy = new Tenancy(properties);
        this.maxBodyBytes = properties.maxBodyBytes();
        this.mapper = Requests.MAPPER;
    }

    public List<Route> routes() {
        return routes;
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        long start = System.nanoTime();
        String method = method(event);
        String path = event.getRawPath() == null ? "/" : event.getRawPath();
        String apiRequestId = event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        if (apiRequestId != null) {
            MDC.put("apiRequestId", apiRequestId);
        }
        Match match = null;
        Response response;
        String internal = null;
        try {
            match = match(method, path, event);
            access.check(match.route(), event);
            response = match.route().handler().apply(request(match.route(), method, path, match.parameters(), event));
        } catch (Failure failure) {
            response = error(failure);
        } catch (StorageFullException e) {
            internal = "the data disk is full";
            response = error(new Failure(Failure.Kind.STORAGE_FULL, "penyimpanan penuh: permintaan tidak diselesaikan;"
                    + " data yang sudah tersimpan utuh. Kosongkan ruang di disk data lalu coba lagi.", "storage full: the"
                    + " request was not completed; what was stored before is intact. Free space on the data disk and"
                    + " try again.", List.of()));
        } catch (RuntimeException e) {
            // No stack trace to the caller; the log gets the type and where, not the message (it may quote data).
            String reference = UUID.randomUUID().toString();
            StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            internal = reference + " (" + e.getClass().getName() + " at " + where + ")";
            response = new Response(500, Map.of("error", "INTERNAL", "message", "kesalahan internal, rujukan "
                    + reference, "messageEn", "internal error, reference " + reference, "details", List.of()), Map.of());
        }
        try {
            RequestLog.write(method, match == null ? null : match.route(), match == null ? null : match.parameters(),
                    response.status(), start, internal);
            return toEvent(response);
        } finally {
            MDC.remove("apiRequestId");
        }
    }

    private record Match(Route route, Map<String, String> parameters) {
    }

    /** The route of a request; none is 404, another method's 405. */
    private Match match(String method, String path, APIGatewayV2HTTPEvent event) {
        RequestLimits.checkQueryAndHeaders(event);
        List<String> allowed = new ArrayList<>();
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(path);
            if (parameters.isEmpty()) {
                continue;
            }
            if (!route.method().equals(method)) {
                allowed.add(route.method());
                continue;
            }
            RequestLimits.checkPathIds(route, parameters.get());
            return new Match(route, parameters.get());
        }
        if (!allowed.isEmpty()) {
            throw new Failure(Failure.Kind.METHOD_NOT_ALLOWED, method + " is not allowed on " + RequestLimits.echo(path) + "; use "
                    + String.join(", ", allowed));
        }
        throw Failure.notFound("no route " + method + " " + RequestLimits.echo(path));
    }

    private Request request(Route route, String method, String path, Map<String, String> parameters,
            APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        byte[] body = body(event);
        if (body.length > maxBodyBytes) {
            throw new Failure(Failure.Kind.TOO_LARGE, "the body is larger than " + maxBodyBytes + " bytes",
                    List.of(new Failure.Detail("$", "larger than " + maxBodyBytes + " bytes")));
        }
        if (body.length > 0 && route.bodyTypes().isEmpty() && !isJson(headers.get("content-type"))) {
            throw new Failure(Failure.Kind.UNSUPPORTED_MEDIA_TYPE, "the body must be JSON (Content-Type: application/json)");
        }
        if (body.length > 0 && !route.bodyTypes().isEmpty() && !route.bodyTypes().contains(mediaType(headers))) {
            throw new Failure(Failure.Kind.UNSUPPORTED_MEDIA_TYPE, "the body must be one of "
                    + String.join(", ", route.bodyTypes()));
        }
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of()
                : Map.copyOf(event.getQueryStringParameters());
        return new Request(method, path, parameters, query, headers, body, actor(event, headers),
                tenancy.of(event, headers));
    }

    private static byte[] body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(event.getBody());
            } catch (IllegalArgumentException e) {
                throw Failure.invalid("$", "the body is not valid base64");
            }
        }
        return event.getBody().getBytes(StandardCharsets.UTF_8);
    }

    private static String mediaType(Map<String, String> headers) {
        String type = headers.get("content-type");
        return type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                && event.getRequestContext().getHttp().getMethod() != null) {
            return RequestLimits.echo(event.getRequestContext().getHttp().getMethod().toUpperCase(Locale.ROOT));
        }
        return "GET";
    }

    /**
     * Who asks, as the audit names them: the token's {@code name}, else its {@code email}, else its subject (a
     * token of a machine); without a token the local header, else anonymous.
     */
    private static String actor(APIGatewayV2HTTPEvent event, Map<String, String> headers) {
        Map<String, String> claims = Tenancy.claims(event);
        for (String claim : List.of("name", "email", "sub")) {
            String value = claims.get(claim);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        String header = headers.get("x-formasi-user");
        return header == null || header.isBlank() ? "anonymous" : header.strip();
    }

    static Response error(Failure failure) {
        int status = switch (failure.kind()) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case GONE -> 410;
            case UNPROCESSABLE -> 422;
            case STORAGE_FULL -> 507;
            case URI_TOO_LONG -> 414;
            case HEADERS_TOO_LARGE -> 431;
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", failure.kind().name());
        body.put("message", failure.messageId());
        body.put("messageEn", failure.messageEn());
        body.put("details", failure.details().stream()
                .map(detail -> {
                    Map<String, String> entry = new LinkedHashMap<>();
                    entry.put("path", detail.path() == null ? "$" : detail.path());
                    entry.put("message", detail.message() == null ? "" : detail.message());
                    entry.put("messageEn", detail.messageEn() == null ? "" : detail.messageEn());
                    if (detail.cell() != null) {
                        entry.put("cell", detail.cell());
                    }
                    return entry;
                })
                .collect(Collectors.toList()));
        return new Response(status, body, Map.of());
    }

    private APIGatewayV2HTTPResponse toEvent(Response response) {
        Map<String, String> headers = new HashMap<>(response.headers());
        if (response.body() instanceof Asset asset) {
            headers.put("Content-Type", asset.contentType());
            boolean text = asset.contentType().startsWith("text/") || asset.contentType().contains("json")
                    || asset.contentType().contains("svg");
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(response.status())
                    .withHeaders(headers)
                    .withBody(text ? new String(asset.bytes(), StandardCharsets.UTF_8)
                            : Base64.getEncoder().encodeToString(asset.bytes()))
                    .withIsBase64Encoded(!text)
                    .build();
        }
        headers.put("Content-Type", "application/json");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(mapper.writeValueAsString(response.body()))
                .withIsBase64Encoded(false)
                .build();
    }
}
