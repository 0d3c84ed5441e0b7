package id.formasi.functions.local;

import com.sun.net.httpserver.HttpExchange;
import id.formasi.infra.StoredObject;
import id.formasi.infra.local.LocalSnapshotStore;
import id.formasi.infra.local.LocalSnapshotUploads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local runtime's stand-in for S3's side of a presigned upload: takes the {@code PUT} of an upload URL,
 * checks its signature, expiry and length, and writes the file into the watched snapshot folder, whose watcher
 * then sends the arrival event as S3 would. The functions are not involved, as on AWS.
 */
final class LocalUploadReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(LocalUploadReceiver.class);

    private final LocalSnapshotUploads uploads;
    private final LocalSnapshotStore store;

    LocalUploadReceiver(LocalSnapshotUploads uploads, LocalSnapshotStore store) {
        this.uploads = uploads;
        this.store = store;
    }

    void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("PUT")) {
                reply(exchange, 405, "use PUT with the upload URL");
                return;
            }
            String key = URLDecoder.decode(exchange.getRequestURI().getRawPath()
                    .substring(LocalSnapshotUploads.PATH.length()), StandardCharsets.UTF_8);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            long size = number(query.get("size"));
            long contentLength = number(exchange.getRequestHeaders().getFirst("Content-Length"));
            String refusal = uploads.check(key, size, number(query.get("expires")), query.get("signature"), contentLength);
            if (refusal != null) {
                reply(exchange, 403, refusal);
                return;
            }
            byte[] content;
            try (InputStream in = exchange.getRequestBody()) {
                content = in.readNBytes((int) size);
            }
            if (content.length != size) {
                reply(exchange, 400, "the upload ended after " + content.length + " of " + size + " bytes");
                return;
            }
            StoredObject stored = store.put(key, content);
            LOG.info("upload of {} ({} bytes) stored", key, size);
            exchange.getResponseHeaders().add("ETag", "\"" + stored.versionId() + "\"");
            exchange.sendResponseHeaders(200, -1);
        } catch (IllegalArgumentException e) {
            // A key that is no safe file name: refused like a bad signature, nothing written.
            reply(exchange, 403, "not an upload URL");
        }
    }

    private static void reply(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static long number(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
