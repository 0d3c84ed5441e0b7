package id.formasi.infra;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
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

    /**
     * The order of a tenant's snapshots: by {@code asOf}, then by arrival ({@code storedAt}), then by id. It is
     * total, so exactly one snapshot of a tenant is the current one (the last), even for equal dates.
     */
    public static final Comparator<SnapshotInfo> ORDER = Comparator.comparing(SnapshotInfo::asOf)
            .thenComparing(SnapshotInfo::storedAt).thenComparing(SnapshotInfo::snapshotId);

    public SnapshotInfo {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
