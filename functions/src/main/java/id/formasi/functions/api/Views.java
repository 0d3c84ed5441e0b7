package id.formasi.functions.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.formasi.infra.AuditEntry;
import id.formasi.infra.Pin;
import id.formasi.infra.PlanRecord;
import id.formasi.infra.SnapshotInfo;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.plan.PlanStatus;
import id.formasi.solver.plan.Text;
import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Staff;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON answers of the API, one record each: the fields in the order they are written. */
final class Views {

    private Views() {
    }

    /** One page of a list; {@code next} is the offset of the next page, or null on the last. */
    record Page(int offset, int limit, int total, List<?> items, Integer next) {
    }

    /** A plan just queued (202). */
    record Queued(String planId, PlanStatus status, String snapshotId, String url) {

        static Queued of(Request request, PlanRecord plan) {
            return new Queued(plan.planId(), plan.status(), plan.snapshotId(), planUrl(request, plan));
        }
    }

    /** A plan just deleted. */
    record Deleted(String planId, boolean deleted) {
    }

    /** A plan in a list; {@code progress} while it solves, {@code replacedBy} once superseded or stale. */
    record Brief(String planId, String snapshotId, String tenant, PlanStatus status, long version, PlanRecord.Trigger trigger,
            Instant createdAt, PlanDocument.Score score, int budgetSeconds, PlanRecord.Progress progress,
            PlanRecord.Replacement replacedBy, String url) {

        static Brief of(Request request, PlanRecord plan) {
            return new Brief(plan.planId(), plan.snapshotId(), plan.tenant(), plan.status(), plan.version(),
                    plan.trigger(), plan.createdAt(), plan.score(), plan.budgetSeconds(), plan.progress(),
                    plan.replacedBy(), planUrl(request, plan));
        }
    }

    /** A plan with its review trail and links. */
    record Plan(String planId, String snapshotId, String snapshotVersion, String tenant, PlanStatus status,
            long version, PlanRecord.Trigger trigger, String warmStartFrom, Instant createdAt, Instant updatedAt,
            int budgetSeconds, int attempts, PlanRecord.Progress progress, PlanDocument.Score score,
            PlanRecord.Summary summary, String failure, boolean stopRequested, PlanRecord.Replacement replacedBy,
            List<Pin> pins, List<AuditEntry> audit, Links links) {

        static Plan of(Request request, PlanRecord plan) {
            return new Plan(plan.planId(), plan.snapshotId(), plan.snapshotVersion(), plan.tenant(), plan.status(),
                    plan.version(), plan.trigger(), plan.warmStartFrom(), plan.createdAt(), plan.updatedAt(),
                    plan.budgetSeconds(), plan.attempts(), plan.progress(), plan.score(), plan.summary(),
                    plan.failure(), plan.stopRequested(), plan.replacedBy(), plan.pins(), plan.audit(),
                    Links.of(request, plan));
        }
    }

    /** Where a plan's parts are; the parts only once there is a document. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Links(String self, String placements, String moves, String formations, String leaving,
            String explanation, String snapshot) {

        static Links of(Request request, PlanRecord plan) {
            String base = planUrl(request, plan);
            boolean parts = plan.status().hasDocument() || plan.summary() != null;
            return new Links(base, parts ? base + "/placements" : null, parts ? base + "/moves" : null,
                    parts ? base + "/formations" : null, parts ? base + "/leaving" : null,
                    parts ? base + "/explanation" : null,
                    Requests.url(request, "/snapshots/" + plan.snapshotId()));
        }
    }

    /** What a plan's score is made of: {@code GET /plans/{id}/explanation}. */
    record Explanation(String planId, PlanDocument.Score score, Text summary,
            List<PlanDocument.ConstraintTotal> constraints, PlanDocument.Certificate optimum,
            List<PlanDocument.Violation> violations, List<PlanDocument.Unfilled> unfilled,
            List<PlanDocument.Surplus> surplus, PlanDocument.SolverFigures solver) {

        static Explanation of(PlanDocument document) {
            PlanDocument.Explanation explanation = document.explanation();
            return new Explanation(document.planId(), document.score(),
                    explanation == null ? null : explanation.summary(),
                    explanation == null ? List.of() : explanation.constraints(), document.optimum(),
                    document.violations(), document.unfilled(), document.surplus(), document.solver());
        }
    }

    /** A stored snapshot, the plans made from it, and where it is. */
    record Snapshot(String snapshotId, String tenant, LocalDate asOf, LocalDate planningDate, String versionId,
            Instant storedAt, int staff, int facilities, int jobs, String derivedFrom, List<String> changes,
            List<Brief> plans, String url) {

        static Snapshot of(Request request, SnapshotInfo info, List<PlanRecord> plans) {
            return new Snapshot(info.snapshotId(), info.tenant(), info.asOf(), info.planningDate(), info.versionId(),
                    info.storedAt(), info.staff(), info.facilities(), info.jobs(), info.derivedFrom(), info.changes(),
                    plans.stream().map(plan -> Brief.of(request, plan)).toList(),
                    Requests.url(request, "/snapshots/" + info.snapshotId()));
        }
    }

    /** A facility of a snapshot, for the map: no staff. */
    record FacilityItem(String facilityId, String name, String kind, String district, Double lat, Double lon,
            FacilityStatus status, List<String> jobs) {

        static FacilityItem of(Facility facility) {
            return new FacilityItem(facility.id(), facility.name(), facility.kind(), facility.district(),
                    facility.location() == null ? null : facility.location().lat(),
                    facility.location() == null ? null : facility.location().lon(), facility.status(),
                    facility.formations().stream().map(formation -> formation.job()).toList());
        }
    }

    /**
     * A person of a snapshot, so the page can show names beside NIPs. Personal data for the tenant's planners:
     * no birth date, no home, and never logged.
     */
    record StaffItem(String staffId, String name, String employment, String facilityId, String job) {

        static StaffItem of(Staff staff) {
            return new StaffItem(staff.id(), staff.name(), staff.employment().name(), staff.facility(), staff.job());
        }
    }

    private static String planUrl(Request request, PlanRecord plan) {
        return Requests.url(request, "/plans/" + plan.planId());
    }
}
