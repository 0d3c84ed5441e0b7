package id.formasi.solver.domain;

import id.formasi.solver.snapshot.Facility;

/**
 * A facility as the rules of mutasi practice see it: the PNS it keeps after the plan and how many people may
 * leave it for another facility. Shared by the facility's posts and by the placements of its people, so that
 * constraints group by it by identity.
 */
public final class Site {

    /** No floor, no limit: for plans built without the practice rules. */
    public static final Site NONE = new Site(null, 0, Integer.MAX_VALUE);

    private final Facility facility;
    private final int pnsFloor;
    /** Counted while the problem is built, as people without any eligible formation are found. */
    private int fixedPns;
    private final int departureLimit;

    /**
     * @param pnsFloor       PNS the facility keeps: min(k of its kind, its PNS staying in service), 0 for none
     * @param departureLimit people who may leave it for another facility; Integer.MAX_VALUE for no limit
     */
    public Site(Facility facility, int pnsFloor, int departureLimit) {
        this.facility = facility;
        this.pnsFloor = pnsFloor;
        this.departureLimit = departureLimit;
    }

    public Facility facility() {
        return facility;
    }

    public int pnsFloor() {
        return pnsFloor;
    }

    /** A PNS who stays here outside the planning variable (no eligible formation at all). */
    public void addFixedPns() {
        fixedPns++;
    }

    public boolean hasPnsFloor() {
        return pnsFloor > fixedPns;
    }

    /** PNS below the floor when {@code placedPns} PNS are placed here (besides the fixed ones). */
    public long pnsShort(long placedPns) {
        return Math.max(0, pnsFloor - fixedPns - placedPns);
    }

    public int departureLimit() {
        return departureLimit;
    }

    public boolean limitsDepartures() {
        return departureLimit != Integer.MAX_VALUE;
    }

    /** Departures beyond the limit. */
    public long departuresOver(long departures) {
        return Math.max(0, departures - departureLimit);
    }

    @Override
    public String toString() {
        return facility == null ? "Site[none]" : "Site[" + facility.id() + "]";
    }
}
