package id.formasi.functions.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import id.formasi.functions.FormasiProperties;
import id.formasi.functions.api.Access;
import id.formasi.functions.api.Role;
import id.formasi.functions.api.Route;
import id.formasi.solver.snapshot.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What API Gateway's JWT authorizer does in front of the {@code api} function, for the local runtime with sign-in
 * on: a route that is not public ({@link Access}) needs a bearer token signed by a key of the issuer's JWKS,
 * from that issuer, for the page's client ({@code aud} or {@code client_id}, as API Gateway accepts), not
 * expired. A good token's claims go into the event as API Gateway puts them; a missing or bad one gets 401.
 */
final class TokenCheck {

    private final FormasiProperties.Auth auth;
    private final List<Route> routes;
    private volatile ConfigurableJWTProcessor<SecurityContext> processor;

    TokenCheck(FormasiProperties.Auth auth, List<Route> routes) {
        this.auth = auth;
        this.routes = routes;
    }

    /** The event with the token's claims, or the 401 answer when the route needs a token and has no good one. */
    Admission admit(APIGatewayV2HTTPEvent event) {
        String method = event.getRequestContext().getHttp().getMethod();
        Route route = routes.stream()
                .filter(candidate -> candidate.method().equalsIgnoreCase(method))
                .filter(candidate -> candidate.match(event.getRawPath()).isPresent())
                .findFirst().orElse(null);
        // No route: the function answers 404 or 405, as it does behind API Gateway.
        if (route == null || Access.role(route) == Role.PUBLIC) {
            return new Admission(event, null);
        }
        String header = event.getHeaders().get("authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            return refused("tidak ada token: masuk dulu", "no token: sign in first");
        }
        JWTClaimsSet claims;
        try {
            claims = processor().process(header.substring(7).strip(), null);
        } catch (BadJWTException e) {
            boolean expired = e.getMessage() != null && e.getMessage().contains("xpired");
            return expired ? refused("token kedaluwarsa: masuk lagi", "the token has expired: sign in again")
                    : refused("token ditolak: " + e.getMessage(), "the token is refused: " + e.getMessage());
        } catch (BadJOSEException | java.text.ParseException | com.nimbusds.jose.JOSEException e) {
            return refused("token tidak sah: " + e.getMessage(), "the token is not valid: " + e.getMessage());
        }
        if (!claims.getAudience().contains(auth.clientId()) && !auth.clientId().equals(claims.getClaim("client_id"))) {
            return refused("token untuk klien lain (aud atau client_id harus " + auth.clientId() + ")",
                    "the token is for another client (aud or client_id must be " + auth.clientId() + ")");
        }
        event.getRequestContext().setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                        .withClaims(asApiGateway(claims))
                        .withScopes(scopes(claims))
                        .build())
                .build());
        return new Admission(event, null);
    }

    /** The request to pass on, or the refusal to answer instead. */
    record Admission(APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponse refusal) {
    }

    /** A 401 in the API's error shape: Bahasa Indonesia in {@code message}, English in {@code messageEn}. */
    private static Admission refused(String reason, String reasonEn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "UNAUTHORIZED");
        body.put("message", reason);
        body.put("messageEn", reasonEn);
        body.put("details", List.of(Map.of("path", "headers.Authorization", "message", reason, "messageEn", reasonEn)));
        return new Admission(null, APIGatewayV2HTTPResponse.builder()
                .withStatusCode(401)
                .withHeaders(Map.of("Content-Type", "application/json", "WWW-Authenticate", "Bearer"))
                .withBody(Json.MAPPER.writeValueAsString(body))
                .withIsBase64Encoded(false)
                .build());
    }

    /** Claims as API Gateway hands them to the function: texts, and an array as {@code [a b]}. */
    static Map<String, String> asApiGateway(JWTClaimsSet claims) {
        Map<String, String> out = new LinkedHashMap<>();
        claims.toJSONObject().forEach((name, value) -> {
            if (value instanceof List<?> list) {
                out.put(name, list.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]")));
            } else if (value != null) {
                out.put(name, String.valueOf(value));
            }
        });
        return out;
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        return scope instanceof String text && !text.isBlank() ? List.of(text.strip().split("\\s+")) : List.of();
    }

    /** Built at the first token: the issuer need not be up when the runtime starts. */
    private ConfigurableJWTProcessor<SecurityContext> processor() throws BadJOSEException {
        ConfigurableJWTProcessor<SecurityContext> built = processor;
        if (built == null) {
            DefaultJWTProcessor<SecurityContext> fresh = new DefaultJWTProcessor<>();
            try {
                fresh.setJWSKeySelector(new JWSVerificationKeySelector<>(
                        Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.ES256,
                                JWSAlgorithm.ES384, JWSAlgorithm.PS256),
                        JWKSourceBuilder.<SecurityContext>create(URI.create(jwksUri()).toURL()).retrying(true).build()));
            } catch (IOException e) {
                throw new BadJOSEException("the issuer's keys cannot be read (" + e.getMessage() + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BadJOSEException("interrupted while reading the issuer's keys", e);
            }
            fresh.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null,
                    new JWTClaimsSet.Builder().issuer(auth.issuer()).build(), Set.of("exp", "iss")));
            processor = fresh;
            built = fresh;
        }
        return built;
    }

    /** The issuer's key set address, from its discovery document (as API Gateway finds it). */
    private String jwksUri() throws IOException, InterruptedException {
        String discovery = auth.issuer().replaceAll("/+$", "") + "/.well-known/openid-configuration";
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(discovery))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(discovery + " answered " + response.statusCode());
            }
            String uri = Json.MAPPER.readTree(response.body()).path("jwks_uri").asString("");
            if (uri.isEmpty()) {
                throw new IOException(discovery + " names no jwks_uri");
            }
            return uri;
        }
    }
}
