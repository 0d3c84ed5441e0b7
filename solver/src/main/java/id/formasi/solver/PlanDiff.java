package id.formasi.solver;

import id.formasi.solver.plan.PlanDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two plans compared person by person: who is placed elsewhere in {@code b} than in {@code a} (another
 * facility or job), and who is in only one of them (left or joined between their snapshots).
 */
public record PlanDiff(Side a, Side b, boolean sameSnapshot, int changedCount, List<Change> changed,
        List<String> onlyInA, List<String> onlyInB) {

    public record Side(String planId, String snapshotId, PlanDocument.Score score) {
    }

    public record Change(String staffId, Position a, Position b) {
    }

    static PlanDiff between(PlanDocument a, PlanDocument b) {
        Map<String, PlanDocument.Placement> before = new HashMap<>();
        a.placements().forEach(placement -> before.put(placement.staffId(), placement));
        List<Change> changed = new ArrayList<>();
        List<String> onlyInB = new ArrayList<>();
        Set<String> inB = new HashSet<>();
        for (PlanDocument.Placement placement : b.placements()) {
            inB.add(placement.staffId());
            PlanDocument.Placement old = before.get(placement.staffId());
            if (old == null) {
                onlyInB.add(placement.staffId());
            } else if (!old.facilityId().equals(placement.facilityId()) || !old.job().equals(placement.job())) {
                changed.add(new Change(placement.staffId(), new Position(old.facilityId(), old.job()),
                        new Position(placement.facilityId(), placement.job())));
            }
        }
        List<String> onlyInA = a.placements().stream().map(PlanDocument.Placement::staffId)
                .filter(id -> !inB.contains(id)).toList();
        return new PlanDiff(side(a), side(b), a.snapshotId().equals(b.snapshotId()), changed.size(), changed,
                onlyInA, onlyInB);
    }

    private static Side side(PlanDocument plan) {
        return new Side(plan.planId(), plan.snapshotId(), plan.score());
    }
}
