package id.formasi.solver.generator;

import id.formasi.solver.snapshot.Policy;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.Staff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adds the rules of mutasi practice to a generated snapshot: PNS floors per facility kind, a departure limit,
 * and a share of staff married to another staff member (spouses drawn at random among all staff, seeded).
 */
public final class Practice {

    private Practice() {
    }

    /** The practice the bench measures: k = 4 for SD and SMP, 3 departures, 3% of staff in couples, 15 km. */
    public static Snapshot balikpapanPractice(Snapshot snapshot, long seed) {
        return add(snapshot, seed, Map.of("SD", 4, "SMP", 4), 3, 0.03, 15.0);
    }

    /**
     * @param coupleShare share of staff in a couple (0.03: 3% of staff, so 1.5% as many couples)
     */
    public static Snapshot add(Snapshot snapshot, long seed, Map<String, Integer> minPnsByKind,
            Integer maxDeparturesPerFacility, double coupleShare, Double spouseMaxKm) {
        Rng rng = new Rng(seed);
        List<Staff> staff = new ArrayList<>(snapshot.staff());
        int couples = (int) Math.round(staff.size() * coupleShare / 2);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < staff.size(); i++) {
            order.add(i);
        }
        for (int i = order.size() - 1; i > 0; i--) {
            int j = rng.between(0, i);
            Integer swap = order.get(i);
            order.set(i, order.get(j));
            order.set(j, swap);
        }
        for (int c = 0; c < couples; c++) {
            int a = order.get(2 * c);
            int b = order.get(2 * c + 1);
            Staff first = staff.get(a);
            Staff second = staff.get(b);
            staff.set(a, married(first, second.id()));
            staff.set(b, married(second, first.id()));
        }
        Policy policy = snapshot.policy().withPracticeRules(minPnsByKind, maxDeparturesPerFacility, spouseMaxKm);
        return new Snapshot(snapshot.schemaVersion(), snapshot.snapshotId() + "-practice", snapshot.tenant(),
                snapshot.asOf(), snapshot.planningDate(), snapshot.jobs(), snapshot.facilities(), staff, policy);
    }

    private static Staff married(Staff s, String spouseId) {
        return new Staff(s.id(), s.name(), s.employment(), s.job(), s.alsoQualifiedFor(), s.facility(), s.birthDate(),
                s.postedSince(), s.firstPostingSince(), s.contractEnd(), s.home(), s.protectedReason(), spouseId);
    }
}
