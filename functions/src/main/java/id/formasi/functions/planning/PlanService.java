package id.formasi.functions.planning;

import id.formasi.functions.FormasiProperties;
import id.formasi.infra.AuditEntry;
import id.formasi.infra.Pin;
import id.formasi.infra.PlanRecord;
import id.formasi.solver.plan.PlanStatus;
import id.formasi.infra.PlanStore;
import id.formasi.infra.SnapshotInfo;
import id.formasi.infra.SolveJob;
import id.formasi.infra.SolveQueue;
import id.formasi.infra.VersionConflictException;
import id.formasi.solver.PlanDiff;
import id.formasi.solver.Planning;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.snapshot.Snapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Plans: queue them, read them, pin, decide, compare. */
@Service
public record PlanService(PlanStore plans, SolveQueue queue, SnapshotService snapshots, FormasiProperties properties,
        Clock clock, Planning planning) {

    private static final Logger LOG = LoggerFactory.getLogger(PlanService.class);

    /** Who the audit names for what Formasi does by itself (a plan superseded or made stale). */
    public static final String SYSTEM = "system";

    /** The shape of the ids {@link #newPlanId} makes: safe to log, unlike anything else in a path. */
    public static final Pattern PLAN_ID = Pattern.compile("plan-[0-9a-f]{16}");

    public static String newPlanId() {
        return "plan-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** The budget a request asks for, checked against the allowed range; the default when it asks none. */
    public int budgetSeconds(Integer requested, String path) {
        if (requested == null) {
            return (int) Math.max(1, properties.solve().budget().toSeconds());
        }
        long max = properties.solve().maxBudget().toSeconds();
        if (requested < 1 || requested > max) {
            throw Failure.invalid(path, "must be 1.." + max + " seconds");
        }
        return requested;
    }

    /** Creates a plan record and sends its solve job. */
    public PlanRecord queue(String planId, SnapshotInfo snapshot, int budgetSeconds, List<Pin> pins,
            String warmStartFrom, PlanRecord.Trigger trigger) {
        PlanRecord plan = PlanRecord.queued(planId, snapshot.tenant(), snapshot.snapshotId(), snapshot.versionId(),
                budgetSeconds, pins, warmStartFrom, trigger, clock.instant());
        plans.create(plan);
        queue.send(new SolveJob(planId));
        LOG.info("plan {} queued for snapshot {} ({}, {} pins, budget {} s)", planId, snapshot.snapshotId(), trigger,
                pins.size(), budgetSeconds);
        return plan;
    }

    /** A plan of the tenant; another tenant's plan is not found, as if it did not exist. */
    public PlanRecord get(String tenant, String planId) {
        return plans.get(planId).filter(plan -> plan.tenant().equals(tenant)).orElseThrow(() -> missing(planId));
    }

    /** A plan of the tenant, if it is still stored. */
    public Optional<PlanRecord> find(String tenant, String planId) {
        return plans.get(planId).filter(plan -> plan.tenant().equals(tenant));
    }

    private Failure missing(String planId) {
        if (plans.damaged(planId)) {
            return new Failure(Failure.Kind.GONE, "plan " + planId + ": its stored data was damaged and has been set"
                    + " aside (quarantine/ in the data folder); re-solve it or submit it again");
        }
        return Failure.notFound("no plan " + planId);
    }

    public List<PlanRecord> list(String tenant, String snapshotId, PlanStatus status) {
        return plans.list(tenant, snapshotId, status);
    }

    /** The solved document; a plan without one yet is a conflict (it exists, but is not solved). */
    public PlanDocument document(String tenant, String planId) {
        PlanRecord plan = get(tenant, planId);
        return plans.document(planId).orElseThrow(() -> plans.damaged(planId) ? missing(planId) : Failure.conflict(
                "plan " + planId + " has no solved document (status " + plan.status() + ")"));
    }

    /**
     * Checks pins against the snapshot: each names someone in service who may move, and a formation they are
     * eligible for. Every bad pin is reported with its index.
     */
    public void checkPins(Snapshot snapshot, List<Pin> pins, String path) {
        Planning.Pins check = planning.checkPins(snapshot, solverPins(pins));
        if (!check.errors().isEmpty()) {
            throw Failure.invalid(check.errors().size() + " pin(s) are not possible", path, check.errors());
        }
    }

    /** The pins the snapshot allows, the others left out. */
    public List<Pin> possiblePins(Snapshot snapshot, List<Pin> pins) {
        return planning.checkPins(snapshot, solverPins(pins)).possible().stream()
                .map(pin -> new Pin(pin.staffId(), pin.facilityId(), pin.job())).toList();
    }

    /** The solver's pins for the stored ones. */
    public static List<Planning.Pin> solverPins(List<Pin> pins) {
        return pins.stream().map(pin -> pin == null ? null
                : new Planning.Pin(pin.staffId(), pin.facilityId(), pin.job())).toList();
    }

    /** Plan {@code b} against plan {@code a}, both solved. */
    public PlanDiff diff(String tenant, String a, String b) {
        return planning.diff(document(tenant, a), document(tenant, b));
    }

    /** Replaces the pins of a plan; a decided plan keeps its pins. */
    public PlanRecord pin(String tenant, String planId, List<Pin> pins, Long expectedVersion, String actor,
            String comment) {
        Ids.comment(comment);
        PlanRecord plan = get(tenant, planId);
        PlanLifecycle.refuseStale(plan);
        if (Set.of(PlanStatus.APPROVED, PlanStatus.REJECTED, PlanStatus.SUPERSEDED, PlanStatus.CANCELLED)
                .contains(plan.status())) {
            throw Failure.conflict("plan " + planId + " is " + plan.status() + "; resolve it to plan anew");
        }
        checkVersion(plan, expectedVersion);
        checkPins(snapshots.load(tenant, plan.snapshotId(), plan.snapshotVersion()).snapshot(), pins, "pins");
        PlanRecord next = plan.withPins(pins, clock.instant())
                .audited(clock.instant(), actor, AuditEntry.Action.PINS, comment, pins.size() + " pin(s): "
                        + pins.stream()
                        .map(pin -> pin.staffId() + " -> " + pin.facilityId() + "/" + pin.job())
                        .collect(Collectors.joining(", ")));
        return write(plan, next);
    }

    /** A new plan from the same snapshot with the plan's pins, keeping its placements where it can. */
    public PlanRecord resolve(String tenant, String planId, Integer budgetSeconds) {
        PlanRecord plan = get(tenant, planId);
        SnapshotInfo snapshot = snapshots.info(tenant, plan.snapshotId());
        if (!snapshot.versionId().equals(plan.snapshotVersion())) {
            throw Failure.conflict("the snapshot of plan " + planId + " has changed since; plan the new one");
        }
        String warmStart = plans.document(planId).isPresent() ? planId : plan.warmStartFrom();
        int budget = budgetSeconds == null ? plan.budgetSeconds() : budgetSeconds(budgetSeconds, "budgetSeconds");
        return queue(newPlanId(), snapshot, budget, plan.pins(), warmStart, PlanRecord.Trigger.RESOLVE);
    }

    /** The latest approved plan of a tenant: the warm start and the pins of a recompute. */
    public Optional<PlanRecord> latestApproved(String tenant) {
        return plans.list(tenant, null, PlanStatus.APPROVED).stream()
                .max((a, b) -> decidedAt(a).compareTo(decidedAt(b)));
    }

    /** Marks the pending and solved plans of the tenant's older snapshots STALE; returns how many. */
    public int markStale(String tenant, String snapshotId, String versionId, Set<String> olderSnapshots) {
        int marked = 0;
        for (PlanRecord plan : plans.list(tenant, null, null)) {
            boolean older = olderSnapshots.contains(plan.snapshotId())
                    || (plan.snapshotId().equals(snapshotId) && !plan.snapshotVersion().equals(versionId));
            if (older && (plan.status().isPending() || plan.status() == PlanStatus.SOLVED)) {
                Instant now = clock.instant();
                Optional<PlanRecord> stale = plans.update(plan.planId(), current ->
                        current.status().isPending() || current.status() == PlanStatus.SOLVED
                                ? current.withStatus(PlanStatus.STALE, now)
                                .withReplacedBy(new PlanRecord.Replacement(null, snapshotId, versionId, now), now)
                                .audited(now, SYSTEM, AuditEntry.Action.STALE, null, "snapshot " + snapshotId + " replaced its data")
                                : null);
                if (stale.isPresent()) {
                    marked++;
                }
            }
        }
        return marked;
    }

    public List<PlanRecord> ofSnapshot(String tenant, String snapshotId) {
        return plans.list(tenant, snapshotId, null);
    }

    static Instant decidedAt(PlanRecord plan) {
        return plan.audit().stream().filter(entry -> entry.action() == AuditEntry.Action.APPROVE).map(AuditEntry::at)
                .max(Instant::compareTo).orElse(plan.updatedAt());
    }

    static void checkVersion(PlanRecord plan, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != plan.version()) {
            throw Failure.conflict("plan " + plan.planId() + " is at version " + plan.version() + ", not "
                    + expectedVersion + "; reload it and review again");
        }
    }

    PlanRecord write(PlanRecord current, PlanRecord next) {
        try {
            return plans.replace(current.version(), next);
        } catch (VersionConflictException e) {
            throw Failure.conflict("plan " + current.planId() + " changed meanwhile; reload it and try again");
        }
    }
}
