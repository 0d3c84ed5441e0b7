package id.formasi.infra.local;

import id.formasi.infra.SnapshotStore;
import id.formasi.infra.SnapshotUploads;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Upload URLs of the local runtime, playing S3's presigned PUT: a path on the runtime's own server, signed with
 * a key that lives as long as the process, naming the key, the size and the expiry. The runtime checks the
 * signature ({@link #check}) and writes the file into the watched folder, whose watcher sends the arrival
 * event as S3 would.
 */
public final class LocalSnapshotUploads implements SnapshotUploads {

    /** Where the runtime's server takes uploads: {@code PUT /uploads/snapshots/<id>.json?size=&expires=&signature=}. */
    public static final String PATH = "/uploads/";

    private final byte[] secret = new byte[32];
    private final Clock clock;

    public LocalSnapshotUploads(Clock clock) {
        new SecureRandom().nextBytes(secret);
        this.clock = clock;
    }

    @Override
    public Upload presign(String key, long size) {
        Instant expires = clock.instant().plus(VALIDITY).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String url = PATH + key + "?size=" + size + "&expires=" + expires.getEpochSecond()
                + "&signature=" + sign(key, size, expires.getEpochSecond());
        return new Upload(url, "PUT", Map.of("Content-Type", "application/json"), expires);
    }

    /** Why an upload is refused (null when it is accepted), as S3 would refuse it. */
    public String check(String key, long size, long expiresEpochSecond, String signature, long contentLength) {
        if (!key.startsWith(SnapshotStore.PREFIX)) {
            return "not a snapshot key";
        }
        byte[] expected = sign(key, size, expiresEpochSecond).getBytes(StandardCharsets.US_ASCII);
        if (signature == null || !MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return "the signature does not match";
        }
        if (clock.instant().getEpochSecond() > expiresEpochSecond) {
            return "the upload URL has expired";
        }
        if (contentLength != size) {
            return "the upload must be exactly " + size + " bytes, as signed";
        }
        return null;
    }

    private String sign(String key, long size, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((key + "\n" + size + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
