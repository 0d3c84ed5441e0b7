package id.formasi.infra;

import java.util.List;
import java.util.Optional;

/** The index of stored snapshots, by id and by tenant (DynamoDB: an item per snapshot, a tenant index). */
public interface SnapshotCatalog {

    Optional<SnapshotInfo> get(String snapshotId);

    /**
     * Records a snapshot. Writes when there is no entry, or when {@code expectedVersionId} names the version
     * the entry holds now (a conditional write); {@code null} means "must not exist yet".
     *
     * @throws AlreadyExistsException   when an entry exists and {@code expectedVersionId} is null
     * @throws VersionConflictException when the entry holds another version than expected
     */
    void put(SnapshotInfo info, String expectedVersionId);

    List<SnapshotInfo> byTenant(String tenant);
}
