package id.formasi.infra.local;

import id.formasi.infra.AlreadyExistsException;
import id.formasi.infra.PlanRecord;
import id.formasi.solver.plan.PlanStatus;
import id.formasi.infra.PlanStore;
import id.formasi.infra.VersionConflictException;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Plan records under {@code <data>/plans/}, documents under {@code <data>/documents/}. The version check and
 * the write happen under one lock: the local backend serves one process.
 */
public final class LocalPlanStore implements PlanStore {

    private final Path plans;
    private final Path documents;
    private final Path tmp;

    public LocalPlanStore(Path dataDir) {
        this.plans = dataDir.resolve("plans");
        this.documents = dataDir.resolve("documents");
        this.tmp = dataDir.resolve("tmp");
    }

    @Override
    public synchronized void create(PlanRecord plan) {
        Path path = recordPath(plan.planId());
        if (Files.exists(path)) {
            throw new AlreadyExistsException("plan " + plan.planId());
        }
        LocalFiles.write(tmp, path, Json.MAPPER.writeValueAsBytes(plan.atVersion(1)));
    }

    @Override
    public Optional<PlanRecord> get(String planId) {
        if (!Limits.isPlanId(planId)) {
            return Optional.empty();
        }
        return LocalFiles.readJson(recordPath(planId), PlanRecord.class, LocalPlanStore::complete);
    }

    /** A record that parses but lacks its keys is as damaged as one that does not parse. */
    private static boolean complete(PlanRecord plan) {
        return plan.planId() != null && plan.tenant() != null && plan.snapshotId() != null && plan.status() != null
                && plan.createdAt() != null;
    }

    @Override
    public boolean damaged(String planId) {
        String name = LocalFiles.safeName(planId) + ".json";
        return Files.exists(LocalFiles.quarantined(plans, name)) || Files.exists(LocalFiles.quarantined(documents, name));
    }

    @Override
    public synchronized PlanRecord replace(long expectedVersion, PlanRecord next) {
        PlanRecord current = get(next.planId()).orElseThrow(() -> new VersionConflictException("plan " + next.planId()));
        if (current.version() != expectedVersion) {
            throw new VersionConflictException("plan " + next.planId(), expectedVersion, current.version());
        }
        PlanRecord stored = next.atVersion(expectedVersion + 1);
        LocalFiles.write(tmp, recordPath(next.planId()), Json.MAPPER.writeValueAsBytes(stored));
        return stored;
    }

    @Override
    public List<PlanRecord> list(String tenant, String snapshotId, PlanStatus status) {
        return PlanStore.matching(LocalFiles.readAll(plans, PlanRecord.class, LocalPlanStore::complete), tenant,
                snapshotId, status);
    }

    @Override
    public synchronized void delete(String planId, long expectedVersion) {
        PlanRecord current = get(planId).orElseThrow(() -> new VersionConflictException("plan " + planId));
        if (current.version() != expectedVersion) {
            throw new VersionConflictException("plan " + planId, expectedVersion, current.version());
        }
        // The record first: a document without its record is never read.
        LocalFiles.delete(recordPath(planId));
        LocalFiles.delete(documents.resolve(LocalFiles.safeName(planId) + ".json"));
    }

    @Override
    public void putDocument(String planId, PlanDocument document) {
        LocalFiles.write(tmp, documents.resolve(LocalFiles.safeName(planId) + ".json"),
                Json.MAPPER.writeValueAsBytes(document));
    }

    @Override
    public Optional<PlanDocument> document(String planId) {
        return LocalFiles.readJson(documents.resolve(LocalFiles.safeName(planId) + ".json"), PlanDocument.class,
                document -> document.placements() != null);
    }

    private Path recordPath(String planId) {
        return plans.resolve(LocalFiles.safeName(planId) + ".json");
    }
}
