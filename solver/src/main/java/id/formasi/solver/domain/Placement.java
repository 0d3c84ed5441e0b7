package id.formasi.solver.domain;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import id.formasi.solver.snapshot.Employment;
import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Geo;
import id.formasi.solver.snapshot.Location;
import id.formasi.solver.snapshot.Staff;
import java.util.List;

/**
 * Where one person in service works after the plan. People who stay by rule (fixed) or by a planner's
 * pin are pinned; everyone else may take any of their eligible posts. JavaBean accessors throughout:
 * Timefold 2.2 reads a planning variable only through a public getter and setter (PlanningClassesTest).
 */
@PlanningEntity
public class Placement {

    @PlanningId
    private String staffId;
    private Staff staff;
    private Facility currentFacility;
    /** The formation the person holds today, or null when their facility has none for their job. */
    private Post current;
    @ValueRangeProvider
    private List<Post> eligiblePosts;
    /** Where the previous plan put this person, or null without one. */
    private Post previous;
    private Costs costs;
    private boolean rotationDue;
    @PlanningPin
    private boolean pinned;
    private Site currentSite;
    /** Null without a spouse in service or without policy.spouseMaxKm. */
    private Spouse spouse;
    /**
     * Rounded km from the current facility to each facility, by the posts' facility index; shared by everyone
     * at that facility. A province plan prices tens of millions of arcs, each a distance. Null outside a
     * problem built from a snapshot: km are then computed.
     */
    private int[] kmFromCurrent;
    /** Rounded km from home to the current facility, or -1 without a home. */
    private long homeKmToCurrent;

    @PlanningVariable
    private Post post;

    public Placement() {
    }

    public Placement(Staff staff, Facility currentFacility, Post current, List<Post> eligiblePosts, Post previous,
            Costs costs, boolean rotationDue, boolean pinned, Post post) {
        this(staff, currentFacility, current, eligiblePosts, previous, costs, rotationDue, pinned, post, Site.NONE,
                null);
    }

    public Placement(Staff staff, Facility currentFacility, Post current, List<Post> eligiblePosts, Post previous,
            Costs costs, boolean rotationDue, boolean pinned, Post post, Site currentSite, int[] kmFromCurrent) {
        this.currentSite = currentSite;
        this.kmFromCurrent = kmFromCurrent;
        this.homeKmToCurrent = staff.home() == null ? -1 : Geo.roundedKm(staff.home(), currentFacility.location());
        this.staffId = staff.id();
        this.staff = staff;
        this.currentFacility = currentFacility;
        this.current = current;
        this.eligiblePosts = List.copyOf(eligiblePosts);
        this.previous = previous;
        this.costs = costs;
        this.rotationDue = rotationDue;
        this.pinned = pinned;
        this.post = post;
    }

    public String getStaffId() {
        return staffId;
    }

    public Staff getStaff() {
        return staff;
    }

    public Facility getCurrentFacility() {
        return currentFacility;
    }

    public Post getCurrent() {
        return current;
    }

    public List<Post> getEligiblePosts() {
        return eligiblePosts;
    }

    public Post getPrevious() {
        return previous;
    }

    public Costs getCosts() {
        return costs;
    }

    public boolean isRotationDue() {
        return rotationDue;
    }

    public boolean isPinned() {
        return pinned;
    }

    public int[] getKmFromCurrent() {
        return kmFromCurrent;
    }

    public long getHomeKmToCurrent() {
        return homeKmToCurrent;
    }

    public Post getPost() {
        return post;
    }

    public void setPost(Post post) {
        this.post = post;
    }

    /** A move is a change of facility or of job; staying outside any formation is not a move. */
    public boolean isMoved() {
        return isMovedTo(post);
    }

    public boolean isMovedTo(Post target) {
        return target != current && !target.isNoRoom();
    }

    /** Whether the person must move but found no room, so stays where they are without a formation. */
    public boolean isNoRoom() {
        return post.isNoRoom();
    }

    public Site getCurrentSite() {
        return currentSite;
    }

    /** Where the person works after the plan: the post's facility, or their own when left outside. */
    public Site siteAfter() {
        return post.isNoRoom() ? currentSite : post.getSite();
    }

    public Location locationAfter() {
        return post.isNoRoom() ? currentFacility.location() : post.getFacility().location();
    }

    public boolean isPns() {
        return staff.employment() == Employment.PNS;
    }

    /** People at a closing facility, or without a formation for their job there, must move. */
    public boolean mustMove() {
        return current == null || currentFacility.status() == FacilityStatus.CLOSING;
    }

    /** A departure: someone who need not move goes to another facility. */
    public boolean departs() {
        return !mustMove() && !post.isNoRoom() && !post.getFacility().id().equals(currentFacility.id());
    }

    /** Set once while the problem is built, when both spouses are known. */
    public void setSpouse(Spouse spouse) {
        this.spouse = spouse;
    }

    public Spouse getSpouse() {
        return spouse;
    }

    /** The spouse's id when the spouse is placed too, for joining the two; null otherwise. */
    public String spouseStaffId() {
        return spouse == null ? null : spouse.staffId();
    }

    /** Whether this person works too far from a spouse whom nothing can move. */
    public boolean tooFarFromFixedSpouse() {
        return spouse != null && spouse.fixedAt() != null && spouse.tooFar(Geo.km(locationAfter(), spouse.fixedAt()));
    }

    /** Whether this person and their placed spouse work too far apart. */
    public boolean tooFarFrom(Placement other) {
        return spouse != null && spouse.tooFar(Geo.km(locationAfter(), other.locationAfter()));
    }

    /** Rounded great-circle km from the current facility to the post. */
    public long kmTo(Post target) {
        if (kmFromCurrent != null && target.getFacilityIndex() >= 0) {
            return kmFromCurrent[target.getFacilityIndex()];
        }
        return Geo.roundedKm(currentFacility.location(), target.getFacility().location());
    }

    /** The contract's disruption of putting this person on the post: moveCost + rounded km, 0 to stay. */
    public long disruptionAt(Post target) {
        return isMovedTo(target) ? costs.moveCost() + kmTo(target) : 0;
    }

    public long disruption() {
        return disruptionAt(post);
    }

    /** Moves of people due for rotation cost less, but never below zero. */
    public long rotationDiscountAt(Post target) {
        return rotationDue && isMovedTo(target) ? Math.min(costs.rotationDiscount(), disruptionAt(target)) : 0;
    }

    public long rotationDiscount() {
        return rotationDiscountAt(post);
    }

    /** Km a move takes the person farther from home, times its weight; 0 for staying or without a home. */
    public long homeDistancePenaltyAt(Post target) {
        Location home = staff.home();
        if (home == null || !isMovedTo(target) || costs.homeDistanceWeight() == 0) {
            return 0;
        }
        long farther = Geo.roundedKm(home, target.getFacility().location()) - homeKmToCurrent;
        return costs.homeDistanceWeight() * Math.max(0, farther);
    }

    public long homeDistancePenalty() {
        return homeDistancePenaltyAt(post);
    }

    /** Placing someone elsewhere than the previous plan did costs its weight. */
    public long changeFromPreviousAt(Post target) {
        return previous != null && target != previous ? costs.keepPreviousWeight() : 0;
    }

    public long changeFromPrevious() {
        return changeFromPreviousAt(post);
    }

    @Override
    public String toString() {
        return "Placement[" + (current == null ? currentFacility.id() : current.getId()) + " -> " + post + "]";
    }
}
