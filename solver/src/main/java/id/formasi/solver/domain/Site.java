package id.formasi.solver.domain;

import id.formasi.solver.snapshot.Facility;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A facility as the rules of mutasi practice see it: the PNS it keeps after the plan and how many people may
 * leave it for another facility. Shared by the facility's posts, the placements of its people and those who
 * stay there without any eligible formation.
 *
 * @param pnsFloor       PNS the facility keeps: min(k of its kind, its PNS staying in service), 0 for none
 * @param departureLimit people who may leave it for another facility; Integer.MAX_VALUE for no limit
 */
public record Site(Facility facility, int pnsFloor, int departureLimit) {

    /** No floor, no limit: for plans built without the practice rules. */
    public static final Site NONE = new Site(null, 0, Integer.MAX_VALUE);

    public boolean hasPnsFloor() {
        return pnsFloor > 0;
    }

    /** PNS below the floor when {@code pns} PNS work here after the plan (those without a formation included). */
    public long pnsShort(long pns) {
        return Math.max(0, pnsFloor - pns);
    }

    public boolean limitsDepartures() {
        return departureLimit != Integer.MAX_VALUE;
    }

    /** Departures beyond the limit. */
    public long departuresOver(long departures) {
        return Math.max(0, departures - departureLimit);
    }

    /** The PNS who stay at each site outside the planning variable, having no eligible formation at all. */
    public static Map<Site, Long> fixedPns(List<Unplaceable> unplaceable) {
        Map<Site, Long> fixed = new IdentityHashMap<>();
        for (Unplaceable person : unplaceable) {
            if (person.isPns()) {
                fixed.merge(person.site(), 1L, Long::sum);
            }
        }
        return fixed;
    }

    /**
     * The PNS each floored site still needs placed by the plan, beyond those who stay there without any
     * eligible formation; sites that need none are left out.
     */
    public static Map<Site, Long> pnsNeeded(List<Site> sites, List<Unplaceable> unplaceable) {
        Map<Site, Long> fixed = fixedPns(unplaceable);
        Map<Site, Long> needed = new IdentityHashMap<>();
        for (Site site : sites) {
            long need = site.pnsShort(fixed.getOrDefault(site, 0L));
            if (need > 0) {
                needed.put(site, need);
            }
        }
        return needed;
    }

    @Override
    public String toString() {
        return facility == null ? "Site[none]" : "Site[" + facility.id() + "]";
    }
}
