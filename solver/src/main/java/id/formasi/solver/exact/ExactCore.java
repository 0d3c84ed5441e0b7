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
 * weights make the three levels lexicographic. Someone who must move may instead stay outside any
 * formation, straight to the sink at the price of one hard violation.
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
        List<List<Placement>> classList = new ArrayList<>(classes.values());
        long supply = plan.placements().size();
        long softBound = 1;
        long[][] arcCosts = new long[classList.size()][];
        boolean[][] candidate = new boolean[classList.size()][];
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
            candidate[c] = cheapest(representative, eligible, costs);
            softBound = Math.addExact(softBound, Math.multiplyExact(worst, classList.get(c).size()));
        }
        long mediumBound = 1;
        for (Post post : plan.posts()) {
            int weight = withPolicyTerms ? post.facilityFairnessWeight() : 0;
            softBound = Math.addExact(softBound, (long) weight * post.minimum() * post.minimum());
            mediumBound = Math.addExact(mediumBound, (long) post.priority() * post.minimum());
        }
        long medium = softBound;
        long hard = Math.addExact(Math.multiplyExact(mediumBound, medium), softBound);
        Math.multiplyExact(hard, supply + 1); // the total must fit in a long
        for (int c = 0; c < classList.size(); c++) {
            List<Post> eligible = classList.get(c).getFirst().getEligiblePosts();
            for (int e = 0; e < eligible.size(); e++) {
                if (eligible.get(e).isUnplaced()) {
                    arcCosts[c][e] += hard; // staying outside any formation: one hard violation each
                }
            }
        }

        // Far posts are rarely worth an arc: solve on the cheapest ones, then price the rest against the
        // flow's potentials and add any that could lower the cost, until none can (the result is exact).
        while (true) {
            Network network = new Network(plan.posts(), classList, pinnedCount, candidate, arcCosts,
                    withPolicyTerms, medium, hard, supply);
            long sent = network.flow.solve(Network.SOURCE, Network.SINK, supply);
            if (sent != supply) {
                throw new IllegalStateException("flow placed " + sent + " of " + supply + " people");
            }
            if (!network.addImprovingArcs()) {
                network.assign();
                return CoreLevels.of(plan);
            }
        }
    }

    /** Candidate arcs of a class: its cheapest eligible posts, its current and its previous post. */
    private static boolean[] cheapest(Placement representative, List<Post> eligible, long[] costs) {
        boolean[] chosen = new boolean[eligible.size()];
        Integer[] order = new Integer[eligible.size()];
        for (int e = 0; e < order.length; e++) {
            order[e] = e;
        }
        java.util.Arrays.sort(order, Comparator.comparingLong(e -> costs[e]));
        for (int i = 0; i < Math.min(CANDIDATES, order.length); i++) {
            chosen[order[i]] = true;
        }
        for (int e = 0; e < eligible.size(); e++) {
            Post post = eligible.get(e);
            if (post == representative.current() || post == representative.previous() || post.isUnplaced()) {
                chosen[e] = true;
            }
        }
        return chosen;
    }

    /** How many of its cheapest posts a class starts with; pricing adds more where they pay. */
    static final int CANDIDATES = 16;

    /** One flow network over the candidate arcs, and what its solution says. */
    private static final class Network {
        static final int SOURCE = 0;
        static final int SINK = 1;

        final MinCostFlow flow;
        private final List<List<Placement>> classList;
        private final boolean[][] candidate;
        private final long[][] arcCosts;
        private final Map<Post, Integer> postNode = new IdentityHashMap<>();
        private final int firstClassNode;
        private final int[][] classArcs;

        Network(List<Post> posts, List<List<Placement>> classList, Map<Post, Integer> pinnedCount,
                boolean[][] candidate, long[][] arcCosts, boolean withPolicyTerms, long medium, long hard,
                long supply) {
            this.classList = classList;
            this.candidate = candidate;
            this.arcCosts = arcCosts;
            for (int i = 0; i < posts.size(); i++) {
                postNode.put(posts.get(i), 2 + i);
            }
            postNode.put(Post.UNPLACED, SINK);
            firstClassNode = 2 + posts.size();
            flow = new MinCostFlow(firstClassNode + classList.size());
            for (Post post : posts) {
                int node = postNode.get(post);
                int weight = withPolicyTerms ? post.facilityFairnessWeight() : 0;
                long shortageReward = -post.priority() * medium;
                if (weight == 0) {
                    if (post.minimum() > 0) {
                        flow.addArc(node, SINK, post.minimum(), shortageReward);
                    }
                } else {
                    // Filling the k-th minimum position lowers weight * unfilled^2 by weight * (2 * (min - k) + 1).
                    for (int k = 1; k <= post.minimum(); k++) {
                        flow.addArc(node, SINK, 1, shortageReward - (long) weight * (2L * (post.minimum() - k) + 1));
                    }
                }
                if (post.cap() > post.minimum()) {
                    flow.addArc(node, SINK, post.cap() - post.minimum(), 0);
                }
                flow.addArc(node, SINK, supply, hard);
            }
            pinnedCount.forEach((post, count) -> flow.addArc(SOURCE, postNode.get(post), count, 0));
            classArcs = new int[classList.size()][];
            for (int c = 0; c < classList.size(); c++) {
                int node = firstClassNode + c;
                List<Placement> members = classList.get(c);
                flow.addArc(SOURCE, node, members.size(), 0);
                List<Post> eligible = members.getFirst().getEligiblePosts();
                classArcs[c] = new int[eligible.size()];
                for (int e = 0; e < eligible.size(); e++) {
                    classArcs[c][e] = candidate[c][e]
                            ? flow.addArc(node, postNode.get(eligible.get(e)), members.size(), arcCosts[c][e])
                            : -1;
                }
            }
        }

        /** Marks every left-out arc with a negative reduced cost as a candidate; true when there was one. */
        boolean addImprovingArcs() {
            boolean added = false;
            for (int c = 0; c < classList.size(); c++) {
                List<Post> eligible = classList.get(c).getFirst().getEligiblePosts();
                long classPotential = flow.potential(firstClassNode + c);
                for (int e = 0; e < eligible.size(); e++) {
                    if (!candidate[c][e]
                            && arcCosts[c][e] + classPotential - flow.potential(postNode.get(eligible.get(e))) < 0) {
                        candidate[c][e] = true;
                        added = true;
                    }
                }
            }
            return added;
        }

        void assign() {
            for (int c = 0; c < classList.size(); c++) {
                List<Post> eligible = classList.get(c).getFirst().getEligiblePosts();
                Map<Post, Integer> targets = new LinkedHashMap<>();
                for (int e = 0; e < eligible.size(); e++) {
                    long amount = classArcs[c][e] < 0 ? 0 : flow.flow(classArcs[c][e]);
                    if (amount > 0) {
                        targets.put(eligible.get(e), (int) amount);
                    }
                }
                assignMembers(classList.get(c), targets);
            }
        }
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
