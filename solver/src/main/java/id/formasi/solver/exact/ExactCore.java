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

    /** The contract's three levels at their exact optimum; leaves the plan's placements as they were. */
    public static CoreLevels optimum(StaffingPlan plan) {
        List<Post> posts = new ArrayList<>(plan.getPlacements().size());
        plan.getPlacements().forEach(placement -> posts.add(placement.getPost()));
        CoreLevels optimum = optimize(plan, false);
        for (int i = 0; i < posts.size(); i++) {
            plan.getPlacements().get(i).setPost(posts.get(i));
        }
        return optimum;
    }

    /**
     * Whether the policy terms change the flow's costs: without them, the plan's flow is the certificate's.
     */
    public static boolean policyTermsMatter(StaffingPlan plan) {
        for (Placement placement : plan.getPlacements()) {
            if (placement.isPinned()) {
                continue;
            }
            if ((placement.isRotationDue() && placement.getCosts().rotationDiscount() > 0)
                    || (placement.getPrevious() != null && placement.getCosts().keepPreviousWeight() > 0)) {
                return true;
            }
        }
        return plan.getPosts().stream().anyMatch(post -> post.getFacilityFairnessWeight() > 0 && post.getMinimum() > 0);
    }

    /**
     * Sets every unpinned placement's post to an optimal one and returns the plan's core levels.
     *
     * @param withPolicyTerms false for the contract's three levels only, the certificate's optimum
     */
    public static CoreLevels optimize(StaffingPlan plan, boolean withPolicyTerms) {
        Map<String, List<Placement>> classes = new LinkedHashMap<>();
        Map<Post, Integer> pinnedCount = new IdentityHashMap<>();
        for (Placement placement : plan.getPlacements()) {
            if (placement.isPinned()) {
                pinnedCount.merge(placement.getPost(), 1, Integer::sum);
            } else {
                classes.computeIfAbsent(classKey(placement), key -> new ArrayList<>()).add(placement);
            }
        }
        List<List<Placement>> classList = new ArrayList<>(classes.values());
        long supply = plan.getPlacements().size();
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
        for (Post post : plan.getPosts()) {
            int weight = withPolicyTerms ? post.getFacilityFairnessWeight() : 0;
            softBound = Math.addExact(softBound, (long) weight * post.getMinimum() * post.getMinimum());
            mediumBound = Math.addExact(mediumBound, (long) post.getPriority() * post.getMinimum());
        }
        long medium = softBound;
        long hard = Math.addExact(Math.multiplyExact(mediumBound, medium), softBound);
        Math.multiplyExact(hard, supply + 1); // the total must fit in a long
        for (int c = 0; c < classList.size(); c++) {
            List<Post> eligible = classList.get(c).getFirst().getEligiblePosts();
            for (int e = 0; e < eligible.size(); e++) {
                if (eligible.get(e).isNoRoom()) {
                    arcCosts[c][e] += hard; // staying outside any formation: one hard violation each
                }
            }
        }

        // Far posts are rarely worth an arc: solve on the cheapest ones, then price the rest against the
        // flow's potentials and add any that could lower the cost, until none can (the result is exact).
        // People and posts that no candidate arc links are independent: each part is its own, smaller flow.
        Tiers tiers = new Tiers(withPolicyTerms, medium, hard, supply);
        while (true) {
            List<Network> networks = new ArrayList<>();
            Map<Post, Long> postPotential = new IdentityHashMap<>();
            long[] classPotential = new long[classList.size()];
            for (Component component : Component.of(plan.getPosts(), classList, candidate)) {
                if (component.classes().isEmpty() && component.posts().stream().noneMatch(pinnedCount::containsKey)) {
                    continue; // nobody to place; its posts are priced from their tiers
                }
                Network network = new Network(component, classList, pinnedCount, candidate, arcCosts, tiers);
                network.solve();
                network.potentials(postPotential, classPotential);
                networks.add(network);
            }
            if (!addImprovingArcs(classList, candidate, arcCosts, postPotential, classPotential, tiers)) {
                networks.forEach(Network::assign);
                return CoreLevels.of(plan);
            }
        }
    }

    /** Marks every left-out arc with a negative reduced cost as a candidate; true when there was one. */
    private static boolean addImprovingArcs(List<List<Placement>> classList, boolean[][] candidate,
            long[][] arcCosts, Map<Post, Long> postPotential, long[] classPotential, Tiers tiers) {
        boolean added = false;
        for (int c = 0; c < classList.size(); c++) {
            List<Post> eligible = classList.get(c).getFirst().getEligiblePosts();
            for (int e = 0; e < eligible.size(); e++) {
                if (candidate[c][e]) {
                    continue;
                }
                Post post = eligible.get(e);
                // A post in no part's flow holds nobody: its lowest feasible potential comes from its tiers.
                Long potential = postPotential.get(post);
                long target = potential != null ? potential : -tiers.cheapest(post);
                if (arcCosts[c][e] + classPotential[c] - target < 0) {
                    candidate[c][e] = true;
                    added = true;
                }
            }
        }
        return added;
    }

    /** The drain of every post to the sink: minimum positions, positions up to cap, people above cap. */
    private record Tiers(boolean withPolicyTerms, long medium, long hard, long supply) {

        void add(MinCostFlow flow, int node, int sink, Post post) {
            int weight = withPolicyTerms ? post.getFacilityFairnessWeight() : 0;
            long shortageReward = -post.getPriority() * medium;
            if (weight == 0) {
                if (post.getMinimum() > 0) {
                    flow.addArc(node, sink, post.getMinimum(), shortageReward);
                }
            } else {
                // Filling the k-th minimum position lowers weight * unfilled^2 by weight * (2 * (min - k) + 1).
                for (int k = 1; k <= post.getMinimum(); k++) {
                    flow.addArc(node, sink, 1, shortageReward - (long) weight * (2L * (post.getMinimum() - k) + 1));
                }
            }
            if (post.getCap() > post.getMinimum()) {
                flow.addArc(node, sink, post.getCap() - post.getMinimum(), 0);
            }
            flow.addArc(node, sink, supply, hard);
        }

        /** The cost of the post's first, cheapest tier. */
        long cheapest(Post post) {
            if (post.getMinimum() > 0) {
                int weight = withPolicyTerms ? post.getFacilityFairnessWeight() : 0;
                return -post.getPriority() * medium - (long) weight * (2L * post.getMinimum() - 1);
            }
            return post.getCap() > 0 ? 0 : hard;
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
            if (post == representative.getCurrent() || post == representative.getPrevious() || post.isNoRoom()) {
                chosen[e] = true;
            }
        }
        return chosen;
    }

    /** How many of its cheapest posts a class starts with; pricing adds more where they pay. */
    static final int CANDIDATES = 16;

    /** One part's flow network over its candidate arcs, and what its solution says. */
    private static final class Network {
        private static final int SOURCE = 0;
        private static final int SINK = 1;

        private final MinCostFlow flow;
        private final Component component;
        private final List<List<Placement>> classList;
        private final Map<Post, Integer> postNode = new IdentityHashMap<>();
        private final int firstClassNode;
        private final int[][] classArcs;
        private long supply;

        Network(Component component, List<List<Placement>> classList, Map<Post, Integer> pinnedCount,
                boolean[][] candidate, long[][] arcCosts, Tiers tiers) {
            this.component = component;
            this.classList = classList;
            List<Post> posts = component.posts();
            for (int i = 0; i < posts.size(); i++) {
                postNode.put(posts.get(i), 2 + i);
            }
            postNode.put(Post.NO_ROOM, SINK);
            firstClassNode = 2 + posts.size();
            flow = new MinCostFlow(firstClassNode + component.classes().size());
            for (Post post : posts) {
                tiers.add(flow, postNode.get(post), SINK, post);
                Integer pinned = pinnedCount.get(post);
                if (pinned != null) {
                    flow.addArc(SOURCE, postNode.get(post), pinned, 0);
                    supply += pinned;
                }
            }
            classArcs = new int[component.classes().size()][];
            for (int i = 0; i < component.classes().size(); i++) {
                int c = component.classes().get(i);
                int node = firstClassNode + i;
                List<Placement> members = classList.get(c);
                flow.addArc(SOURCE, node, members.size(), 0);
                supply += members.size();
                List<Post> eligible = members.getFirst().getEligiblePosts();
                classArcs[i] = new int[eligible.size()];
                for (int e = 0; e < eligible.size(); e++) {
                    classArcs[i][e] = candidate[c][e]
                            ? flow.addArc(node, postNode.get(eligible.get(e)), members.size(), arcCosts[c][e])
                            : -1;
                }
            }
        }

        void solve() {
            long sent = flow.solve(SOURCE, SINK, supply);
            if (sent != supply) {
                throw new IllegalStateException("flow placed " + sent + " of " + supply + " people");
            }
        }

        /** Potentials measured from the sink, which every part shares, so parts can price each other's arcs. */
        void potentials(Map<Post, Long> postPotential, long[] classPotential) {
            long sink = flow.potential(SINK);
            component.posts().forEach(post -> postPotential.put(post, flow.potential(postNode.get(post)) - sink));
            for (int i = 0; i < component.classes().size(); i++) {
                classPotential[component.classes().get(i)] = flow.potential(firstClassNode + i) - sink;
            }
        }

        void assign() {
            for (int i = 0; i < component.classes().size(); i++) {
                List<Placement> members = classList.get(component.classes().get(i));
                List<Post> eligible = members.getFirst().getEligiblePosts();
                Map<Post, Integer> targets = new LinkedHashMap<>();
                for (int e = 0; e < eligible.size(); e++) {
                    long amount = classArcs[i][e] < 0 ? 0 : flow.flow(classArcs[i][e]);
                    if (amount > 0) {
                        targets.put(eligible.get(e), (int) amount);
                    }
                }
                assignMembers(members, targets);
            }
        }
    }

    /** Interchangeable people share everything the flow sees; home distance picks who goes where. */
    private static void assignMembers(List<Placement> members, Map<Post, Integer> targets) {
        List<Placement> open = new ArrayList<>(members);
        Post current = members.getFirst().getCurrent();
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
        String current = placement.getCurrent() == null ? "-" : placement.getCurrent().getId();
        List<String> qualified = new ArrayList<>(placement.getStaff().alsoQualifiedFor());
        qualified.sort(null);
        return placement.getCurrentFacility().id() + '|' + current + '|' + placement.getStaff().job() + '|' + qualified
                + '|' + placement.isRotationDue() + '|' + (placement.getPrevious() == null ? "-" : placement.getPrevious().getId());
    }
}
