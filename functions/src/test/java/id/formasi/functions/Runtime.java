package id.formasi.functions;

import id.formasi.functions.local.LocalRuntime;
import id.formasi.solver.snapshot.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** The application as {@code spring-boot:run} starts it, on a free port, over a test data folder; and an HTTP client. */
final class Runtime implements AutoCloseable {

    record Reply(int status, JsonNode body) {
    }

    final Path dataDir;
    final ConfigurableApplicationContext context;
    final LocalRuntime local;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    /** Sent as {@code Authorization: Bearer} with every request when set (sign-in on). */
    volatile String bearer;

    Runtime(Path dataDir, String... properties) {
        this.dataDir = dataDir;
        // As command-line arguments, the way a user overrides settings.
        String[] all = new String[properties.length + 3];
        all[0] = "--formasi.data-dir=" + dataDir;
        all[1] = "--formasi.local.port=0";
        all[2] = "--formasi.local.sample=" + dataDir.resolve("no-sample.json");
        for (int i = 0; i < properties.length; i++) {
            all[3 + i] = "--" + properties[i];
        }
        this.context = new SpringApplicationBuilder(FormasiApplication.class).run(all);
        this.local = context.getBean(LocalRuntime.class);
        this.base = "http://localhost:" + local.port();
    }

    /**
     * In a fresh data folder, with a 1 s solve budget and the tiny sample's tenant (9901) as the default: the
     * HTTP tests' setting; {@code more} adds to it.
     */
    static Runtime quick(String prefix, String... more) {
        List<String> properties = new ArrayList<>(List.of("formasi.solve.budget=1s", "formasi.local.tenant=9901"));
        properties.addAll(List.of(more));
        try {
            return new Runtime(Files.createTempDirectory(prefix), properties.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("X-Formasi-User", "planner-a");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body().length == 0 ? null : Json.MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose answer is not JSON (a workbook): its status, content type and bytes. */
    Download download(String path) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60)).header("X-Formasi-User", "planner-a").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Download(int status, String contentType, byte[] body) {
    }

    Reply json(String method, String path, Object body) {
        byte[] bytes = body == null ? null : body instanceof byte[] raw ? raw : Json.MAPPER.writeValueAsBytes(body);
        return send(method, path, bytes == null ? null : "application/json", bytes);
    }

    Reply get(String path) {
        return json("GET", path, null);
    }

    /** Polls a path until the answer fits, or fails after the timeout. */
    JsonNode await(String path, Predicate<JsonNode> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Reply reply = get(path);
            last = reply.body();
            if (reply.status() == 200 && until.test(last)) {
                return last;
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting on " + path + "; last answer " + last);
    }

    /** The files of the data folder, as relative paths, but for temporary ones: what a request stored. */
    List<String> storedFiles() {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile).map(path -> dataDir.relativize(path).toString())
                    .filter(name -> !name.startsWith("tmp")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
