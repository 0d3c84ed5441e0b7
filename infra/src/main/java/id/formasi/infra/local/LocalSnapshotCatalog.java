package id.formasi.infra.local;

import id.formasi.infra.AlreadyExistsException;
import id.formasi.infra.SnapshotCatalog;
import id.formasi.infra.SnapshotInfo;
import id.formasi.infra.VersionConflictException;
import id.formasi.solver.snapshot.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Snapshot entries as one JSON file each under {@code <data>/catalog/}. */
public record LocalSnapshotCatalog(Path folder, Path tmp) implements SnapshotCatalog {

    /** Under {@code <data>/catalog/}, writing through {@code <data>/tmp/}. */
    public LocalSnapshotCatalog(Path dataDir) {
        this(dataDir.resolve("catalog"), dataDir.resolve("tmp"));
    }

    @Override
    public Optional<SnapshotInfo> get(String snapshotId) {
        return LocalFiles.readJson(folder.resolve(LocalFiles.safeName(snapshotId) + ".json"), SnapshotInfo.class,
                LocalSnapshotCatalog::complete);
    }

    private static boolean complete(SnapshotInfo info) {
        return info.snapshotId() != null && info.tenant() != null && info.asOf() != null && info.key() != null
                && info.versionId() != null && info.storedAt() != null;
    }

    @Override
    public synchronized void put(SnapshotInfo info, String expectedVersionId) {
        Optional<SnapshotInfo> current = get(info.snapshotId());
        if (current.isPresent() && expectedVersionId == null) {
            throw new AlreadyExistsException("snapshot " + info.snapshotId());
        }
        if (expectedVersionId != null
                && !Objects.equals(current.map(SnapshotInfo::versionId).orElse(null), expectedVersionId)) {
            throw new VersionConflictException("snapshot " + info.snapshotId());
        }
        LocalFiles.write(tmp, folder.resolve(LocalFiles.safeName(info.snapshotId()) + ".json"),
                Json.MAPPER.writeValueAsBytes(info));
    }

    @Override
    public List<SnapshotInfo> byTenant(String tenant) {
        return LocalFiles.readAll(folder, SnapshotInfo.class, LocalSnapshotCatalog::complete).stream()
                .filter(info -> info.tenant().equals(tenant))
                .sorted(SnapshotInfo.ORDER)
                .toList();
    }
}
