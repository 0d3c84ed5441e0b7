package id.formasi.functions;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/**
 * A small OpenID issuer on a free local port, as Cognito publishes one: its discovery document and its key set
 * over HTTP, and ID tokens signed with its key. The browser test uses a full provider (npm's oidc-provider).
 */
final class TestIssuer implements AutoCloseable {

    static final String CLIENT = "formasi-page";

    private final HttpServer server;
    private final RSAKey key;
    final String issuer;

    TestIssuer() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 8);
        issuer = "http://localhost:" + server.getAddress().getPort() + "/pool";
        serve("/pool/.well-known/openid-configuration", "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer
                + "/.well-known/jwks.json\"}");
        serve("/pool/.well-known/jwks.json", new JWKSet(key.toPublicJWK()).toString());
        server.start();
    }

    private void serve(String path, String json) {
        server.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    /** An ID token of this issuer for the page's client, valid 10 minutes, with the groups given. */
    String token(String name, String tenant, List<String> groups) {
        return token(key, claims -> claims.claim("name", name).claim("custom:tenant", tenant).claim("cognito:groups", groups));
    }

    /** A token signed by {@code signer}, with the usual claims changed by {@code change}. */
    String token(RSAKey signer, Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).audience(CLIENT).subject("0b7e-uuid")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("email", "ani@example.go.id").claim("token_use", "id");
        change.accept(claims);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    RSAKey key() {
        return key;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
