package id.formasi.solver.plan;

import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.domain.StaffingPlan;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Who could have gone where, counted per post in one pass over every placement's eligible posts, so that
 * explaining thousands of unfilled formations costs no more than reading the plan once (looping over all
 * placements for each unfilled formation took minutes at province scale).
 */
final class Candidates {

    /** Unpinned people elsewhere who are eligible for an unfilled post, and how many of them are needed where they are. */
    record Unfilled(int eligible, int needed) {
    }

    /** Of the people on a post: how many are fixed there, and how many could fill a shortage elsewhere. */
    record Holders(int fixed, int couldFillAShortage) {
    }

    private final Map<Post, int[]> unfilled = new IdentityHashMap<>();
    private final Map<Post, int[]> holders = new IdentityHashMap<>();

    Candidates(StaffingPlan plan, Map<Post, Integer> placed) {
        for (Post post : plan.getPosts()) {
            if (placed.getOrDefault(post, 0) < post.getMinimum()) {
                unfilled.put(post, new int[2]);
            }
        }
        for (Placement placement : plan.getPlacements()) {
            Post at = placement.getPost();
            int[] held = holders.computeIfAbsent(at, post -> new int[2]);
            if (placement.isPinned()) {
                held[0]++;
                continue;
            }
            // Needed where they are: their formation is at or below its minimum.
            boolean neededAt = placed.getOrDefault(at, 0) <= at.getMinimum();
            boolean couldFill = false;
            for (Post post : placement.getEligiblePosts()) {
                int[] counts = unfilled.get(post);
                if (counts == null) {
                    continue;
                }
                couldFill = true;
                if (post == at) {
                    continue;
                }
                counts[0]++;
                if (neededAt && at.getPriority() >= post.getPriority()) {
                    counts[1]++;
                }
            }
            if (couldFill) {
                held[1]++;
            }
        }
    }

    /** For a post below its minimum. */
    Unfilled unfilled(Post post) {
        int[] counts = unfilled.getOrDefault(post, new int[2]);
        return new Unfilled(counts[0], counts[1]);
    }

    Holders holders(Post post) {
        int[] counts = holders.getOrDefault(post, new int[2]);
        return new Holders(counts[0], counts[1]);
    }
}
