package id.formasi.solver.exact;

import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.domain.StaffingPlan;
import java.util.Map;

/**
 * The contract's three levels of a plan, counted directly from its placements: hard (people above cap,
 * plus people left without a formation), shortage (priority times unfilled minimum) and disruption
 * (move cost plus rounded km of every move).
 */
public record CoreLevels(long hard, long shortage, long disruption) {

    public static CoreLevels of(StaffingPlan plan) {
        Map<Post, Integer> placed = plan.placedPerPost();
        long hard = plan.getUnplaceable().size();
        long disruption = 0;
        for (Placement placement : plan.getPlacements()) {
            hard += placement.isNoRoom() ? 1 : 0;
            disruption += placement.disruption();
        }
        long shortage = 0;
        for (Post post : plan.getPosts()) {
            int count = placed.getOrDefault(post, 0);
            hard += post.overCap(count);
            shortage += post.shortage(count);
        }
        return new CoreLevels(hard, shortage, disruption);
    }

    /** Lexicographic order: hard first, then shortage, then disruption; fewer is better. */
    public int compareTo(CoreLevels other) {
        int byHard = Long.compare(hard, other.hard);
        if (byHard != 0) {
            return byHard;
        }
        int byShortage = Long.compare(shortage, other.shortage);
        return byShortage != 0 ? byShortage : Long.compare(disruption, other.disruption);
    }
}
