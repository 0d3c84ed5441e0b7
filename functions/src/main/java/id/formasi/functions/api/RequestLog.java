package id.formasi.functions.api;

import id.formasi.functions.planning.PlanService;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The one log line of each API request: method, route template, status and time, at INFO, or ERROR for a 5xx.
 * The path's values are not logged (a caller may put anything there, a NIP too), except a plan id, which the
 * service made itself.
 */
final class RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private RequestLog() {
    }

    /**
     * @param route      the matched route, or null when none matched
     * @param parameters the route's path parameters, or null
     * @param internal   for a 500: its reference, the exception's type and where it was thrown
     */
    static void write(String method, Route route, Map<String, String> parameters, int status, long startNanos,
            String internal) {
        LoggingEventBuilder line = (status >= 500 ? LOG.atError() : LOG.atInfo())
                .addKeyValue("status", status)
                .addKeyValue("durationMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        String template = route == null ? "(no route)" : route.template();
        String planId = parameters == null ? null : parameters.get("id");
        if (planId != null && PlanService.PLAN_ID.matcher(planId).matches()) {
            line = line.addKeyValue("planId", planId);
        }
        if (internal != null) {
            line = line.addKeyValue("internalError", internal);
        }
        line.log("{} {} -> {}", method, template, status);
    }
}
