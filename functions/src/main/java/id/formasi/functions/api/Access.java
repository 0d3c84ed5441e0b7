package id.formasi.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import id.formasi.functions.FormasiProperties;
import id.formasi.functions.planning.Failure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who may call which route: the one table that template.yaml's authorizer settings (TemplateTest) and the local
 * runtime's token checks follow. With sign-in on ({@code formasi.auth.issuer}), a route that is not public needs
 * a token (API Gateway checks it on AWS, the local runtime locally) and this class checks its groups claim.
 */
@Component
public class Access {

    /** The routes whose role is not their method's default: the page before sign-in, and the decision. */
    private static final Map<String, Role> TABLE = Map.of(
            "GET /", Role.PUBLIC,
            "GET /assets/{name}", Role.PUBLIC,
            "GET /openapi.yaml", Role.PUBLIC,
            "GET /snapshot.schema.json", Role.PUBLIC,
            "GET /config", Role.PUBLIC,
            "POST /plans/{id}/decision", Role.PENYETUJU);

    private final FormasiProperties.Auth auth;

    public Access(FormasiProperties properties) {
        this.auth = properties.auth();
    }

    /** The role a route needs: the table's, else reading needs {@code pengamat} and any change {@code perencana}. */
    public static Role role(String method, String template) {
        Role listed = TABLE.get(method + " " + template);
        if (listed != null) {
            return listed;
        }
        return method.equals("GET") ? Role.PENGAMAT : Role.PERENCANA;
    }

    public static Role role(Route route) {
        return role(route.method(), route.template());
    }

    public boolean enabled() {
        return auth.enabled();
    }

    public FormasiProperties.Auth settings() {
        return auth;
    }

    /**
     * Refuses a request whose token's groups do not reach the route's role ({@code 403} naming the missing
     * role). Nothing is checked with sign-in off.
     */
    void check(Route route, APIGatewayV2HTTPEvent event) {
        Role needed = role(route);
        if (!auth.enabled() || needed == Role.PUBLIC) {
            return;
        }
        Role held = highest(groups(Tenancy.claims(event).get(auth.groupsClaim())));
        if (held.allows(needed)) {
            return;
        }
        String what = route.method() + " " + route.template();
        String has = held == Role.PUBLIC ? "tidak ada peran" : held.group();
        String hasEn = held == Role.PUBLIC ? "no role" : held.group();
        throw new Failure(Failure.Kind.FORBIDDEN,
                "peran " + needed.group() + " diperlukan untuk " + what + "; token ini: " + has,
                "the role " + needed.group() + " is required for " + what + "; this token has: " + hasEn,
                List.of(new Failure.Detail("token." + auth.groupsClaim(),
                        "perlu peran " + needed.group() + " (grup " + needed.group() + " atau di atasnya)",
                        "needs the role " + needed.group() + " (group " + needed.group() + " or one above it)", null)));
    }

    /** The highest role among the groups; {@code PUBLIC} when none is a role. */
    static Role highest(List<String> groups) {
        Role best = Role.PUBLIC;
        for (Role role : Role.values()) {
            if (role != Role.PUBLIC && groups.contains(role.group()) && role.allows(best)) {
                best = role;
            }
        }
        return best;
    }

    /**
     * The groups in a claim as API Gateway passes it: {@code [a b]} for a JSON array, also a JSON array's text,
     * or a comma-separated list.
     */
    static List<String> groups(String claim) {
        List<String> groups = new ArrayList<>();
        if (claim == null) {
            return groups;
        }
        String inner = claim.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        for (String part : inner.split("[\\s,]+")) {
            String group = part.replace("\"", "").strip();
            if (!group.isEmpty()) {
                groups.add(group);
            }
        }
        return groups;
    }

    /** {@code GET /config}: what the page needs to sign in, or {@code auth: null} when sign-in is off. */
    Response config(Request request) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!auth.enabled()) {
            body.put("auth", null);
        } else {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("issuer", auth.issuer());
            settings.put("clientId", auth.clientId());
            settings.put("scopes", List.of(auth.scopes().strip().split("\\s+")));
            settings.put("groupsClaim", auth.groupsClaim());
            body.put("auth", settings);
        }
        return Response.ok(body);
    }
}
