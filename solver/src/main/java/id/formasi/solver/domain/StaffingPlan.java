package id.formasi.solver.domain;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.List;

/** The planning problem and its solution: every post, every placement, and who cannot be placed at all. */
@PlanningSolution
public class StaffingPlan {

    @ProblemFactCollectionProperty
    private List<Post> posts;
    @ProblemFactCollectionProperty
    private List<Unplaceable> unplaceable;
    @PlanningEntityCollectionProperty
    private List<Placement> placements;
    @PlanningScore
    private HardMediumSoftScore score;

    public StaffingPlan() {
    }

    public StaffingPlan(List<Post> posts, List<Placement> placements, List<Unplaceable> unplaceable) {
        this.posts = posts;
        this.placements = placements;
        this.unplaceable = unplaceable;
    }

    public List<Post> posts() {
        return posts;
    }

    /** Timefold reads the annotated collections through JavaBean getters. */
    public List<Post> getPosts() {
        return posts;
    }

    public List<Placement> getPlacements() {
        return placements;
    }

    public List<Unplaceable> getUnplaceable() {
        return unplaceable;
    }

    public List<Placement> placements() {
        return placements;
    }

    public List<Unplaceable> unplaceable() {
        return unplaceable;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}
