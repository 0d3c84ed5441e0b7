package id.formasi.solver.exact;

import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** What the flow sees of a person: the cost of each arc, and who is interchangeable with whom. */
final class Arcs {

    private Arcs() {
    }

    static long softCost(Placement placement, Post post, boolean withPolicyTerms) {
        long disruption = placement.disruptionAt(post);
        if (!withPolicyTerms) {
            return disruption;
        }
        // The rotation discount from the disruption already in hand: each km is a haversine.
        long rotation = placement.isRotationDue() && placement.isMovedTo(post)
                ? Math.min(placement.getCosts().rotationDiscount(), disruption) : 0;
        return disruption + placement.changeFromPreviousAt(post) - rotation + placement.homeDistancePenaltyAt(post);
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
    static List<List<Post>> eligible(List<List<Placement>> classList, Set<Placement> confined) {
        List<List<Post>> eligible = new ArrayList<>(classList.size());
        for (List<Placement> members : classList) {
            Placement representative = members.getFirst();
            eligible.add(!confined.contains(representative) ? representative.getEligiblePosts()
                    : representative.getEligiblePosts().stream().filter(post -> !post.isNoRoom()
                            && post.getFacility().id().equals(representative.getCurrentFacility().id())).toList());
        }
        return eligible;
    }

    /** Candidate arcs of a class: its cheapest eligible posts, its current and its previous post. */
    static boolean[] cheapest(Placement representative, List<Post> eligible, long[] costs, int candidates) {
        boolean[] chosen = new boolean[eligible.size()];
        // The candidates cheapest, ties in list order: all below the candidates-th cost, then that cost's first.
        long[] sorted = costs.clone();
        Arrays.sort(sorted);
        int take = Math.min(candidates, sorted.length);
        if (take > 0) {
            long threshold = sorted[take - 1];
            int below = 0;
            for (long cost : costs) {
                below += cost < threshold ? 1 : 0;
            }
            int atThreshold = take - below;
            for (int e = 0; e < costs.length; e++) {
                if (costs[e] < threshold || (costs[e] == threshold && atThreshold-- > 0)) {
                    chosen[e] = true;
                }
            }
        }
        for (int e = 0; e < eligible.size(); e++) {
            Post post = eligible.get(e);
            if (post == representative.getCurrent() || post == representative.getPrevious() || post.isNoRoom()) {
                chosen[e] = true;
            }
        }
        return chosen;
    }
}
