package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import id.formasi.solver.snapshot.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Bad input over real HTTP to the local runtime: each kind of error, its status and paths; nothing stored. */
class HttpErrorsTest {

    // The tiny sample's tenant is the runtime's default here (no header needed).
    @AutoClose
    private static final Runtime runtime = Runtime.quick("formasi-http-errors", "formasi.max-body-bytes=200000");

    private static List<String> paths(JsonNode body) {
        return body.get("details").valueStream().map(detail -> detail.get("path").asString()).toList();
    }

    private static List<String> stored() {
        return runtime.storedFiles();
    }

    /** Bahasa Indonesia in message, English in messageEn: each its own text, neither a mix nor the fallback. */
    private static void assertBothLanguages(JsonNode entry) {
        String id = entry.get("message").asString();
        String en = entry.get("messageEn").asString();
        assertThat(id).isNotBlank().isNotEqualTo(en).isNotEqualTo(Messages.UNKNOWN);
        assertThat(en).isNotBlank();
        assertThat(Messages.known(en)).as(en).isTrue();
    }

    @Test
    void everyKindOfBadInputIsRefusedWithItsPathsAndLeavesTheStoreAsItWas() throws IOException {
        List<String> before = stored();

        Runtime.Reply malformed = runtime.send("POST", "/plans", "application/json", "{\"snapshot\": {".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.status()).isEqualTo(400);
        // Where the parser stopped: inside the snapshot object.
        assertThat(paths(malformed.body())).containsExactly("snapshot");

        Runtime.Reply array = runtime.send("POST", "/plans", "application/json", "[]".getBytes(StandardCharsets.UTF_8));
        assertThat(array.status()).isEqualTo(400);

        ObjectNode invalid = Samples.tiny("http-bad");
        invalid.put("planningDate", "someday");
        Runtime.Reply badDate = runtime.json("POST", "/plans", invalid);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(paths(badDate.body())).isNotEmpty();

        ObjectNode broken = Samples.tiny("http-bad");
        ((ObjectNode) broken.get("staff").get(0)).put("facility", "NOWHERE");
        ((ObjectNode) broken.get("jobs").get(0)).put("retirementAge", 99);
        Runtime.Reply rules = runtime.json("POST", "/plans", Map.of("snapshot", broken));
        assertThat(rules.status()).isEqualTo(400);
        assertThat(paths(rules.body())).anyMatch(path -> path.startsWith("snapshot.staff[0]"))
                .anyMatch(path -> path.startsWith("snapshot.jobs[0]"));

        Runtime.Reply pins = runtime.json("POST", "/plans", Map.of("snapshot", Samples.tiny("http-bad"),
                "pins", List.of(Map.of("staffId", "1"), Map.of("staffId", "000000000000000000", "facilityId", "x", "job", "y")),
                "budgetSeconds", "soon"));
        assertThat(pins.status()).isEqualTo(400);
        assertThat(paths(pins.body())).contains("pins[0]", "budgetSeconds");
        int count = pins.body().get("details").size();
        assertThat(pins.body().get("message").asString()).isEqualTo("permintaan rencana memuat " + count + " kesalahan");
        assertThat(pins.body().get("messageEn").asString()).isEqualTo("the plan request has " + count + " error(s)");

        Runtime.Reply wrongType = runtime.send("POST", "/plans", "text/csv", "a,b".getBytes(StandardCharsets.UTF_8));
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.body().get("error").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");

        Runtime.Reply large = runtime.send("POST", "/snapshots", "application/json", new byte[300_000]);
        assertThat(large.status()).isEqualTo(413);

        Runtime.Reply unknown = runtime.get("/plans/plan-nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("error").asString()).isEqualTo("NOT_FOUND");

        for (Runtime.Reply reply : List.of(malformed, array, badDate, rules, pins, wrongType, large, unknown)) {
            assertThat(reply.body().toString()).doesNotContain("Exception").doesNotContain("\tat ");
            assertBothLanguages(reply.body());
            reply.body().get("details").forEach(HttpErrorsTest::assertBothLanguages);
        }
        assertThat(stored()).isEqualTo(before);
    }
}
