package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The local runtime with sign-in on: the JWT rules of the HTTP API (a token of the issuer, for the page's client,
 * not expired, signed by a key of the issuer's JWKS) and the roles from the groups claim, against a real issuer
 * on a local port.
 */
class SignInTest {

    @TempDir
    static Path data;
    private static TestIssuer issuer;
    private static Runtime runtime;
    private static String planId;

    @BeforeAll
    static void start() throws Exception {
        issuer = new TestIssuer();
        runtime = new Runtime(data, "formasi.auth.issuer=" + issuer.issuer, "formasi.auth.client-id=" + TestIssuer.CLIENT,
                "formasi.solve.budget=1s");
        runtime.bearer = issuer.token("Ani Perencana", "9901", List.of("perencana"));
        JsonNode queued = runtime.json("POST", "/plans", Map.of("snapshot", Samples.tiny("sign-in-1"))).body();
        planId = queued.get("planId").asString();
        runtime.await("/plans/" + planId, plan -> plan.get("status").asString().equals("SOLVED"), Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    private static Runtime.Reply as(String token, String method, String path, Object body) {
        runtime.bearer = token;
        return runtime.json(method, path, body);
    }

    @Test
    void thePageAndItsSettingsNeedNoTokenEverythingElseDoes() {
        Runtime.Reply config = as(null, "GET", "/config", null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body().get("auth").get("issuer").asString()).isEqualTo(issuer.issuer);
        assertThat(config.body().get("auth").get("clientId").asString()).isEqualTo(TestIssuer.CLIENT);
        assertThat(config.body().get("auth").get("groupsClaim").asString()).isEqualTo("cognito:groups");
        runtime.bearer = null;
        assertThat(runtime.download("/openapi.yaml").status()).isEqualTo(200);
        assertThat(runtime.download("/").status()).isEqualTo(200);

        Runtime.Reply none = as(null, "GET", "/plans", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().get("message").asString()).contains("masuk").doesNotContain("sign in");
        assertThat(none.body().get("messageEn").asString()).contains("sign in");
        // No route stays a 404 from the function, as behind API Gateway.
        assertThat(as(null, "GET", "/no-such-route", null).status()).isEqualTo(404);
    }

    @Test
    void aTokenOfAnotherKeyIssuerOrClientOrAnExpiredOneGets401() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(issuer.key().getKeyID()).generate();
        String reader = "pengamat";
        Map<String, String> refusals = Map.of(
                "forged", issuer.token(stranger, claims -> claims.claim("cognito:groups", List.of(reader))),
                "issuer", issuer.token(issuer.key(), claims -> claims.issuer("http://localhost:1/other")),
                "client", issuer.token(issuer.key(), claims -> claims.audience("another-client")),
                "expired", issuer.token(issuer.key(), claims -> claims
                        .expirationTime(Date.from(Instant.now().minusSeconds(3600)))),
                "garbage", "not-a-jwt");
        refusals.forEach((what, token) -> {
            Runtime.Reply reply = as(token, "GET", "/plans", null);
            assertThat(reply.status()).as(what).isEqualTo(401);
            assertThat(reply.body().get("details").get(0).get("path").asString()).isEqualTo("headers.Authorization");
        });
        Runtime.Reply expired = as(refusals.get("expired"), "GET", "/plans", null);
        assertThat(expired.body().get("message").asString()).contains("kedaluwarsa");
        assertThat(expired.body().get("messageEn").asString()).contains("expired");
        // A token of the client by client_id (as Cognito's access tokens carry it) is let in, as API Gateway does.
        String byClientId = issuer.token(issuer.key(), claims -> claims.audience((String) null)
                .claim("client_id", TestIssuer.CLIENT).claim("custom:tenant", "9901")
                .claim("cognito:groups", List.of(reader)));
        assertThat(as(byClientId, "GET", "/plans", null).status()).isEqualTo(200);
    }

    @Test
    void aReaderReadsButCannotPinOrApproveAndIsToldWhichRoleIsMissing() {
        String reader = issuer.token("Budi Pengamat", "9901", List.of("pengamat"));
        JsonNode plan = as(reader, "GET", "/plans/" + planId, null).body();
        assertThat(plan.get("status").asString()).isEqualTo("SOLVED");

        Runtime.Reply approve = as(reader, "POST", "/plans/" + planId + "/decision",
                Map.of("decision", "approve", "version", plan.get("version").asLong()));
        assertThat(approve.status()).isEqualTo(403);
        assertThat(approve.body().get("message").asString()).contains("penyetuju", "diperlukan");
        assertThat(approve.body().get("messageEn").asString()).contains("penyetuju", "required");
        assertThat(approve.body().get("details").get(0).get("message").asString()).isEqualTo(
                "perlu peran penyetuju (grup penyetuju atau di atasnya)");
        assertThat(approve.body().get("details").get(0).get("path").asString()).isEqualTo("token.cognito:groups");

        Runtime.Reply pin = as(reader, "PUT", "/plans/" + planId + "/pins", Map.of("pins", List.of()));
        assertThat(pin.status()).isEqualTo(403);
        assertThat(pin.body().get("message").asString()).contains("perencana");

        Runtime.Reply noGroups = as(issuer.token("Tamu", "9901", List.of()), "GET", "/plans", null);
        assertThat(noGroups.status()).isEqualTo(403);
        assertThat(noGroups.body().get("message").asString()).contains("pengamat");
    }

    @Test
    void anApproverDecidesAndTheAuditNamesThemByName() {
        String planner = issuer.token("Ani Perencana", "9901", List.of("perencana"));
        String resolved = as(planner, "POST", "/plans/" + planId + "/resolve", Map.of()).body().get("planId").asString();
        JsonNode plan = runtime.await("/plans/" + resolved, p -> p.get("status").asString().equals("SOLVED"),
                Duration.ofSeconds(90));
        // The planner cannot approve; the approver (who holds only penyetuju) reads and approves.
        Runtime.Reply refused = as(planner, "POST", "/plans/" + resolved + "/decision",
                Map.of("decision", "approve", "version", plan.get("version").asLong()));
        assertThat(refused.status()).isEqualTo(403);
        String approver = issuer.token("Citra Penyetuju", "9901", List.of("penyetuju"));
        assertThat(as(approver, "GET", "/plans/" + resolved, null).status()).isEqualTo(200);
        Runtime.Reply approved = as(approver, "POST", "/plans/" + resolved + "/decision",
                Map.of("decision", "approve", "version", plan.get("version").asLong()));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.body().toString()).contains("Citra Penyetuju").doesNotContain("0b7e-uuid");
    }

    @Test
    void theTenantIsTheTokensClaim() {
        String otherCity = issuer.token("Dewi", "6471", List.of("pengamat"));
        runtime.bearer = otherCity;
        assertThat(runtime.get("/plans/" + planId).status()).isEqualTo(404);
        Runtime.Reply noTenant = as(issuer.token(issuer.key(), claims -> claims.claim("cognito:groups", List.of("pengamat"))),
                "GET", "/plans", null);
        assertThat(noTenant.status()).isEqualTo(403);
        assertThat(noTenant.body().get("message").asString()).contains("custom:tenant");
    }
}
