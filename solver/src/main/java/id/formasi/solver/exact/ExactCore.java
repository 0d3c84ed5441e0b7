package id.formasi.solver.exact;

import id.formasi.solver.domain.District;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.domain.StaffingPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The exact optimum of the plan, as a minimum-cost flow. People who share a facility, job, qualifications,
 * rotation status, previous post (and home, when distance from home weighs) are interchangeable here, so
 * they form one supply node. Each post drains to the sink in three tiers: its minimum positions earn the
 * shortage weight, the positions up to cap are free, and every person above cap costs a hard violation.
 * Big-M weights make the three levels lexicographic. Someone who must move may instead stay outside any
 * formation, straight to the sink at the price of one hard violation.
 *
 * <p>With {@code withPolicyTerms} the costs also hold every policy goal, so the result is the exact optimum
 * of the full score: the rotation discount, the change from the previous plan and distance from home on
 * the arcs, fairness across facilities as a convex cost on each post's minimum positions, and fairness
 * across districts as a convex cost on a district node those positions pass through (see {@link Tiers}).
 */
public final class ExactCore {

    private ExactCore() {
    }

    /** The contract's three levels at their exact optimum; leaves the plan's placements as they were. */
    public static CoreLevels optimum(StaffingPlan plan) {
        List<Post> posts = plan.assignedPosts();
        CoreLevels optimum = optimize(plan, false);
        plan.assign(posts);
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
                    || (placement.getPrevious() != null && placement.getCosts().keepPreviousWeight() > 0)
                    || (placement.getStaff().home() != null && placement.getCosts().homeDistanceWeight() > 0)) {
                return true;
            }
        }
        return plan.getPosts().stream().anyMatch(post -> post.getMinimum() > 0
                && (post.getFacilityFairnessWeight() > 0 || post.getDistrict().fairnessWeight() > 0));
    }

    /**
     * Sets every unpinned placement's post to an optimal one and returns the plan's core levels.
     *
     * @param withPolicyTerms false for the contract's three levels only, the certificate's optimum
     */
    public static CoreLevels optimize(StaffingPlan plan, boolean withPolicyTerms) {
        return solve(plan, withPolicyTerms, null, Set.of(), () -> false).levels();
    }

    /** As above; {@code stop} is asked between pricing rounds, and a yes keeps the flow over the arcs so far. */
    public static CoreLevels optimize(StaffingPlan plan, boolean withPolicyTerms, BooleanSupplier stop) {
        return solve(plan, withPolicyTerms, null, Set.of(), stop).levels();
    }

    /** A priced flow's plan levels and the weights of its medium and hard levels, in the flow's cost units. */
    public record Solution(CoreLevels levels, long medium, long hard) {
    }

    /** A price on an arc, added to its cost: a Lagrangian penalty of a rule the flow does not hold. */
    public interface Prices {
        long of(Placement representative, Post post, long medium);
    }

    /**
     * The flow's optimum with {@code prices} (null for none) on every person's arcs, the {@code confined}
     * people kept at their own facility. Priced people are told apart by employment too, since a price may
     * depend on it. {@code stop} as in {@link #optimize(StaffingPlan, boolean, BooleanSupplier)}.
     */
    public static Solution solve(StaffingPlan plan, boolean withPolicyTerms, Prices prices, Set<Placement> confined,
            BooleanSupplier stop) {
        return solve(plan, withPolicyTerms, prices, confined, stop, Arcs.CANDIDATES);
    }

    /** As above, each class starting with {@code candidates} of its cheapest arcs (fewer leave more to pricing). */
    static Solution solve(StaffingPlan plan, boolean withPolicyTerms, Prices prices, Set<Placement> confined,
            BooleanSupplier stop, int candidates) {
        return solve(plan, withPolicyTerms, prices, confined, Set.of(), stop, candidates);
    }

    /** As above, the {@code kept} people staying on the post they hold now, as if pinned there. */
    static Solution solve(StaffingPlan plan, boolean withPolicyTerms, Prices prices, Set<Placement> confined,
            Set<Placement> kept, BooleanSupplier stop, int candidates) {
        Map<String, List<Placement>> classes = new LinkedHashMap<>();
        Map<Post, Integer> pinnedCount = new IdentityHashMap<>();
        for (Placement placement : plan.getPlacements()) {
            if (placement.isPinned() || kept.contains(placement)) {
                pinnedCount.merge(placement.getPost(), 1, Integer::sum);
            } else {
                classes.computeIfAbsent(Arcs.classKey(placement, withPolicyTerms, prices != null)
                        + (confined.contains(placement) ? "|confined" : ""), key -> new ArrayList<>()).add(placement);
            }
        }
        List<List<Placement>> classList = new ArrayList<>(classes.values());
        Arcs arcs = new Arcs(classList, confined, withPolicyTerms, prices, candidates);
        List<List<Post>> eligibleList = arcs.eligibleList();
        long supply = plan.getPlacements().size();
        long softBound = arcs.softRange();
        long mediumBound = 1;
        Map<District, Long> districtMinimum = new IdentityHashMap<>();
        for (Post post : plan.getPosts()) {
            int weight = withPolicyTerms ? post.getFacilityFairnessWeight() : 0;
            softBound = Math.addExact(softBound, (long) weight * post.getMinimum() * post.getMinimum());
            mediumBound = Math.addExact(mediumBound, (long) post.getPriority() * post.getMinimum());
            districtMinimum.merge(post.getDistrict(), (long) post.getMinimum(), Long::sum);
        }
        if (withPolicyTerms) {
            for (Map.Entry<District, Long> district : districtMinimum.entrySet()) {
                softBound = Math.addExact(softBound, Math.multiplyExact(district.getKey().fairnessWeight(),
                        Math.multiplyExact(district.getValue(), district.getValue())));
            }
        }
        long medium = softBound;
        long hard = Math.addExact(Math.multiplyExact(mediumBound, medium), softBound);
        Math.multiplyExact(hard, supply + 1); // the total must fit in a long
        arcs.weigh(medium, hard);

        // Far posts are rarely worth an arc: solve on the cheapest ones, then price the rest against the
        // flow's potentials and add any that could lower the cost, until none can (the result is exact).
        // People and posts that no candidate arc links are independent: each part is its own, smaller flow.
        // A part none of whose classes gained an arc is the same part as in the last round: its flow stands.
        // Any other part starts from the flows of the parts it grew from.
        Tiers tiers = new Tiers(withPolicyTerms, medium, hard, supply);
        boolean[] changed = new boolean[classList.size()];
        Arrays.fill(changed, true);
        Map<Object, Network> solved = new HashMap<>();
        Map<Post, Network> previousOfPost = new IdentityHashMap<>();
        Map<Integer, Network> previousOfClass = new HashMap<>();
        while (true) {
            List<Network> networks = new ArrayList<>();
            Map<Object, Network> solvedNow = new HashMap<>();
            Map<Post, Long> postPotential = new IdentityHashMap<>();
            long[] classPotential = new long[classList.size()];
            for (Component component : Component.of(plan.getPosts(), eligibleList, arcs.candidate(), tiers)) {
                if (component.classes().isEmpty() && component.posts().stream().noneMatch(pinnedCount::containsKey)) {
                    continue; // nobody to place; its posts are priced from their tiers
                }
                Object key = component.posts().isEmpty() ? component.classes().getFirst() : component.posts().getFirst();
                Network network = solved.get(key);
                if (network == null || !network.component().equals(component)
                        || component.classes().stream().anyMatch(c -> changed[c])) {
                    network = new Network(component, classList, arcs, pinnedCount, tiers, districtMinimum);
                    if (previousOfClass.isEmpty()) {
                        network.solve();
                    } else {
                        network.solveFrom(previousOfPost, previousOfClass, tiers, districtMinimum);
                    }
                }
                network.potentials(postPotential, classPotential);
                networks.add(network);
                solvedNow.put(key, network);
            }
            solved = solvedNow;
            previousOfPost.clear();
            previousOfClass.clear();
            for (Network network : networks) {
                network.component().posts().forEach(post -> previousOfPost.put(post, network));
                network.component().classes().forEach(c -> previousOfClass.put(c, network));
            }
            if (!addImprovingArcs(arcs, postPotential, classPotential, tiers, districtMinimum, changed)
                    || stop.getAsBoolean()) {
                networks.forEach(Network::assign);
                return new Solution(CoreLevels.of(plan), medium, hard);
            }
        }
    }

    /** Marks every left-out arc with a negative reduced cost as a candidate (and its class as changed); true when there was one. */
    private static boolean addImprovingArcs(Arcs arcs, Map<Post, Long> postPotential, long[] classPotential,
            Tiers tiers, Map<District, Long> districtMinimum, boolean[] changed) {
        boolean added = false;
        Arrays.fill(changed, false);
        List<List<Post>> eligibleList = arcs.eligibleList();
        boolean[][] candidate = arcs.candidate();
        for (int c = 0; c < eligibleList.size(); c++) {
            List<Post> eligible = eligibleList.get(c);
            for (int e = 0; e < eligible.size(); e++) {
                if (candidate[c][e]) {
                    continue;
                }
                Post post = eligible.get(e);
                // A post in no part's flow holds nobody: its lowest feasible potential comes from its tiers.
                Long potential = postPotential.get(post);
                long target = potential != null ? potential : -tiers.cheapest(post, districtMinimum.get(post.getDistrict()));
                // The arc improves when its cost plus the class's potential is below the post's.
                long limit = target - classPotential[c];
                if (arcs.costBelow(c, e, limit) < limit) {
                    candidate[c][e] = true;
                    changed[c] = true;
                    added = true;
                }
            }
        }
        return added;
    }
}
