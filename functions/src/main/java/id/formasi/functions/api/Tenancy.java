package id.formasi.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import id.formasi.functions.FormasiProperties;
import id.formasi.functions.planning.Failure;
import id.formasi.solver.snapshot.TenantCode;
import java.util.Map;

/**
 * Whose data a request may see. On AWS, and locally with sign-in on ({@code formasi.auth.issuer}), the tenant is
 * a claim of the token the JWT authorizer (or the local runtime) checked ({@code formasi.tenant-claim}); any
 * header is ignored there, since anybody can send one. Locally without sign-in there is no token: the
 * {@code X-Formasi-Tenant} header names the tenant, else {@code formasi.local.tenant}.
 */
final class Tenancy {

    static final String HEADER = "x-formasi-tenant";

    /** A caller's tenant code, or the refusal to give when a route asks for it. */
    record Caller(String tenant, Failure refusal) {

        String code() {
            if (tenant == null) {
                throw refusal;
            }
            return tenant;
        }
    }

    private final boolean fromToken;
    private final String claim;
    private final String localTenant;

    Tenancy(FormasiProperties properties) {
        this.fromToken = properties.backend().equals("aws") || properties.auth().enabled();
        this.claim = properties.tenantClaim();
        this.localTenant = properties.local().tenant();
        if (!fromToken && !TenantCode.isValid(localTenant)) {
            throw new IllegalStateException("formasi.local.tenant " + TenantCode.RULE);
        }
    }

    Caller of(APIGatewayV2HTTPEvent event, Map<String, String> headers) {
        if (fromToken) {
            String code = claims(event).get(claim);
            if (code == null || code.isBlank()) {
                return refused(Failure.forbidden("the token names no tenant (claim " + claim + ")"));
            }
            if (!TenantCode.isValid(code)) {
                return refused(Failure.forbidden("the token's tenant (claim " + claim + ") " + TenantCode.RULE));
            }
            return new Caller(code, null);
        }
        String header = headers.get(HEADER);
        if (header == null || header.isBlank()) {
            return new Caller(localTenant, null);
        }
        if (!TenantCode.isValid(header.strip())) {
            return refused(Failure.invalid("headers.X-Formasi-Tenant", "X-Formasi-Tenant " + TenantCode.RULE));
        }
        return new Caller(header.strip(), null);
    }

    private static Caller refused(Failure refusal) {
        return new Caller(null, refusal);
    }

    static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return context.getAuthorizer().getJwt().getClaims();
    }
}
