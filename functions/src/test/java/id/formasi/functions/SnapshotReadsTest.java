package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import id.formasi.functions.planning.SnapshotService;
import id.formasi.infra.SnapshotStore;
import id.formasi.infra.StoredObject;
import id.formasi.infra.local.LocalSnapshotCatalog;
import id.formasi.infra.local.LocalSnapshotStore;
import id.formasi.solver.Planning;
import id.formasi.solver.snapshot.Limits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored snapshot version is read and validated once while it is the one being read, not once a page. */
class SnapshotReadsTest {

    /** The local store, counting the reads of one version. */
    private static final class Counting implements SnapshotStore {
        private final SnapshotStore store;
        int versionReads;

        Counting(SnapshotStore store) {
            this.store = store;
        }

        @Override
        public String bucket() {
            return store.bucket();
        }

        @Override
        public StoredObject putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
            return store.putIfAbsent(key, content, metadata);
        }

        @Override
        public Optional<StoredObject> get(String key) {
            return store.get(key);
        }

        @Override
        public Optional<StoredObject> get(String key, String versionId) {
            versionReads++;
            return store.get(key, versionId);
        }
    }

    @Test
    void pagesOfOneVersionReadItOnceAndAnotherSnapshotIsReadAfresh(@TempDir Path data) {
        Counting store = new Counting(new LocalSnapshotStore(data, "local"));
        SnapshotService snapshots = new SnapshotService(new FormasiProperties("local", data, Limits.MAX_BYTES,
                "local", "custom:tenant", null, null, null, null), store, new LocalSnapshotCatalog(data),
                Clock.systemUTC(), new Planning());
        for (String id : List.of("reads-1", "reads-2")) {
            byte[] json = Samples.tiny(id).toString().getBytes(StandardCharsets.UTF_8);
            snapshots.store(json, snapshots.parse(json, ""), Map.of(), null, List.of());
        }

        SnapshotService.Loaded first = snapshots.load("9901", "reads-1");
        assertThat(snapshots.load("9901", "reads-1").snapshot()).isSameAs(first.snapshot());
        assertThat(store.versionReads).isEqualTo(1);

        assertThat(snapshots.load("9901", "reads-2").snapshot().snapshotId()).isEqualTo("reads-2");
        assertThat(snapshots.load("9901", "reads-1").snapshot().snapshotId()).isEqualTo("reads-1");
        assertThat(store.versionReads).isEqualTo(3);
    }
}
