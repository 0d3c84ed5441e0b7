package id.formasi.infra.local;

import java.nio.file.Path;

/** The local implementation of every port, over one data folder (of one process at a time). */
public record LocalBackend(Path dataDir, LocalSnapshotStore snapshots, LocalSnapshotCatalog catalog,
        LocalPlanStore plans, LocalSolveQueue queue, LocalIdempotencyStore idempotency) {

    public static LocalBackend open(Path dataDir, String bucket) {
        Path dir = dataDir.toAbsolutePath().normalize();
        // Writes interrupted by a crash or a full disk leave temporaries; nothing reads them.
        LocalFiles.cleanTemporaries(dir.resolve("tmp"));
        return new LocalBackend(dir, new LocalSnapshotStore(dir, bucket), new LocalSnapshotCatalog(dir),
                new LocalPlanStore(dir), new LocalSolveQueue(dir), new LocalIdempotencyStore(dir));
    }
}
