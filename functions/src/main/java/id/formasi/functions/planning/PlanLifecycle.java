package id.formasi.functions.planning;

import id.formasi.infra.AuditEntry;
import id.formasi.infra.PlanRecord;
import id.formasi.infra.PlanStore;
import id.formasi.infra.VersionConflictException;
import id.formasi.solver.plan.PlanStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Where a plan goes after its solve, by a person's hand: approved (superseding the tenant's earlier approved
 * plan) or rejected, stopped while it solves, deleted. Every call acts on the caller's tenant only.
 */
@Service
public record PlanLifecycle(PlanService service, PlanStore plans, Clock clock) {

    private static final Logger LOG = LoggerFactory.getLogger(PlanLifecycle.class);

    /** Approves or rejects a solved plan, if the reviewer saw its current version. */
    public PlanRecord decide(String tenant, String planId, boolean approve, long expectedVersion, String actor,
            String comment) {
        Ids.comment(comment);
        PlanRecord plan = service.get(tenant, planId);
        refuseStale(plan);
        PlanService.checkVersion(plan, expectedVersion);
        if (plan.status() != PlanStatus.SOLVED) {
            throw Failure.conflict("plan " + planId + " is " + plan.status() + "; only a SOLVED plan can be decided");
        }
        Instant now = clock.instant();
        PlanRecord next = plan.withStatus(approve ? PlanStatus.APPROVED : PlanStatus.REJECTED, now)
                .audited(now, actor, approve ? AuditEntry.Action.APPROVE : AuditEntry.Action.REJECT, comment,
                        "at version " + expectedVersion);
        PlanRecord stored = service.write(plan, next);
        LOG.info("plan {} {}", planId, stored.status());
        if (approve) {
            supersedeOlder(stored, actor);
        }
        return stored;
    }

    /**
     * One approved plan per tenant: the ones approved before {@code approved} become SUPERSEDED, naming it.
     * Only older ones, so of two approvals at once the later stands.
     */
    private void supersedeOlder(PlanRecord approved, String actor) {
        for (PlanRecord other : plans.list(approved.tenant(), null, PlanStatus.APPROVED)) {
            if (other.planId().equals(approved.planId()) || !approvedBefore(other, approved)) {
                continue;
            }
            Instant now = clock.instant();
            plans.update(other.planId(), current -> current.status() == PlanStatus.APPROVED
                    ? current.withStatus(PlanStatus.SUPERSEDED, now)
                    .withReplacedBy(new PlanRecord.Replacement(approved.planId(), null, null, now), now)
                    .audited(now, actor, AuditEntry.Action.SUPERSEDE, null, "plan " + approved.planId() + " was approved")
                    : null);
            LOG.info("plan {} SUPERSEDED by plan {}", other.planId(), approved.planId());
        }
    }

    private static boolean approvedBefore(PlanRecord a, PlanRecord b) {
        int byTime = PlanService.decidedAt(a).compareTo(PlanService.decidedAt(b));
        return byTime < 0 || (byTime == 0 && a.planId().compareTo(b.planId()) < 0);
    }

    /**
     * Stops a plan's solve. A QUEUED plan becomes CANCELLED; a SOLVING one is asked to stop, and its solve
     * stores the best plan found so far, marked as stopped early. Asking twice is the same as once.
     */
    public PlanRecord cancel(String tenant, String planId, String actor, String comment) {
        Ids.comment(comment);
        PlanRecord seen = service.get(tenant, planId);
        Optional<PlanRecord> stopped = plans.update(planId, current -> {
            if (!current.status().isPending() || current.stopRequested()) {
                return null;
            }
            Instant now = clock.instant();
            boolean queued = current.status() == PlanStatus.QUEUED;
            return (queued ? current.withStatus(PlanStatus.CANCELLED, now) : current).audited(now, actor,
                    AuditEntry.Action.CANCEL, comment, queued ? "before its solve began" : "stop requested while solving");
        });
        if (stopped.isPresent()) {
            LOG.info("plan {}: {}", planId, stopped.get().status() == PlanStatus.CANCELLED ? "CANCELLED" : "stop requested");
            return stopped.get();
        }
        PlanRecord now = plans.get(planId).orElse(seen);
        if (now.status().isPending() || now.status() == PlanStatus.CANCELLED) {
            return now;
        }
        throw Failure.conflict("plan " + planId + " is " + now.status() + "; only a QUEUED or SOLVING plan can be stopped");
    }

    /**
     * Deletes a plan and its document. Approved plans (also superseded ones) are kept as the record of what was
     * decided; a pending plan is stopped first.
     */
    public void delete(String tenant, String planId, Long expectedVersion) {
        PlanRecord plan = service.get(tenant, planId);
        if (plan.status() == PlanStatus.APPROVED || plan.status() == PlanStatus.SUPERSEDED) {
            throw Failure.conflict("plan " + planId + " is " + plan.status() + "; an approved plan is kept as the"
                    + " record of the decision");
        }
        if (plan.status().isPending()) {
            throw Failure.conflict("plan " + planId + " is " + plan.status() + "; stop it first (POST /plans/"
                    + planId + "/cancel)");
        }
        PlanService.checkVersion(plan, expectedVersion);
        try {
            plans.delete(planId, plan.version());
        } catch (VersionConflictException e) {
            throw Failure.conflict("plan " + planId + " changed meanwhile; reload it and try again");
        }
        LOG.info("plan {} deleted", planId);
    }

    /** A STALE plan is refused with the snapshot that replaced its data. */
    static void refuseStale(PlanRecord plan) {
        if (plan.status() != PlanStatus.STALE) {
            return;
        }
        PlanRecord.Replacement by = plan.replacedBy();
        String what = by == null || by.snapshotId() == null ? "a later snapshot"
                : "snapshot " + by.snapshotId() + " (version " + by.snapshotVersion() + ")";
        throw Failure.conflict("plan " + plan.planId() + " is STALE: " + what + " replaced its data"
                + (by == null || by.at() == null ? "" : " at " + by.at()) + "; review the plan of the new data");
    }
}
