package id.formasi.functions.api;

import id.formasi.functions.FormasiProperties;
import id.formasi.functions.planning.Failure;
import id.formasi.infra.SnapshotStore;
import id.formasi.infra.SnapshotUploads;
import id.formasi.solver.snapshot.Limits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /snapshots/uploads}: a URL to send a snapshot file to directly, for files larger than the API takes
 * in a request on AWS (6 MB, Lambda's limit). The file lands at {@code snapshots/<snapshotId>.json} and its
 * arrival event validates it and recomputes, as for a nightly export.
 */
@Component
record UploadHandlers(SnapshotUploads uploads, FormasiProperties properties) {

    /** The answer: send {@code size} bytes with {@code method} and these {@code headers} to {@code url}. */
    record Upload(String snapshotId, String key, String url, String method, Map<String, String> headers,
            long size, Instant expiresAt) {
    }

    Response upload(Request request) {
        long maxBytes = properties.maxBodyBytes();
        JsonNode body = Requests.json(request);
        List<Failure.Detail> errors = new ArrayList<>();
        String snapshotId = Requests.optionalText(body, "snapshotId", errors);
        Long size = Requests.optionalLong(body, "size", errors);
        if (snapshotId == null && body.get("snapshotId") == null) {
            errors.add(new Failure.Detail("snapshotId", "is required: the snapshotId written in the file"));
        } else if (snapshotId != null && !Limits.isCallerId(snapshotId, Limits.SNAPSHOT_ID_LENGTH)) {
            errors.add(new Failure.Detail("snapshotId", Limits.callerIdRule(Limits.SNAPSHOT_ID_LENGTH)));
        }
        if (size == null && body.get("size") == null) {
            errors.add(new Failure.Detail("size", "is required: the file's length in bytes"));
        } else if (size != null && (size < 1 || size > maxBytes)) {
            errors.add(new Failure.Detail("size", "must be 1.." + maxBytes + " bytes"));
        }
        if (!errors.isEmpty()) {
            throw new Failure(Failure.Kind.INVALID, "the upload request has " + errors.size() + " error(s)", errors);
        }
        String key = SnapshotStore.keyOf(snapshotId);
        SnapshotUploads.Upload upload = uploads.presign(key, size);
        // Locally the URL is a path on the runtime's own server.
        String url = upload.url().startsWith("/") ? Requests.url(request, upload.url()) : upload.url();
        return Response.ok(new Upload(snapshotId, key, url, upload.method(), upload.headers(), size, upload.expiresAt()));
    }
}
