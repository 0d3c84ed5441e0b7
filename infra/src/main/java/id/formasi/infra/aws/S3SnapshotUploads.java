package id.formasi.infra.aws;

import id.formasi.infra.SnapshotUploads;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Presigned S3 PUT URLs (SDK v2 {@link S3Presigner}), signed with the function's own credentials: the role needs
 * {@code s3:PutObject} on the snapshot keys. The length and the content type are signed, so S3 refuses any
 * other size. No AWS call is made to presign.
 */
public final class S3SnapshotUploads implements SnapshotUploads {

    private final S3Presigner presigner;
    private final String bucket;

    public S3SnapshotUploads(S3Presigner presigner, String bucket) {
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public Upload presign(String key, long size) {
        PresignedPutObjectRequest presigned = presigner.presignPutObject(request -> request
                .signatureDuration(VALIDITY)
                .putObjectRequest(put -> put.bucket(bucket).key(key).contentLength(size).contentType("application/json")));
        Map<String, String> headers = new LinkedHashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            // The client sets the host from the URL itself.
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
            }
        });
        return new Upload(presigned.url().toString(), "PUT", headers, presigned.expiration());
    }
}
