package id.formasi.functions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The EventBridge event S3 sends for a new object ("Object Created", source {@code aws.s3}), the fields we use.
 * The Lambda events library has no type for it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record S3ObjectCreated(
        String version,
        String id,
        @JsonProperty("detail-type") String detailType,
        String source,
        String account,
        String time,
        String region,
        List<String> resources,
        Detail detail) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(String version, Bucket bucket, @JsonProperty("object") S3Object object,
            @JsonProperty("request-id") String requestId, String requester, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bucket(String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3Object(String key, Long size, String etag, @JsonProperty("version-id") String versionId,
            String sequencer) {
    }
}
