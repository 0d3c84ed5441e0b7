package id.formasi.solver.exact;

import id.formasi.solver.domain.District;
import id.formasi.solver.domain.Post;

/**
 * The drain of every post to the sink: minimum positions, positions up to cap, people above cap. With the
 * policy terms, a post's minimum positions pass through its district's node when the district's fairness
 * weighs: a convex cost there on the district's filled minimum positions, in series with each post's own.
 */
record Tiers(boolean withPolicyTerms, long medium, long hard, long supply) {

    /** Whether the district's fairness is part of the flow (its posts then share one node). */
    boolean couples(District district) {
        return withPolicyTerms && district.fairnessWeight() > 0;
    }

    /** @param districtNode the post's district node, or -1 when its minimum positions go straight to the sink */
    void add(MinCostFlow flow, int node, int sink, int districtNode, Post post) {
        int weight = withPolicyTerms ? post.getFacilityFairnessWeight() : 0;
        long shortageReward = -post.getPriority() * medium;
        int minimumTo = districtNode < 0 ? sink : districtNode;
        if (weight == 0) {
            if (post.getMinimum() > 0) {
                flow.addArc(node, minimumTo, post.getMinimum(), shortageReward);
            }
        } else {
            // Filling the k-th minimum position lowers weight * unfilled^2 by weight * (2 * (min - k) + 1).
            for (int k = 1; k <= post.getMinimum(); k++) {
                flow.addArc(node, minimumTo, 1, shortageReward - (long) weight * (2L * (post.getMinimum() - k) + 1));
            }
        }
        if (post.getCap() > post.getMinimum()) {
            flow.addArc(node, sink, post.getCap() - post.getMinimum(), 0);
        }
        flow.addArc(node, sink, supply, hard);
    }

    /**
     * The district's node to the sink: filling the j-th of its {@code minimum} positions lowers
     * weight * unfilled^2 by weight * (2 * (minimum - j) + 1); the costs rise with j, so the flow fills them in order.
     */
    static void addDistrict(MinCostFlow flow, int districtNode, int sink, District district, long minimum) {
        for (long j = 1; j <= minimum; j++) {
            flow.addArc(districtNode, sink, 1, -district.fairnessWeight() * (2L * (minimum - j) + 1));
        }
    }

    /** The cost of the post's first, cheapest tier, through its district when it couples. */
    long cheapest(Post post, long districtMinimum) {
        if (post.getMinimum() > 0) {
            int weight = withPolicyTerms ? post.getFacilityFairnessWeight() : 0;
            long own = -post.getPriority() * medium - (long) weight * (2L * post.getMinimum() - 1);
            return couples(post.getDistrict())
                    ? own - post.getDistrict().fairnessWeight() * (2L * districtMinimum - 1) : own;
        }
        return post.getCap() > 0 ? 0 : hard;
    }
}
