package id.formasi.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Direct uploads of snapshots too large for the API (Lambda takes at most 6 MB in a synchronous request): a URL
 * that takes one {@code PUT} of the file into the snapshot folder, past the functions. The object's arrival
 * event then does what it does for any new snapshot.
 */
public interface SnapshotUploads {

    /** How long an upload URL stays valid. */
    Duration VALIDITY = Duration.ofMinutes(15);

    /**
     * Where and how to send the file.
     *
     * @param url     absolute on AWS (S3); a path on the local runtime's own server locally
     * @param headers headers the PUT must carry as they are (they are signed)
     */
    record Upload(String url, String method, Map<String, String> headers, Instant expiresAt) {
    }

    /** A URL that accepts one PUT of exactly {@code size} bytes of JSON at {@code key}, for {@link #VALIDITY}. */
    Upload presign(String key, long size);
}
