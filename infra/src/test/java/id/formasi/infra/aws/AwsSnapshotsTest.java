package id.formasi.infra.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.formasi.infra.AlreadyExistsException;
import id.formasi.infra.SnapshotInfo;
import id.formasi.infra.SnapshotStore;
import id.formasi.infra.StoredObject;
import id.formasi.infra.VersionConflictException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** Snapshot objects in S3 and their catalog entries in DynamoDB. */
@AwsIntegration
class AwsSnapshotsTest {

    @Test
    void snapshotsAreWrittenOnceAndReadByVersion(AwsEnvironment aws) {
        AwsSettings settings = aws.create("snapshots").settings();
        AwsBackend backend = aws.backend(settings);
        byte[] first = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String key = SnapshotStore.keyOf("s1");

        StoredObject stored = backend.snapshots().putIfAbsent(key, first, Map.of(SnapshotStore.REQUESTED_PLAN, "p1"));
        assertThrows(AlreadyExistsException.class, () -> backend.snapshots().putIfAbsent(key, first, Map.of()));
        StoredObject read = backend.snapshots().get(key).orElseThrow();
        assertArrayEquals(first, read.content());
        assertEquals(stored.versionId(), read.versionId());
        assertEquals("p1", read.metadata().get(SnapshotStore.REQUESTED_PLAN));

        // A nightly export overwrites the key (a plain put, as an uploader does): both versions stay readable.
        byte[] second = "{\"a\":2}".getBytes(StandardCharsets.UTF_8);
        try (var s3 = aws.s3()) {
            s3.putObject(put -> put.bucket(settings.bucket()).key(key), RequestBody.fromBytes(second));
        }
        StoredObject latest = backend.snapshots().get(key).orElseThrow();
        assertArrayEquals(second, latest.content());
        assertNotEquals(stored.versionId(), latest.versionId());
        assertArrayEquals(first, backend.snapshots().get(key, stored.versionId()).orElseThrow().content());

        assertTrue(backend.snapshots().get(SnapshotStore.keyOf("none")).isEmpty());
        assertTrue(backend.snapshots().get(SnapshotStore.keyOf("none"), stored.versionId()).isEmpty());
    }

    @Test
    void catalogWritesAreConditionalAndListedByTenant(AwsEnvironment aws) {
        AwsBackend backend = aws.backend(aws.create("catalog").settings());
        SnapshotInfo older = info("s1", "6471", LocalDate.of(2026, 9, 1), "v1");
        SnapshotInfo newer = info("s2", "6471", LocalDate.of(2026, 10, 1), "v1");
        SnapshotInfo elsewhere = info("s3", "6472", LocalDate.of(2026, 10, 1), "v1");
        backend.catalog().put(newer, null);
        backend.catalog().put(older, null);
        backend.catalog().put(elsewhere, null);
        assertThrows(AlreadyExistsException.class, () -> backend.catalog().put(older, null));
        assertThrows(VersionConflictException.class, () -> backend.catalog().put(info("s1", "6471",
                LocalDate.of(2026, 9, 1), "v2"), "other"));
        SnapshotInfo updated = info("s1", "6471", LocalDate.of(2026, 9, 1), "v2");
        backend.catalog().put(updated, "v1");

        assertEquals(updated, backend.catalog().get("s1").orElseThrow());
        assertTrue(backend.catalog().get("none").isEmpty());
        assertEquals(List.of("s1", "s2"), backend.catalog().byTenant("6471").stream().map(SnapshotInfo::snapshotId).toList());
        assertEquals(List.of("s3"), backend.catalog().byTenant("6472").stream().map(SnapshotInfo::snapshotId).toList());
        assertTrue(backend.catalog().byTenant("0000").isEmpty());
    }

    static SnapshotInfo info(String id, String tenant, LocalDate asOf, String version) {
        return new SnapshotInfo(id, tenant, asOf, asOf.plusMonths(3), SnapshotStore.keyOf(id), version,
                Instant.parse("2026-10-01T00:00:00Z"), 10, 2, 1, null, List.of("one change"));
    }
}
