package id.formasi.solver.domain;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Job;
import id.formasi.solver.snapshot.Location;
import id.formasi.solver.snapshot.Sector;
import java.util.List;

/**
 * One formation as a place to put people: a job at a facility with its cap, minimum and priority.
 * Posts are the values of the planning variable. JavaBean accessors, like the other planning classes.
 */
public final class Post {

    /**
     * No room: not a formation. Someone who must move but finds no eligible formation with room stays where
     * they are, outside any formation, at one hard violation (the contract's "they stay where they are").
     * In the plan document this is the violation {@code NO_FORMATION_WITH_ROOM}.
     */
    public static final Post NO_ROOM = new Post(
            new Facility("-", "tanpa formasi / no formation", "-", "-", new Location(0, 0), FacilityStatus.OPEN, List.of()),
            new Job("-", "-", Sector.OTHER, 60), 0, 0, 1, new District("-", 0), 0);

    @PlanningId
    private final String id;
    private final Facility facility;
    private final Job job;
    private final int cap;
    private final int minimum;
    private final int priority;
    private final District district;
    private final int facilityFairnessWeight;
    private final Site site;
    /** The facility's row in the problem's distance table, or -1 outside one (km are then computed). */
    private final int facilityIndex;

    public Post(Facility facility, Job job, int cap, int minimum, int priority, District district,
            int facilityFairnessWeight) {
        this(facility, job, cap, minimum, priority, district, facilityFairnessWeight, Site.NONE, -1);
    }

    public Post(Facility facility, Job job, int cap, int minimum, int priority, District district,
            int facilityFairnessWeight, Site site, int facilityIndex) {
        this.site = site;
        this.facilityIndex = facilityIndex;
        this.id = facility.id() + "/" + job.code();
        this.facility = facility;
        this.job = job;
        this.cap = cap;
        this.minimum = minimum;
        this.priority = priority;
        this.district = district;
        this.facilityFairnessWeight = facilityFairnessWeight;
    }

    public String getId() {
        return id;
    }

    public Facility getFacility() {
        return facility;
    }

    public Job getJob() {
        return job;
    }

    public int getCap() {
        return cap;
    }

    public int getMinimum() {
        return minimum;
    }

    public int getPriority() {
        return priority;
    }

    /** The facility as the practice rules see it. */
    public Site getSite() {
        return site;
    }

    public District getDistrict() {
        return district;
    }

    public int getFacilityIndex() {
        return facilityIndex;
    }

    public boolean isNoRoom() {
        return this == NO_ROOM;
    }

    /** Minimum positions left empty when {@code placed} people hold this post. */
    public long unfilled(long placed) {
        return Math.max(0, minimum - placed);
    }

    /** People beyond the cap when {@code placed} people hold this post. */
    public long overCap(long placed) {
        return Math.max(0, placed - cap);
    }

    /** The contract's shortage of this formation: priority times its unfilled minimum positions. */
    public long shortage(long placed) {
        return priority * unfilled(placed);
    }

    /** Fairness across facilities: a gap left whole in one place weighs more than the same gap spread. */
    public long fairnessPenalty(long placed) {
        long unfilled = unfilled(placed);
        return facilityFairnessWeight * unfilled * unfilled;
    }

    public int getFacilityFairnessWeight() {
        return facilityFairnessWeight;
    }

    @Override
    public String toString() {
        return id;
    }
}
