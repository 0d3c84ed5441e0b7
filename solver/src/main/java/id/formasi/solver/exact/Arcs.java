package id.formasi.solver.exact;

import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What the flow sees of a person: the cost of each arc, who is interchangeable with whom, and which arcs
 * are in the flow (the candidates). A province has tens of millions of eligible arcs, so costs are not
 * stored: an arc's cost is worked out when it enters a network, and pricing first tries a lower bound
 * that needs no distance from home (the only term that is not a table lookup).
 */
final class Arcs {

    /** How many of its cheapest posts a class starts with by default; pricing adds more where they pay. */
    static final int CANDIDATES = 16;

    private final List<List<Placement>> classList;
    private final List<List<Post>> eligibleList;
    private final boolean withPolicyTerms;
    private final ExactCore.Prices prices;
    private final boolean[][] candidate;
    private final int candidates;
    private long medium;
    private long hard;
    private final long softRange;

    /** Each class's starting arcs, and the soft range on the way: one pass over every eligible arc. */
    Arcs(List<List<Placement>> classList, Set<Placement> confined, boolean withPolicyTerms, ExactCore.Prices prices,
            int candidates) {
        this.candidates = candidates;
        this.classList = classList;
        this.eligibleList = eligible(classList, confined);
        this.withPolicyTerms = withPolicyTerms;
        this.prices = prices;
        this.candidate = new boolean[classList.size()][];
        long range = 1;
        for (int c = 0; c < classList.size(); c++) {
            Placement representative = classList.get(c).getFirst();
            List<Post> eligible = eligibleList.get(c);
            long[] lower = new long[eligible.size()];
            long worst = 0;
            for (int e = 0; e < eligible.size(); e++) {
                lower[e] = lowerSoftCost(representative, eligible.get(e));
                worst = Math.max(worst, upperSoftCost(representative, eligible.get(e)));
            }
            candidate[c] = cheapest(representative, eligible, lower);
            range = Math.addExact(range, Math.multiplyExact(worst, classList.get(c).size()));
        }
        this.softRange = range;
    }

    List<List<Post>> eligibleList() {
        return eligibleList;
    }

    boolean[][] candidate() {
        return candidate;
    }

    /**
     * The soft level's range over every arc: each class's costliest arc times its size. With the policy
     * terms it is an upper bound (distance from home is at most the move's km plus rounding, by the
     * triangle inequality), which keeps the levels apart just the same.
     */
    long softRange() {
        return softRange;
    }

    /** The level weights, known once the soft range is: the costs of staying outside and of prices need them. */
    void weigh(long medium, long hard) {
        this.medium = medium;
        this.hard = hard;
    }

    /** The arc's cost in the flow: its soft cost, a hard violation for staying outside, and its price. */
    long cost(int c, int e) {
        Placement representative = classList.get(c).getFirst();
        Post post = eligibleList.get(c).get(e);
        return lowerCost(representative, post) + homeCost(representative, post);
    }

    /** The arc's cost when it is below {@code limit}, else {@code limit} itself; skips the home term when it can. */
    long costBelow(int c, int e, long limit) {
        Placement representative = classList.get(c).getFirst();
        Post post = eligibleList.get(c).get(e);
        long lower = lowerCost(representative, post);
        return lower >= limit ? limit : Math.min(limit, lower + homeCost(representative, post));
    }

    private long lowerCost(Placement representative, Post post) {
        long cost = lowerSoftCost(representative, post) + (post.isNoRoom() ? hard : 0);
        return prices == null ? cost : cost + prices.of(representative, post, medium);
    }

    /** At least the arc's soft cost, which is never below 0 (the rotation discount never exceeds the disruption). */
    private long upperSoftCost(Placement placement, Post post) {
        long upper = placement.disruptionAt(post);
        if (withPolicyTerms) {
            upper += placement.changeFromPreviousAt(post);
            if (placement.getStaff().home() != null && placement.isMovedTo(post)) {
                upper += placement.getCosts().homeDistanceWeight() * (placement.kmTo(post) + 2);
            }
        }
        return upper;
    }

    /** Every soft term but distance from home, which is never negative. */
    private long lowerSoftCost(Placement placement, Post post) {
        long disruption = placement.disruptionAt(post);
        if (!withPolicyTerms) {
            return disruption;
        }
        // The rotation discount from the disruption already in hand.
        long rotation = placement.isRotationDue() && placement.isMovedTo(post)
                ? Math.min(placement.getCosts().rotationDiscount(), disruption) : 0;
        return disruption + placement.changeFromPreviousAt(post) - rotation;
    }

    private long homeCost(Placement placement, Post post) {
        return withPolicyTerms ? placement.homeDistancePenaltyAt(post) : 0;
    }

    /** With distance from home in the costs, only people with the same home are interchangeable. */
    static String classKey(Placement placement, boolean withPolicyTerms, boolean byEmployment) {
        String home = withPolicyTerms && placement.getCosts().homeDistanceWeight() > 0 && placement.getStaff().home() != null
                ? "|" + placement.getStaff().home().lat() + "," + placement.getStaff().home().lon() : "";
        String current = placement.getCurrent() == null ? "-" : placement.getCurrent().getId();
        List<String> qualified = new ArrayList<>(placement.getStaff().alsoQualifiedFor());
        qualified.sort(null);
        return placement.getCurrentFacility().id() + '|' + current + '|' + placement.getStaff().job() + '|' + qualified
                + '|' + placement.isRotationDue() + '|' + (placement.getPrevious() == null ? "-" : placement.getPrevious().getId())
                + home + (byEmployment ? "|" + placement.getStaff().employment() : "");
    }

    /** Each class's eligible posts; a confined class keeps only those at its own facility. */
    private static List<List<Post>> eligible(List<List<Placement>> classList, Set<Placement> confined) {
        List<List<Post>> eligible = new ArrayList<>(classList.size());
        for (List<Placement> members : classList) {
            Placement representative = members.getFirst();
            eligible.add(!confined.contains(representative) ? representative.getEligiblePosts()
                    : representative.getEligiblePosts().stream().filter(post -> !post.isNoRoom()
                            && post.getFacility().id().equals(representative.getCurrentFacility().id())).toList());
        }
        return eligible;
    }

    /**
     * Candidate arcs of a class: its {@code candidates} cheapest eligible posts by soft cost (ties in list
     * order), its current and its previous post, and staying outside. Distance from home is worked out only
     * for arcs whose other terms are cheap enough to be among the cheapest.
     */
    private boolean[] cheapest(Placement representative, List<Post> eligible, long[] lower) {
        int size = eligible.size();
        int take = Math.min(candidates, size);
        long[] soft = new long[size];
        Arrays.fill(soft, Long.MAX_VALUE);
        boolean[] chosen = new boolean[size];
        if (take > 0) {
            // The take-th soft cost among the arcs of the take lowest lower costs bounds the take-th overall:
            // an arc whose lower cost is above it cannot be among the cheapest.
            long limit = softUpTo(representative, eligible, lower, soft, kth(lower, take), take);
            long threshold = softUpTo(representative, eligible, lower, soft, limit, take);
            int below = 0;
            for (long cost : soft) {
                below += cost < threshold ? 1 : 0;
            }
            int atThreshold = take - below;
            for (int e = 0; e < size; e++) {
                if (soft[e] < threshold || (soft[e] == threshold && atThreshold-- > 0)) {
                    chosen[e] = true;
                }
            }
        }
        for (int e = 0; e < size; e++) {
            Post post = eligible.get(e);
            if (post == representative.getCurrent() || post == representative.getPrevious() || post.isNoRoom()) {
                chosen[e] = true;
            }
        }
        return chosen;
    }

    /**
     * Fills the soft cost of every arc whose lower cost is at most {@code limit}; returns the take-th lowest
     * soft cost known then, above which no arc can be among the cheapest (its lower cost is above it).
     */
    private long softUpTo(Placement representative, List<Post> eligible, long[] lower, long[] soft, long limit,
            int take) {
        for (int e = 0; e < soft.length; e++) {
            if (soft[e] == Long.MAX_VALUE && lower[e] <= limit) {
                soft[e] = lower[e] + homeCost(representative, eligible.get(e));
            }
        }
        return kth(soft, take);
    }

    /** The k-th lowest value, k small: the k lowest so far kept in order. */
    private static long kth(long[] values, int k) {
        long[] lowest = new long[k];
        int count = 0;
        for (long value : values) {
            if (count == k && value >= lowest[k - 1]) {
                continue;
            }
            int i = count < k ? count++ : k - 1;
            while (i > 0 && lowest[i - 1] > value) {
                lowest[i] = lowest[i - 1];
                i--;
            }
            lowest[i] = value;
        }
        return lowest[k - 1];
    }
}
