package id.formasi.functions.planning;

import id.formasi.infra.PlanRecord;
import id.formasi.solver.Planning;
import id.formasi.solver.WhatIf;
import id.formasi.solver.snapshot.Snapshot;
import org.springframework.stereotype.Service;

/** What would change if one person were pinned elsewhere in a solved plan: read-only, the solver's answer. */
@Service
public record WhatIfService(PlanService plans, SnapshotService snapshots, Planning planning) {

    public WhatIf whatIf(String tenant, String planId, String staffId, String facilityId, String job) {
        PlanRecord record = plans.get(tenant, planId);
        var document = plans.document(tenant, planId);
        Snapshot snapshot = snapshots.load(tenant, record.snapshotId(), record.snapshotVersion()).snapshot();
        try {
            return planning.whatIf(snapshot, document, PlanService.solverPins(record.pins()),
                    new Planning.Pin(staffId, facilityId, job));
        } catch (Planning.Refused refused) {
            throw Failure.refused(refused, "query");
        }
    }
}
