package id.formasi.infra;

import java.util.Map;

/**
 * One version of an object in the snapshot store, as S3 keeps it: key, version id, user metadata and bytes.
 *
 * @param metadata user metadata (S3 {@code x-amz-meta-*}), e.g. {@link SnapshotStore#REQUESTED_PLAN}
 */
public record StoredObject(String key, String versionId, Map<String, String> metadata, byte[] content) {

    public StoredObject {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
