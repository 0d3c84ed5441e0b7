package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import id.formasi.functions.api.HttpApi;
import id.formasi.functions.api.Route;
import id.formasi.solver.snapshot.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad bytes, bad syntax, hidden ids and oversized parts of a request, over real HTTP to the local runtime:
 * each a 4xx naming where, never a 500 and never stored.
 */
class HttpInputTest {

    @AutoClose
    private static final Runtime runtime = Runtime.quick("formasi-http-input");

    private static Runtime.Reply post(String path, String body) {
        return runtime.send("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode detail(Runtime.Reply reply) {
        return reply.body().get("details").get(0);
    }

    private static List<String> stored() {
        return runtime.storedFiles();
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() throws IOException {
        List<String> before = stored();
        ObjectNode snapshot = Samples.tiny("http-utf8");
        String name = snapshot.get("staff").get(0).get("name").asString();
        byte[] text = snapshot.toString().getBytes(StandardCharsets.UTF_8);
        byte[] marker = ("\"name\":\"" + name + "\"").getBytes(StandardCharsets.UTF_8);
        int at = indexOf(text, marker) + "\"name\":\"".length() + 3;
        // A lone continuation byte, an overlong slash and a cut-off sequence: each invalid UTF-8.
        for (byte[] bad : List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xE2, (byte) 0x82})) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(text, 0, at);
            body.write(bad);
            body.write(text, at, text.length - at);
            Runtime.Reply reply = runtime.send("POST", "/snapshots", "application/json", body.toByteArray());
            assertThat(reply.status()).isEqualTo(400);
            assertThat(detail(reply).get("path").asString()).isEqualTo("staff[0].name");
            assertThat(detail(reply).get("messageEn").asString()).contains("UTF-8").contains("line 1, column");
            assertThat(detail(reply).get("message").asString()).contains("UTF-8").contains("baris 1, kolom");
        }
        assertThat(stored()).isEqualTo(before);

        // Valid UTF-8 beyond ASCII is stored as sent.
        ((ObjectNode) snapshot.get("staff").get(0)).put("name", "Dewi Lestari Ñoño Ăn");
        assertThat(runtime.json("POST", "/snapshots", snapshot).status()).isEqualTo(201);
    }

    private static int indexOf(byte[] text, byte[] part) {
        outer:
        for (int i = 0; i <= text.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (text[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    @Test
    void syntaxErrorsGiveThePathWhereTheParserStoppedWithLineAndColumn() {
        record Case(String body, String path, String words) {
        }
        List<Case> cases = List.of(
                new Case("{\n  \"snapshot\": {\n    \"staff\": [1,\n  }", "snapshot.staff[1]", "line 4, column 3"),
                new Case("{\"budgetSeconds\": NaN}", "budgetSeconds", "NaN"),
                new Case("{\"snapshotId\": \"a\"} {\"b\": 1}", "$", "more content"),
                new Case("{\"snapshotId\": \"a\",\n \"snapshotId\": \"b\"}", "snapshotId", "duplicate field"),
                new Case("{\"pins\": [{\"staffId\": \"1\"", "pins[0].staffId", "ends too early"));
        for (Case test : cases) {
            Runtime.Reply reply = post("/plans", test.body());
            assertThat(reply.status()).as(test.body()).isEqualTo(400);
            assertThat(detail(reply).get("path").asString()).as(test.body()).isEqualTo(test.path());
            assertThat(detail(reply).get("messageEn").asString()).as(test.body()).contains(test.words())
                    .containsPattern("line \\d+, column \\d+");
            assertThat(detail(reply).get("message").asString()).as(test.body()).containsPattern("baris \\d+, kolom \\d+")
                    .doesNotContain(Messages.UNKNOWN);
        }
        assertThat(detail(post("/plans", "{\"snapshot\": {\"a\": 1,\n \"a\": 2}}")).get("path").asString())
                .isEqualTo("snapshot.a");
    }

    @Test
    void everyRouteAnswersAnIdWithALeadingDotWith400() {
        List<String> answered500 = new ArrayList<>();
        for (Route route : runtime.context.getBean(HttpApi.class).routes()) {
            if (!route.template().contains("{") || route.template().startsWith("/assets/")) {
                continue;
            }
            for (String id : List.of(".hidden", "..", ".")) {
                String path = route.template().replaceAll("\\{[a-z]+\\}", id.equals(".") ? "%2E" : id);
                byte[] body = route.method().equals("GET") ? null : "{}".getBytes(StandardCharsets.UTF_8);
                Runtime.Reply reply = runtime.send(route.method(), path, body == null ? null : "application/json", body);
                if (reply.status() == 500) {
                    answered500.add(route.method() + " " + route.template());
                }
                assertThat(reply.status()).as(route.method() + " " + path).isEqualTo(400);
                assertThat(detail(reply).get("path").asString()).as(path).startsWith("path.");
            }
        }
        assertThat(answered500).isEmpty();
        // Ids in bodies too: a snapshot, a plan from a stored snapshot, a changed snapshot.
        ObjectNode hidden = Samples.tiny(".hidden");
        assertThat(detail(runtime.json("POST", "/snapshots", hidden)).get("path").asString()).isEqualTo("snapshotId");
        assertThat(detail(post("/plans", "{\"snapshotId\": \".hidden\"}")).get("path").asString())
                .isEqualTo("snapshotId");
    }

    @Test
    void commentsIdsHeadersAndQueriesAreBounded() throws Exception {
        Runtime.Reply submitted = runtime.json("POST", "/plans", Samples.tiny("http-limits"));
        String planId = submitted.body().get("planId").asString();
        JsonNode plan = runtime.await("/plans/" + planId, body -> body.get("status").asString().equals("SOLVED"),
                java.time.Duration.ofSeconds(60));
        long version = plan.get("version").asLong();

        Runtime.Reply longComment = runtime.json("POST", "/plans/" + planId + "/decision",
                Map.of("decision", "approve", "version", version, "comment", "x".repeat(2_001)));
        assertThat(longComment.status()).isEqualTo(400);
        assertThat(detail(longComment).get("path").asString()).isEqualTo("comment");
        Runtime.Reply longPinComment = runtime.json("PUT", "/plans/" + planId + "/pins",
                Map.of("pins", List.of(), "comment", "x".repeat(2_001)));
        assertThat(detail(longPinComment).get("path").asString()).isEqualTo("comment");
        assertThat(runtime.json("POST", "/plans/" + planId + "/decision",
                Map.of("decision", "approve", "version", version, "comment", "y".repeat(2_000))).status())
                .isEqualTo(200);

        Runtime.Reply longPlanId = runtime.get("/plans/p" + "x".repeat(80));
        assertThat(longPlanId.status()).isEqualTo(400);
        assertThat(detail(longPlanId).get("path").asString()).isEqualTo("path.id");
        Runtime.Reply longSnapshotId = runtime.get("/snapshots/s" + "x".repeat(64));
        assertThat(longSnapshotId.status()).isEqualTo(400);
        assertThat(runtime.get("/snapshots/s" + "x".repeat(63)).status()).isEqualTo(404);

        String huge = "q".repeat(5_000);
        Runtime.Reply longQuery = runtime.get("/plans?snapshotId=" + huge);
        assertThat(longQuery.status()).isEqualTo(414);
        Runtime.Reply unknown = runtime.get("/nothing/" + huge);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().toString()).doesNotContain(huge).hasSizeLessThan(600);
        Runtime.Reply asset = runtime.get("/assets/" + huge);
        assertThat(asset.status()).isEqualTo(404);
        assertThat(asset.body().toString()).doesNotContain(huge).hasSizeLessThan(600);

        HttpResponse<String> bigHeader = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + runtime.local.port() + "/plans"))
                .header("X-Padding", "h".repeat(12_000)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bigHeader.statusCode()).isEqualTo(431);
        assertThat(bigHeader.body()).doesNotContain("hhhh");
    }
}
