package id.formasi.functions;

import id.formasi.solver.snapshot.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three functions as Lambda runs them: one {@link FunctionInvoker} each, fed event JSON, answering JSON.
 * All three share one data folder, as the deployed functions share the buckets, table and queue.
 */
final class Lambda {

    final Path dataDir;
    private final FunctionInvoker api;
    private final FunctionInvoker solve;
    private final FunctionInvoker snapshotChanged;

    Lambda(Path dataDir, Map<String, String> settings) {
        this.dataDir = dataDir;
        System.setProperty("MAIN_CLASS", FormasiApplication.class.getName());
        System.setProperty("formasi.data-dir", dataDir.toString());
        System.setProperty("formasi.local.runtime", "false");
        settings.forEach(System::setProperty);
        this.api = invoker("api");
        this.solve = invoker("solve");
        this.snapshotChanged = invoker("snapshotChanged");
    }

    private static FunctionInvoker invoker(String definition) {
        // Each Lambda function names its bean with this setting (SPRING_CLOUD_FUNCTION_DEFINITION).
        System.setProperty("spring.cloud.function.definition", definition);
        try {
            return new FunctionInvoker();
        } finally {
            System.clearProperty("spring.cloud.function.definition");
        }
    }

    JsonNode api(JsonNode event) {
        return invoke(api, "api", event);
    }

    JsonNode solve(JsonNode event) {
        return invoke(solve, "solve", event);
    }

    JsonNode snapshotChanged(JsonNode event) {
        return invoke(snapshotChanged, "snapshotChanged", event);
    }

    /** The function being invoked on this thread (for recording what it calls), or null. */
    static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private static JsonNode invoke(FunctionInvoker invoker, String name, JsonNode event) {
        CURRENT.set(name);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            invoker.handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(event)), out,
                    new TestContext(name));
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
