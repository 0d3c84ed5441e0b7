package id.formasi.solver.rules;

import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Site;
import id.formasi.solver.domain.Spouse;
import id.formasi.solver.domain.Unplaceable;
import id.formasi.solver.snapshot.Employment;
import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Geo;
import id.formasi.solver.snapshot.Job;
import id.formasi.solver.snapshot.Location;
import id.formasi.solver.snapshot.Policy;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.Staff;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three rules of mutasi practice as facts of the problem: each facility's PNS floor and departure limit,
 * and each couple's allowed distance. With none of the rules set there are none, and plans are scored
 * exactly as without them.
 */
final class PracticeRules {

    private PracticeRules() {
    }

    /** Facility id to its site; empty when neither a PNS floor nor a departure limit is set. */
    static Map<String, Site> sites(Snapshot snapshot, Map<String, Job> jobs, Map<String, Facility> facilities) {
        Policy policy = snapshot.policy();
        boolean floors = policy.minPnsByKind() != null && !policy.minPnsByKind().isEmpty();
        if (!floors && policy.maxDeparturesPerFacility() == null) {
            return Map.of();
        }
        // The floor is at most the PNS staying in service there before the plan, all jobs together.
        Map<String, Integer> pns = new HashMap<>();
        for (Staff staff : snapshot.staff()) {
            if (staff.employment() == Employment.PNS
                    && Rules.leaving(staff, jobs.get(staff.job()), snapshot.planningDate()).isEmpty()) {
                pns.merge(staff.facility(), 1, Integer::sum);
            }
        }
        int limit = policy.maxDeparturesPerFacility() == null ? Integer.MAX_VALUE : policy.maxDeparturesPerFacility();
        Map<String, Site> sites = new LinkedHashMap<>();
        for (Facility facility : snapshot.facilities()) {
            int floor = facility.status() == FacilityStatus.CLOSING ? 0
                    : Math.min(policy.minPnsOf(facility.kind()), pns.getOrDefault(facility.id(), 0));
            sites.put(facility.id(), new Site(facility, floor, limit));
        }
        return sites;
    }

    /**
     * Gives each placed person whose spouse also stays in service their {@link Spouse}; nothing without
     * spouseMaxKm. A spouse without any eligible formation stays where they are: a fixed point.
     */
    static void addSpouses(Policy policy, List<Placement> placements, List<Unplaceable> unplaceable,
            Map<String, Facility> facilities) {
        Double maxKm = policy.spouseMaxKm();
        if (maxKm == null) {
            return;
        }
        Map<String, Location> placed = new HashMap<>();
        placements.forEach(placement -> placed.put(placement.getStaffId(), placement.getCurrentFacility().location()));
        Map<String, Location> fixed = new HashMap<>();
        unplaceable.forEach(person -> fixed.put(person.staff().id(),
                facilities.get(person.staff().facility()).location()));
        for (Placement placement : placements) {
            String spouseId = placement.getStaff().spouseId();
            if (spouseId == null) {
                continue;
            }
            Location own = placement.getCurrentFacility().location();
            Location theirs = placed.get(spouseId);
            if (theirs != null) {
                placement.setSpouse(new Spouse(spouseId, null, Math.max(maxKm, Geo.km(own, theirs))));
            } else if (fixed.containsKey(spouseId)) {
                theirs = fixed.get(spouseId);
                placement.setSpouse(new Spouse(null, theirs, Math.max(maxKm, Geo.km(own, theirs))));
            }
        }
    }
}
