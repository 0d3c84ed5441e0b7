package id.formasi.solver.domain;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The planning problem and its solution: every post, every placement, and who cannot be placed at all.
 * JavaBean accessors: Timefold 2.2 reads the entity collection and the score only through public
 * getters (and sets the score through a setter); {@code PlanningClassesTest} holds that.
 */
@PlanningSolution
public class StaffingPlan {

    @ProblemFactCollectionProperty
    private List<Post> posts;
    @ProblemFactCollectionProperty
    private List<Unplaceable> unplaceable;
    @ProblemFactCollectionProperty
    private List<Site> sites;
    @PlanningEntityCollectionProperty
    private List<Placement> placements;
    @PlanningScore
    private HardMediumSoftScore score;
    /** None but while the search around a held plan runs (Planner): the rules of mutasi practice weigh more then. */
    private ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides = ConstraintWeightOverrides.none();

    /** For Timefold's solution cloner. */
    public StaffingPlan() {
    }

    public StaffingPlan(List<Post> posts, List<Placement> placements, List<Unplaceable> unplaceable) {
        this(posts, placements, unplaceable, List.of());
    }

    /** @param sites the facilities as the practice rules see them; empty without those rules */
    public StaffingPlan(List<Post> posts, List<Placement> placements, List<Unplaceable> unplaceable,
            List<Site> sites) {
        this.sites = sites;
        this.posts = posts;
        this.placements = placements;
        this.unplaceable = unplaceable;
    }

    public List<Post> getPosts() {
        return posts;
    }

    public List<Placement> getPlacements() {
        return placements;
    }

    public List<Site> getSites() {
        return sites;
    }

    public List<Unplaceable> getUnplaceable() {
        return unplaceable;
    }

    /** The score Timefold last wrote into this solution, or null before it scored it. */
    /**
     * How many people each post holds, people without room left out: the count every level and reason
     * reads (the constraint streams count the same in {@code FormasiConstraints.placedPerPost}).
     */
    public Map<Post, Integer> placedPerPost() {
        Map<Post, Integer> placed = new IdentityHashMap<>();
        for (Placement placement : placements) {
            if (!placement.isNoRoom()) {
                placed.merge(placement.getPost(), 1, Integer::sum);
            }
        }
        return placed;
    }

    /** Every placement's post, in the placements' order: to try another plan and come back to this one. */
    public List<Post> assignedPosts() {
        List<Post> assigned = new ArrayList<>(placements.size());
        placements.forEach(placement -> assigned.add(placement.getPost()));
        return assigned;
    }

    /** Puts every placement back on the post {@link #assignedPosts} gave, of this plan or of a clone of it. */
    public void assign(List<Post> assigned) {
        for (int i = 0; i < assigned.size(); i++) {
            placements.get(i).setPost(assigned.get(i));
        }
    }

    public ConstraintWeightOverrides<HardMediumSoftScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardMediumSoftScore> overrides) {
        this.constraintWeightOverrides = overrides;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}
