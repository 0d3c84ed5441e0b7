package id.formasi.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import id.formasi.functions.planning.Failure;
import id.formasi.functions.planning.Ids;
import id.formasi.solver.snapshot.Limits;
import java.util.Map;

/**
 * Bounds on the parts of a request other than the body, checked before any route runs: the query (414),
 * the headers (431) and the ids in the path (400). API Gateway has bounds of its own (10 KB of request line
 * and headers); these hold for the local runtime too, and keep what errors and logs quote short.
 */
final class RequestLimits {

    static final int MAX_QUERY_LENGTH = 2_048;
    static final int MAX_HEADERS_LENGTH = 10_240;
    /** What an error message or a log line quotes of the caller's input at most. */
    static final int MAX_ECHO = 100;

    private RequestLimits() {
    }

    static void checkQueryAndHeaders(APIGatewayV2HTTPEvent event) {
        int query = event.getRawQueryString() == null ? 0 : event.getRawQueryString().length();
        if (query == 0 && event.getQueryStringParameters() != null) {
            query = event.getQueryStringParameters().entrySet().stream()
                    .mapToInt(entry -> entry.getKey().length() + String.valueOf(entry.getValue()).length() + 2).sum();
        }
        if (query > MAX_QUERY_LENGTH) {
            throw new Failure(Failure.Kind.URI_TOO_LONG, "the query is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        int headers = event.getHeaders() == null ? 0 : event.getHeaders().entrySet().stream()
                .mapToInt(entry -> entry.getKey().length() + String.valueOf(entry.getValue()).length() + 4).sum();
        if (headers > MAX_HEADERS_LENGTH) {
            throw new Failure(Failure.Kind.HEADERS_TOO_LARGE,
                    "the request headers are larger than " + MAX_HEADERS_LENGTH + " bytes");
        }
    }

    /** Path ids: snapshot ids under /snapshots, plan ids under /plans; the review page's asset names pass. */
    static void checkPathIds(Route route, Map<String, String> parameters) {
        if (route.template().startsWith("/assets/")) {
            return;
        }
        int length = route.template().startsWith("/snapshots/") ? Limits.SNAPSHOT_ID_LENGTH : Limits.PLAN_ID_LENGTH;
        parameters.forEach((name, value) -> Ids.check("path." + name, value, length));
    }

    /** The caller's text as an error message may quote it: cut short. */
    static String echo(String text) {
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "…";
    }
}
