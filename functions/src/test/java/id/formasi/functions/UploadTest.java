package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import id.formasi.solver.snapshot.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Large snapshots past the API: {@code POST /snapshots/uploads} gives a URL, the file is PUT there and lands in
 * the watched folder, and its arrival recomputes, over real HTTP to the local runtime.
 */
class UploadTest {

    private static Path data;
    private static Runtime runtime;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        data = Files.createTempDirectory("formasi-upload");
        runtime = new Runtime(data, "formasi.solve.budget=1s", "formasi.max-body-bytes=300000",
                "formasi.local.tenant=9901");
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    static HttpResponse<String> put(JsonNode upload, byte[] content, String url) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        upload.get("headers").properties().forEach(header -> {
            // The client sets these from the body and the URL.
            if (!header.getKey().equalsIgnoreCase("content-length") && !header.getKey().equalsIgnoreCase("host")) {
                request.header(header.getKey(), header.getValue().asString());
            }
        });
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUploadUrlTakesTheFileIntoTheWatchedFolderAndItsArrivalRecomputes() throws Exception {
        byte[] content = Json.MAPPER.writeValueAsBytes(Samples.tiny("upload-1"));
        Runtime.Reply answer = runtime.json("POST", "/snapshots/uploads",
                Map.of("snapshotId", "upload-1", "size", content.length));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode upload = answer.body();
        assertThat(upload.get("method").asString()).isEqualTo("PUT");
        assertThat(upload.get("key").asString()).isEqualTo("snapshots/upload-1.json");
        String url = upload.get("url").asString();
        assertThat(url).startsWith("http://localhost:" + runtime.local.port() + "/uploads/snapshots/upload-1.json?");

        // Tampered, or another size than signed: refused, nothing written.
        assertThat(put(upload, content, url.replace("signature=", "signature=0")).statusCode()).isEqualTo(403);
        assertThat(put(upload, new byte[content.length - 1], url).statusCode()).isEqualTo(403);
        assertThat(data.resolve("snapshots/upload-1.json")).doesNotExist();

        HttpResponse<String> stored = put(upload, content, url);
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.headers().firstValue("ETag")).isPresent();
        assertThat(data.resolve("snapshots/upload-1.json")).hasBinaryContent(content);

        JsonNode plans = runtime.await("/plans?snapshotId=upload-1", body -> body.get("total").asInt() == 1,
                Duration.ofSeconds(60));
        String planId = plans.get("items").get(0).get("planId").asString();
        assertThat(runtime.await("/plans/" + planId, body -> body.get("status").asString().equals("SOLVED"),
                Duration.ofSeconds(60)).get("trigger").asString()).isNotBlank();
    }

    @Test
    void theUploadRequestIsCheckedBeforeAnyUrlIsGiven() {
        Runtime.Reply tooLarge = runtime.json("POST", "/snapshots/uploads", Map.of("snapshotId", "upload-2", "size", 300_001));
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.body().get("details").get(0).get("path").asString()).isEqualTo("size");
        Runtime.Reply hidden = runtime.json("POST", "/snapshots/uploads", Map.of("snapshotId", ".upload", "size", 10));
        assertThat(hidden.body().get("details").get(0).get("path").asString()).isEqualTo("snapshotId");
        Runtime.Reply missing = runtime.json("POST", "/snapshots/uploads", Map.of());
        assertThat(missing.body().get("details")).extracting(detail -> detail.get("path").asString())
                .containsExactly("snapshotId", "size");
    }
}
