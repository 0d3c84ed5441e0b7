package id.formasi.infra.aws;

import id.formasi.solver.snapshot.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/**
 * The single-table layout: every item has {@code pk} and {@code sk}; plans and snapshots also carry
 * {@code gsi1pk = TENANT#<tenant>} and a {@code gsi1sk} that sorts them in the {@code byTenant} index; the
 * record itself is JSON in {@code body} (gzipped into {@code bodyGz} when large: an item holds 400 KB).
 */
final class Items {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String GSI1 = "byTenant";
    static final String GSI1_PK = "gsi1pk";
    static final String GSI1_SK = "gsi1sk";
    static final String BODY = "body";
    static final String BODY_GZ = "bodyGz";
    static final String EXPIRES_AT = "expiresAt";

    private static final int GZIP_ABOVE = 64 * 1024;
    private static final ObjectWriter COMPACT = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private Items() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(PK, s(pk));
        key.put(SK, s(sk));
        return key;
    }

    static void putBody(Map<String, AttributeValue> item, Object value) {
        byte[] json = COMPACT.writeValueAsBytes(value);
        if (json.length <= GZIP_ABOVE) {
            item.put(BODY, s(new String(json, StandardCharsets.UTF_8)));
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        item.put(BODY_GZ, AttributeValue.fromB(SdkBytes.fromByteArray(out.toByteArray())));
    }

    static <T> T body(Map<String, AttributeValue> item, Class<T> type) {
        AttributeValue text = item.get(BODY);
        if (text != null) {
            return Json.MAPPER.readValue(text.s(), type);
        }
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(item.get(BODY_GZ).b().asByteArray()))) {
            return Json.MAPPER.readValue(gzip.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
