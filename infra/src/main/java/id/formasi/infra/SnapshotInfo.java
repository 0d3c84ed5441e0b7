package id.formasi.infra;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the service knows about a stored snapshot without reading it: where it is, which version, what it
 * covers, and where it came from. Counts only, no personal data.
 *
 * @param derivedFrom the snapshot this one was made from by {@code POST /snapshots/{id}/changes}, or null
 * @param changes     one line per change applied to {@code derivedFrom}
 */
public record SnapshotInfo(
        String snapshotId,
        String tenant,
        LocalDate asOf,
        LocalDate planningDate,
        String key,
        String versionId,
        Instant storedAt,
        int staff,
        int facilities,
        int jobs,
        String derivedFrom,
        List<String> changes) {

    public SnapshotInfo {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
