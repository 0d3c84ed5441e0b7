package id.formasi.solver.rules;

import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.domain.StaffingPlan;
import id.formasi.solver.snapshot.Snapshot;
import java.util.List;
import java.util.Map;

/**
 * A snapshot turned into a planning problem: the Timefold solution (posts, placements with their eligible
 * posts, who cannot be placed) and who leaves.
 *
 * @param currentCount people in service at each post today (before the plan, after leaving)
 * @param beforeCount  people at each post in the snapshot, those who leave included
 */
public record Problem(
        Snapshot snapshot,
        StaffingPlan plan,
        List<Leaving> leaving,
        Map<String, Post> postsById,
        Map<Post, Integer> beforeCount,
        Map<Post, Integer> currentCount) {

    public Post post(String facilityId, String job) {
        return postsById.get(facilityId + "/" + job);
    }

    public List<Placement> placements() {
        return plan.getPlacements();
    }
}
