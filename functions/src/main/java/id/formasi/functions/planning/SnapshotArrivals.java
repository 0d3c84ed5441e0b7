package id.formasi.functions.planning;

import id.formasi.infra.IdempotencyStore;
import id.formasi.infra.PlanRecord;
import id.formasi.solver.plan.PlanStatus;
import id.formasi.infra.SnapshotInfo;
import id.formasi.infra.SnapshotStore;
import id.formasi.infra.StoredObject;
import id.formasi.solver.sheets.ImportException;
import id.formasi.solver.sheets.SheetImport;
import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.TenantCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A new snapshot object arrived (an export, a change, an inline snapshot of a request): register it, mark
 * plans of older snapshots STALE and queue a recompute. Once per bucket, key and version. Snapshots of a tenant are
 * ordered by {@code asOf}, then arrival ({@link SnapshotInfo#ORDER}): the last one is current, its plans live.
 */
@Service
public record SnapshotArrivals(SnapshotService snapshots, PlanService plans, IdempotencyStore idempotency) {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotArrivals.class);

    /** {@code IMPORTED}: a workbook, stored again as the snapshot JSON whose own arrival plans it. */
    public enum Outcome { RECOMPUTE_QUEUED, PLAN_ALREADY_QUEUED, OLDER_SNAPSHOT, DUPLICATE, REJECTED, IGNORED, MISSING,
        IMPORTED }

    /** What the arrival did; {@code planId} is the queued recompute, if any. */
    public record Result(Outcome outcome, String snapshotId, String planId, int markedStale, int errors) {
    }

    /**
     * Handles the object at {@code snapshots/<name>.json} (the document names its tenant) or
     * {@code snapshots/<tenant>/<name>.json} (the folder names it, and a document of another tenant is refused:
     * a grant to write one tenant's folder never reaches another's plans).
     */
    public Result arrived(String bucket, String key, String versionId) {
        String folderTenant = key == null ? null : folderTenant(key);
        if (key == null || !key.startsWith(SnapshotStore.PREFIX) || !(key.endsWith(".json") || key.endsWith(".xlsx"))
                || (key.substring(SnapshotStore.PREFIX.length()).contains("/") && folderTenant == null)) {
            return new Result(Outcome.IGNORED, null, null, 0, 0);
        }
        String idempotencyKey = bucket + "/" + key + "/" + versionId;
        if (!idempotency.claim(idempotencyKey)) {
            Optional<String> outcome = idempotency.outcome(idempotencyKey);
            if (outcome.isEmpty()) {
                // Held by an invocation that runs now, or died and its claim has not run out: fail, so that the
                // retry finds the event handled or retakes the claim. "Seen before" here would lose the event.
                throw new IllegalStateException("snapshot event " + key + " is being handled elsewhere; retry later");
            }
            if (!backAtAnEarlierVersion(outcome.get(), key, versionId)) {
                LOG.info("snapshot event {} seen before: nothing to do", key);
                return new Result(Outcome.DUPLICATE, null, null, 0, 0);
            }
            // A, B, A: the object holds a version handled before, the catalogue another one. Register it again.
            LOG.info("snapshot event {}: the object is back at a version handled before; registering it again", key);
            Result result = handle(key, versionId, folderTenant);
            idempotency.complete(idempotencyKey, outcomeText(result));
            return result;
        }
        try {
            Result result = handle(key, versionId, folderTenant);
            idempotency.complete(idempotencyKey, outcomeText(result));
            LOG.info("snapshot event {}: {} (snapshot {}, plan {}, {} marked stale, {} errors)", key, result.outcome(),
                    result.snapshotId(), result.planId(), result.markedStale(), result.errors());
            return result;
        } catch (RuntimeException e) {
            // Let the redelivery try again.
            idempotency.release(idempotencyKey);
            throw e;
        }
    }

    /** The recorded outcome names the snapshot, so that a later arrival of the same version can find it. */
    private static String outcomeText(Result result) {
        return result.snapshotId() == null ? result.outcome().name() : result.outcome().name() + " " + result.snapshotId();
    }

    /**
     * A workbook (docs/import-format.md, snapshot fields from its {@code snapshot} sheet) becomes
     * {@code snapshots/<id>.json}, as if the JSON had been uploaded; a refused one stores nothing.
     */
    private Result imported(String key, StoredObject workbook, String folderTenant) {
        Snapshot snapshot;
        try {
            snapshot = SheetImport.read(workbook.content(), SheetImport.Fields.NONE).snapshot();
        } catch (ImportException e) {
            // Only cells and counts: messages may quote the data.
            LOG.warn("workbook {} refused: {} error(s) at {}", key, e.errors().size(), e.errors().stream().limit(10)
                    .map(error -> error.cell() == null ? error.path() : error.cell()).toList());
            return new Result(Outcome.REJECTED, null, null, 0, e.errors().size());
        }
        byte[] json = (Json.write(snapshot) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (folderTenant != null) {
                SnapshotService.checkTenant(snapshot, folderTenant, "");
            }
            snapshots.store(json, snapshots.parse(json, ""), Map.of(), null, List.of());
        } catch (Failure e) {
            LOG.warn("workbook {} refused: {}", key, e.getMessage());
            return new Result(Outcome.REJECTED, null, null, 0, Math.max(1, e.details().size()));
        }
        return new Result(Outcome.IMPORTED, snapshot.snapshotId(), null, 0, 0);
    }

    /**
     * Whether the event's version is the object's latest again while the catalogue holds another one (the
     * local store names versions by content, so a re-dropped file is a version seen before).
     */
    private boolean backAtAnEarlierVersion(String outcome, String key, String versionId) {
        String[] parts = outcome.split(" ");
        if (parts.length < 2 || versionId == null) {
            return false;
        }
        Optional<SnapshotInfo> registered = snapshots.entry(parts[1]);
        if (registered.isPresent() && (!registered.get().key().equals(key)
                || registered.get().versionId().equals(versionId))) {
            return false;
        }
        return snapshots.object(key, null).map(StoredObject::versionId).filter(versionId::equals).isPresent();
    }

    /** The tenant of {@code snapshots/<tenant>/<name>}, or null when the key has no such folder. */
    static String folderTenant(String key) {
        String[] parts = key.substring(Math.min(key.length(), SnapshotStore.PREFIX.length())).split("/", -1);
        return parts.length == 2 && TenantCode.isValid(parts[0]) && !parts[1].isEmpty() ? parts[0] : null;
    }

    private Result handle(String key, String versionId, String folderTenant) {
        Optional<StoredObject> object = snapshots.object(key, versionId);
        if (object.isEmpty()) {
            return new Result(Outcome.MISSING, null, null, 0, 0);
        }
        if (key.endsWith(".xlsx")) {
            return imported(key, object.get(), folderTenant);
        }
        Snapshot snapshot;
        SnapshotInfo info;
        try {
            snapshot = snapshots.parse(object.get().content(), "");
            if (folderTenant != null) {
                SnapshotService.checkTenant(snapshot, folderTenant, "");
            }
            info = snapshots.register(object.get(), snapshot, null, List.of());
        } catch (Failure e) {
            // Only paths and counts: messages may quote the data.
            LOG.warn("snapshot object {} refused ({}): {} error(s) at {}", key, e.kind(), e.details().size(),
                    e.details().stream().limit(10).map(Failure.Detail::path).toList());
            return new Result(Outcome.REJECTED, null, null, 0, Math.max(1, e.details().size()));
        }
        List<SnapshotInfo> ofTenant = snapshots.ofTenant(info.tenant());
        if (later(info, ofTenant).isPresent()) {
            return new Result(Outcome.OLDER_SNAPSHOT, info.snapshotId(), null, 0, 0);
        }
        Set<String> older = ofTenant.stream().filter(other -> SnapshotInfo.ORDER.compare(other, info) < 0)
                .map(SnapshotInfo::snapshotId).collect(Collectors.toSet());
        int stale = plans.markStale(info.tenant(), info.snapshotId(), info.versionId(), older);

        String requested = object.get().metadata().get(SnapshotStore.REQUESTED_PLAN);
        boolean planned = requested != null || plans.ofSnapshot(info.tenant(), info.snapshotId()).stream()
                .anyMatch(plan -> plan.snapshotVersion().equals(info.versionId()) && plan.status() != PlanStatus.STALE
                        && plan.status() != PlanStatus.FAILED);
        if (planned) {
            return new Result(Outcome.PLAN_ALREADY_QUEUED, info.snapshotId(), requested, stale, 0);
        }
        Optional<PlanRecord> approved = plans.latestApproved(info.tenant());
        var pins = approved.map(PlanRecord::pins).orElse(List.of());
        // Pins of the approved plan that the new data no longer allows are dropped, not refused.
        pins = plans.possiblePins(snapshot, pins);
        PlanRecord plan = plans.queue(PlanService.newPlanId(), info, plans.budgetSeconds(null, "budgetSeconds"), pins,
                approved.map(PlanRecord::planId).orElse(null), PlanRecord.Trigger.SNAPSHOT_CHANGED);
        // A later snapshot that arrived meanwhile may have marked the tenant's plans before this one existed.
        Optional<SnapshotInfo> overtaken = later(info, snapshots.ofTenant(info.tenant()));
        if (overtaken.isPresent()) {
            plans.markStale(info.tenant(), overtaken.get().snapshotId(), overtaken.get().versionId(),
                    Set.of(info.snapshotId()));
        }
        return new Result(Outcome.RECOMPUTE_QUEUED, info.snapshotId(), plan.planId(), stale, 0);
    }

    /** The tenant's current snapshot when it comes after {@code info} in the order of snapshots. */
    private static Optional<SnapshotInfo> later(SnapshotInfo info, List<SnapshotInfo> ofTenant) {
        return ofTenant.stream().filter(other -> !other.snapshotId().equals(info.snapshotId()))
                .filter(other -> SnapshotInfo.ORDER.compare(other, info) > 0).max(SnapshotInfo.ORDER);
    }
}
