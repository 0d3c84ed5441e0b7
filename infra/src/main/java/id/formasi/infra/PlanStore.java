package id.formasi.infra;

import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.plan.PlanStatus;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Plan records with optimistic versions (DynamoDB: a conditional put on {@code version}), and the solved
 * documents (S3 objects, being large).
 */
public interface PlanStore {

    /**
     * Stores a new record at version 1.
     *
     * @throws AlreadyExistsException when the plan id is taken
     */
    void create(PlanRecord plan);

    Optional<PlanRecord> get(String planId);

    /**
     * Stores {@code next} in place of the record at {@code expectedVersion}, at version expectedVersion + 1.
     *
     * @return the stored record
     * @throws VersionConflictException when the stored record is at another version
     */
    PlanRecord replace(long expectedVersion, PlanRecord next);

    /** Every plan matching the filter, newest first; a null filter field matches all. */
    List<PlanRecord> list(String tenant, String snapshotId, PlanStatus status);

    /** The list's filter and order, for the stores to apply to what they read. */
    static List<PlanRecord> matching(Collection<PlanRecord> plans, String tenant, String snapshotId,
            PlanStatus status) {
        return plans.stream()
                .filter(plan -> tenant == null || plan.tenant().equals(tenant))
                .filter(plan -> snapshotId == null || plan.snapshotId().equals(snapshotId))
                .filter(plan -> status == null || plan.status() == status)
                .sorted(Comparator.comparing(PlanRecord::createdAt).thenComparing(PlanRecord::planId).reversed())
                .toList();
    }

    void putDocument(String planId, PlanDocument document);

    /**
     * Removes the record at {@code expectedVersion} and its document.
     *
     * @throws VersionConflictException when the stored record is at another version, or gone
     */
    void delete(String planId, long expectedVersion);

    /**
     * Whether the plan's stored record or document was found damaged and set aside (the local backend's
     * quarantine); such a plan reads as absent.
     */
    default boolean damaged(String planId) {
        return false;
    }

    Optional<PlanDocument> document(String planId);

    /**
     * Reads, changes and writes back, again on a version conflict: for writers that do not answer to a
     * reviewer's version (progress, status changes). Returns empty when the plan is unknown or the change
     * returns null (nothing to write).
     */
    default Optional<PlanRecord> update(String planId, UnaryOperator<PlanRecord> change) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<PlanRecord> current = get(planId);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            PlanRecord next = change.apply(current.get());
            if (next == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(replace(current.get().version(), next));
            } catch (VersionConflictException conflict) {
                // Somebody wrote in between: read again and reapply.
            }
        }
        throw new VersionConflictException("plan " + planId);
    }
}
