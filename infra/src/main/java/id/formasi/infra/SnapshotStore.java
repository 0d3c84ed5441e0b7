package id.formasi.infra;

import java.util.Map;
import java.util.Optional;

/**
 * The snapshot objects, shaped like an S3 bucket with versioning: a new object under {@code snapshots/}
 * raises the "Object Created" event that recomputes plans.
 */
public interface SnapshotStore {

    String PREFIX = "snapshots/";

    /**
     * Metadata naming the plan that was requested together with the snapshot ({@code POST /plans} with an inline
     * snapshot): the change event then queues no second plan.
     */
    String REQUESTED_PLAN = "requested-plan";

    static String keyOf(String snapshotId) {
        return PREFIX + snapshotId + ".json";
    }

    /** The bucket name that events carry. */
    String bucket();

    /**
     * Stores the bytes only if no object is at the key (S3: {@code If-None-Match: *}).
     *
     * @throws AlreadyExistsException when an object is already there
     */
    StoredObject putIfAbsent(String key, byte[] content, Map<String, String> metadata);

    /** The latest version at the key. */
    Optional<StoredObject> get(String key);

    /** One given version; empty when that version is gone. */
    Optional<StoredObject> get(String key, String versionId);
}
