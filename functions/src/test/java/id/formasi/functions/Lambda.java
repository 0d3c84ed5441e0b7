package id.formasi.functions;

import id.formasi.solver.snapshot.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The four functions as Lambda runs them: one instance each of the handler class template.yaml names, fed the
 * raw event JSON, answering JSON. All four share one data folder, as the deployed functions share the
 * buckets, table and queue.
 */
final class Lambda {

    final Path dataDir;
    private final RequestStreamHandler api;
    private final RequestStreamHandler solve;
    private final RequestStreamHandler snapshotChanged;
    private final RequestStreamHandler solveFailed;

    private final Map<String, String> settings;

    Lambda(Path dataDir, Map<String, String> settings) {
        this.dataDir = dataDir;
        this.settings = Map.copyOf(settings);
        System.setProperty("formasi.data-dir", dataDir.toString());
        System.setProperty("formasi.local.runtime", "false");
        settings.forEach(System::setProperty);
        this.api = invoker("api");
        this.solve = invoker("solve");
        this.snapshotChanged = invoker("snapshotChanged");
        this.solveFailed = invoker("solveFailed");
    }

    /** In a fresh data folder, with a 1 s solve budget and a 1 MB body limit: the function tests' setting. */
    static Lambda quick(String prefix) {
        try {
            return new Lambda(java.nio.file.Files.createTempDirectory(prefix),
                    Map.of("formasi.solve.budget", "1s", "formasi.max-body-bytes", "1000000",
                            "formasi.local.tenant", "9901"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many files and folders lie below {@code folder} of the data folder: 0 while it is not there. */
    long files(String folder) {
        Path dir = dataDir.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (java.util.stream.Stream<Path> below = Files.walk(dir)) {
            return below.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Clears the system properties this set, so that the next test's Spring contexts start clean. */
    void clearSettings() {
        java.util.stream.Stream.concat(java.util.stream.Stream.of("formasi.data-dir", "formasi.local.runtime"),
                settings.keySet().stream()).forEach(System::clearProperty);
    }

    private static RequestStreamHandler invoker(String definition) {
        // Each Lambda function names its bean with this setting (SPRING_CLOUD_FUNCTION_DEFINITION).
        System.setProperty("spring.cloud.function.definition", definition);
        try {
            // As Lambda does: the class template.yaml names, through its public no-argument constructor.
            return (RequestStreamHandler) Class.forName(handlerClass()).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the handler of template.yaml cannot be created", e);
        } finally {
            System.clearProperty("spring.cloud.function.definition");
        }
    }

    /** The class of {@code Globals.Function.Handler} in template.yaml (no function overrides it: TemplateTest). */
    static String handlerClass() {
        try {
            Matcher handler = Pattern.compile("(?m)^    Handler: *([\\w.$]+)::handleRequest *$")
                    .matcher(Files.readString(TemplateTest.repositoryFile("template.yaml")));
            if (!handler.find()) {
                throw new IllegalStateException("template.yaml names no Handler in Globals");
            }
            return handler.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode api(JsonNode event) {
        return invoke(api, "api", event);
    }

    JsonNode solve(JsonNode event) {
        return invoke(solve, "solve", event);
    }

    JsonNode solveFailed(JsonNode event) {
        return invoke(solveFailed, "solveFailed", event);
    }

    JsonNode snapshotChanged(JsonNode event) {
        return invoke(snapshotChanged, "snapshotChanged", event);
    }

    /** The function being invoked on this thread (for recording what it calls), or null. */
    static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** The api function fed these exact event bytes, as API Gateway would send them. */
    JsonNode api(byte[] event) {
        return invoke(api, "api", event);
    }

    private static JsonNode invoke(RequestStreamHandler invoker, String name, JsonNode event) {
        return invoke(invoker, name, Json.MAPPER.writeValueAsBytes(event));
    }

    private static JsonNode invoke(RequestStreamHandler invoker, String name, byte[] event) {
        CURRENT.set(name);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            invoker.handleRequest(new ByteArrayInputStream(event), out, new TestContext(name));
            return Json.MAPPER.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            CURRENT.remove();
        }
    }

    // --- event JSON, from the recorded AWS shapes in src/test/resources/events

    static ObjectNode event(String name) {
        try (InputStream in = Lambda.class.getResourceAsStream("/events/" + name)) {
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An API Gateway HTTP API v2 event; {@code path} may carry a query string. */
    static ObjectNode http(String method, String path, String body) {
        ObjectNode event = event("api-gateway-v2.json");
        String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String rawQuery = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery);
        if (!rawQuery.isEmpty()) {
            ObjectNode query = event.putObject("queryStringParameters");
            for (String pair : rawQuery.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        ObjectNode http = (ObjectNode) event.get("requestContext").get("http");
        http.put("method", method);
        http.put("path", rawPath);
        event.put("routeKey", "$default");
        if (body != null) {
            event.put("body", body);
        } else {
            ((ObjectNode) event.get("headers")).remove("content-type");
        }
        return event;
    }

    static ObjectNode sqs(String planId, int receiveCount) {
        ObjectNode event = event("sqs.json");
        ObjectNode record = (ObjectNode) event.get("Records").get(0);
        record.put("body", "{\"planId\":\"" + planId + "\"}");
        record.put("messageId", "message-" + planId + "-" + receiveCount);
        ((ObjectNode) record.get("attributes")).put("ApproximateReceiveCount", Integer.toString(receiveCount));
        return event;
    }

    static ObjectNode objectCreated(String bucket, String key, String versionId) {
        ObjectNode event = event("s3-object-created.json");
        ObjectNode detail = (ObjectNode) event.get("detail");
        ((ObjectNode) detail.get("bucket")).put("name", bucket);
        ((ObjectNode) detail.get("object")).put("key", key);
        ((ObjectNode) detail.get("object")).put("version-id", versionId);
        return event;
    }

    static String text(Path file) {
        try {
            return java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
