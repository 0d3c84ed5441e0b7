package id.formasi.infra.aws;

import id.formasi.infra.AlreadyExistsException;
import id.formasi.infra.SnapshotStore;
import id.formasi.infra.StoredObject;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Snapshot objects in the versioned bucket under {@code snapshots/}: written once ({@code If-None-Match: *}),
 * read in the latest or a given version.
 */
public record S3SnapshotStore(S3Client s3, String bucket) implements SnapshotStore {

    @Override
    public StoredObject putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
        try {
            PutObjectResponse response = s3.putObject(put -> put.bucket(bucket).key(key).ifNoneMatch("*")
                    .contentType("application/json").metadata(metadata), RequestBody.fromBytes(content));
            return new StoredObject(key, versionOf(response.versionId(), response.eTag()), metadata, content);
        } catch (S3Exception e) {
            // 412: an object is there; 409: a concurrent conditional write to the same key won.
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                throw new AlreadyExistsException("object " + key);
            }
            throw e;
        }
    }

    @Override
    public Optional<StoredObject> get(String key) {
        return read(key, null);
    }

    @Override
    public Optional<StoredObject> get(String key, String versionId) {
        return read(key, versionId);
    }

    private Optional<StoredObject> read(String key, String versionId) {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(get -> get.bucket(bucket).key(key)
                    .versionId(versionId));
            GetObjectResponse response = bytes.response();
            return Optional.of(new StoredObject(key, versionOf(response.versionId(), response.eTag()),
                    response.metadata(), bytes.asByteArray()));
        } catch (S3Exception e) {
            // 404: no such key or version; 400: a version id this bucket never issued.
            if (e.statusCode() == 404 || (versionId != null && e.statusCode() == 400)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The version id; a bucket without versioning has none, and then the ETag names the content. */
    static String versionOf(String versionId, String eTag) {
        if (versionId != null && !versionId.isEmpty() && !versionId.equals("null")) {
            return versionId;
        }
        return eTag == null ? null : eTag.replace("\"", "");
    }
}
