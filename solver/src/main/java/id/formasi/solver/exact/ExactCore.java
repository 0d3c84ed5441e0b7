package id.formasi.solver.exact;

import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.domain.StaffingPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact optimum of the plan's separable part, as a minimum-cost flow. People who share a facility,
 * job, qualifications, rotation status and previous post are interchangeable here, so they form one
 * supply node. Each post drains to the sink in three tiers: its minimum positions earn the shortage
 * weight, the positions up to cap are free, and every person above cap costs a hard violation. Big-M
 * weights make the three levels lexicographic.
 *
 * <p>With {@code withPolicyTerms} the arc costs also hold the rotation discount, the change from the
 * previous plan and fairness across facilities (a convex cost per unfilled position), so the result is
 * exact for those too. Distance from home (personal) and fairness across districts (couples posts) are
 * left to local search.
 */
public final class ExactCore {

    private ExactCore() {
    }

    /**
     * Sets every unpinned placement's post to an optimal one and returns the plan's core levels.
     *
     * @param withPolicyTerms false for the contract's three levels only, the certificate's optimum
     */
    public static CoreLevels optimize(StaffingPlan plan, boolean withPolicyTerms) {
        Map<String, List<Placement>> classes = new LinkedHashMap<>();
        Map<Post, Integer> pinnedCount = new IdentityHashMap<>();
        for (Placement placement : plan.placements()) {
            if (placement.pinned()) {
                pinnedCount.merge(placement.getPost(), 1, Integer::sum);
            } else {
                classes.computeIfAbsent(classKey(placement), key -> new ArrayList<>()).add(placement);
            }
        }
        List<Post> posts = plan.posts();
        Map<Post, Integer> postNode = new IdentityHashMap<>();
        int source = 0;
        int sink = 1;
        for (int i = 0; i < posts.size(); i++) {
            postNode.put(posts.get(i), 2 + i);
        }
        int firstClassNode = 2 + posts.size();
        MinCostFlow flow = new MinCostFlow(firstClassNode + classes.size());

        long supply = plan.placements().size();
        long softBound = 1;
        List<List<Placement>> classList = new ArrayList<>(classes.values());
        long[][] arcCosts = new long[classList.size()][];
        for (int c = 0; c < classList.size(); c++) {
            Placement representative = classList.get(c).getFirst();
            List<Post> eligible = representative.getEligiblePosts();
            long[] costs = new long[eligible.size()];
            long worst = 0;
            for (int e = 0; e < eligible.size(); e++) {
                costs[e] = softCost(representative, eligible.get(e), withPolicyTerms);
                worst = Math.max(worst, Math.abs(costs[e]));
            }
            arcCosts[c] = costs;
            softBound = Math.addExact(softBound, Math.multiplyExact(worst, classList.get(c).size()));
        }
        long mediumBound = 1;
        for (Post post : posts) {
            int weight = withPolicyTerms ? post.facilityFairnessWeight() : 0;
            softBound = Math.addExact(softBound, (long) weight * post.minimum() * post.minimum());
            mediumBound = Math.addExact(mediumBound, (long) post.priority() * post.minimum());
        }
        long medium = softBound;
        long hard = Math.addExact(Math.multiplyExact(mediumBound, medium), softBound);
        Math.multiplyExact(hard, supply + 1); // the total must fit in a long

        for (Post post : posts) {
            int node = postNode.get(post);
            int weight = withPolicyTerms ? post.facilityFairnessWeight() : 0;
            long shortageReward = -post.priority() * medium;
            if (weight == 0) {
                if (post.minimum() > 0) {
                    flow.addArc(node, sink, post.minimum(), shortageReward);
                }
            } else {
                // Filling the k-th minimum position lowers weight * unfilled^2 by weight * (2 * (min - k) + 1).
                for (int k = 1; k <= post.minimum(); k++) {
                    flow.addArc(node, sink, 1, shortageReward - (long) weight * (2L * (post.minimum() - k) + 1));
                }
            }
            if (post.cap() > post.minimum()) {
                flow.addArc(node, sink, post.cap() - post.minimum(), 0);
            }
            flow.addArc(node, sink, supply, hard);
        }
        pinnedCount.forEach((post, count) -> flow.addArc(source, postNode.get(post), count, 0));
        int[][] classArcs = new int[classList.size()][];
        for (int c = 0; c < classList.size(); c++) {
            int node = firstClassNode + c;
            List<Placement> members = classList.get(c);
            flow.addArc(source, node, members.size(), 0);
            List<Post> eligible = members.getFirst().getEligiblePosts();
            classArcs[c] = new int[eligible.size()];
            for (int e = 0; e < eligible.size(); e++) {
                classArcs[c][e] = flow.addArc(node, postNode.get(eligible.get(e)), members.size(), arcCosts[c][e]);
            }
        }
        long sent = flow.solve(source, sink, supply);
        if (sent != supply) {
            throw new IllegalStateException("flow placed " + sent + " of " + supply + " people");
        }
        for (int c = 0; c < classList.size(); c++) {
            List<Post> eligible = classList.get(c).getFirst().getEligiblePosts();
            Map<Post, Integer> targets = new LinkedHashMap<>();
            for (int e = 0; e < eligible.size(); e++) {
                long amount = flow.flow(classArcs[c][e]);
                if (amount > 0) {
                    targets.put(eligible.get(e), (int) amount);
                }
            }
            assignMembers(classList.get(c), targets);
        }
        return CoreLevels.of(plan);
    }

    /** Interchangeable people share everything the flow sees; home distance picks who goes where. */
    private static void assignMembers(List<Placement> members, Map<Post, Integer> targets) {
        List<Placement> open = new ArrayList<>(members);
        Post current = members.getFirst().current();
        Integer staying = current == null ? null : targets.remove(current);
        List<Map.Entry<Post, Integer>> moves = new ArrayList<>(targets.entrySet());
        // Each move goes to whoever it takes least far from home; the rest stay.
        for (Map.Entry<Post, Integer> move : moves) {
            Post post = move.getKey();
            open.sort(Comparator.comparingLong(placement -> placement.homeDistancePenaltyAt(post)));
            for (int i = 0; i < move.getValue(); i++) {
                open.removeFirst().setPost(post);
            }
        }
        int stayCount = staying == null ? 0 : staying;
        if (open.size() != stayCount) {
            throw new IllegalStateException("class flow does not match its size");
        }
        open.forEach(placement -> placement.setPost(current));
    }

    static long softCost(Placement placement, Post post, boolean withPolicyTerms) {
        long cost = placement.disruptionAt(post);
        if (withPolicyTerms) {
            cost += placement.changeFromPreviousAt(post) - placement.rotationDiscountAt(post);
        }
        return cost;
    }

    private static String classKey(Placement placement) {
        String current = placement.current() == null ? "-" : placement.current().id();
        List<String> qualified = new ArrayList<>(placement.staff().alsoQualifiedFor());
        qualified.sort(null);
        return placement.currentFacility().id() + '|' + current + '|' + placement.staff().job() + '|' + qualified
                + '|' + placement.rotationDue() + '|' + (placement.previous() == null ? "-" : placement.previous().id());
    }
}
