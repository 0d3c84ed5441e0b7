package id.formasi.solver.exact;

import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.domain.Site;
import id.formasi.solver.domain.StaffingPlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plan that keeps the rules of mutasi practice by construction: at each facility whose departure limit or
 * PNS floor could be broken, only a free set of its people (at most the limit, and no more PNS than it can
 * spare) may leave; everyone else is held at their facility (in any formation there that fits them), and the
 * flow places everyone exactly within that. Holding someone at their facility never breaks a rule (their
 * spouse aside, whom they stay as close to as before), so every free set gives a plan that keeps the limit and
 * the floor (where the facility's own PNS can hold it). Couples the flow then parts too far are held too,
 * and the flow solved again, until none is.
 */
final class PracticeHolds {

    private static final int SPOUSE_ROUNDS = 6;

    private PracticeHolds() {
    }

    /**
     * The people to hold: at each facility all but a free set drawn from the guides' movers, best guide
     * first, those who relieve a formation over its cap before others.
     *
     * @param guides posts per placement, in the plan's order, of plans whose movers are worth keeping free
     */
    static Set<Placement> holds(StaffingPlan plan, List<List<Post>> guides) {
        List<Placement> placements = plan.getPlacements();
        Map<Site, Long> pnsNeeded = Site.pnsNeeded(plan.getSites(), plan.getUnplaceable());
        Map<Site, List<Integer>> voluntary = new IdentityHashMap<>();
        Map<Post, Integer> surplus = new IdentityHashMap<>();
        for (int i = 0; i < placements.size(); i++) {
            Placement placement = placements.get(i);
            Site site = placement.getCurrentSite();
            if (placement.getCurrent() != null) {
                surplus.merge(placement.getCurrent(), 1, Integer::sum);
            }
            if (!placement.isPinned() && !placement.mustMove()
                    && (site.limitsDepartures() || pnsNeeded.getOrDefault(site, 0L) > 0)) {
                voluntary.computeIfAbsent(site, s -> new ArrayList<>()).add(i);
            }
        }
        surplus.replaceAll((post, count) -> count - post.getCap());
        Set<Placement> held = Collections.newSetFromMap(new IdentityHashMap<>());
        voluntary.forEach((site, people) -> holdAllButFreeSet(site, pnsNeeded.getOrDefault(site, 0L), people,
                placements, guides, surplus, held));
        return held;
    }

    /** Solves the plan with these people held, and holds parted couples until none is; returns who was held. */
    static Set<Placement> solve(StaffingPlan plan, Set<Placement> holds, boolean withPolicyTerms) {
        Set<Placement> held = Collections.newSetFromMap(new IdentityHashMap<>());
        held.addAll(holds);
        ExactCore.solve(plan, withPolicyTerms, null, held, () -> false);
        for (int round = 0; round < SPOUSE_ROUNDS; round++) {
            List<Placement> apart = partedCouples(plan, held);
            if (apart.isEmpty()) {
                break;
            }
            held.addAll(apart);
            ExactCore.solve(plan, withPolicyTerms, null, held, () -> false);
        }
        return held;
    }

    /**
     * The holds, and every married person the plan keeps at their facility: solving again with other goals
     * would otherwise move some of them away from their spouse, and each such couple costs another flow.
     */
    static Set<Placement> withCouplesStaying(StaffingPlan plan, Set<Placement> holds) {
        Set<Placement> held = Collections.newSetFromMap(new IdentityHashMap<>());
        held.addAll(holds);
        for (Placement placement : plan.getPlacements()) {
            if (placement.getSpouse() != null && !placement.isPinned() && !placement.mustMove() && !placement.departs()) {
                held.add(placement);
            }
        }
        return held;
    }

    private static void holdAllButFreeSet(Site site, long pnsNeeded, List<Integer> people, List<Placement> placements,
            List<List<Post>> guides, Map<Post, Integer> surplus, Set<Placement> held) {
        int limit = site.limitsDepartures() ? site.departureLimit() : Integer.MAX_VALUE;
        long pns = people.stream().filter(i -> placements.get(i).isPns()).count();
        long pnsSpare = pnsNeeded > 0 ? Math.max(0, pns - pnsNeeded) : Long.MAX_VALUE;
        if (people.size() <= limit && pns <= pnsSpare) {
            return; // all of them may leave without breaking a rule
        }
        // The guides' movers who relieve a formation over its cap, then the guides' other movers in guide
        // order, then the rest: those in a formation over its cap first, then those due for rotation.
        Set<Integer> relieving = new LinkedHashSet<>();
        Set<Integer> moving = new LinkedHashSet<>();
        Map<Post, Integer> relieved = new IdentityHashMap<>();
        for (List<Post> guide : guides) {
            for (int i : people) {
                Placement placement = placements.get(i);
                Post post = guide.get(i);
                if (post.isNoRoom() || post.getFacility().id().equals(placement.getCurrentFacility().id())
                        || relieving.contains(i) || !moving.add(i)) {
                    continue;
                }
                if (relieved.getOrDefault(placement.getCurrent(), 0) < surplus.getOrDefault(placement.getCurrent(), 0)) {
                    relieved.merge(placement.getCurrent(), 1, Integer::sum);
                    relieving.add(i);
                    moving.remove(i);
                }
            }
        }
        Set<Integer> order = new LinkedHashSet<>(relieving);
        order.addAll(moving);
        // Those who can only stay at their facility need no place in the free set.
        people.stream().filter(i -> canLeave(placements.get(i)))
                .sorted(Comparator.comparing((Integer i) -> surplus.getOrDefault(placements.get(i).getCurrent(), 0) <= 0)
                        .thenComparing(i -> !placements.get(i).isRotationDue())
                        .thenComparing(i -> placements.get(i).getStaffId())).forEach(order::add);
        int free = 0;
        long pnsFree = 0;
        people.stream().filter(i -> !order.contains(i)).forEach(i -> held.add(placements.get(i)));
        for (int i : order) {
            Placement placement = placements.get(i);
            if (free < limit && (!placement.isPns() || pnsFree < pnsSpare)) {
                free++;
                pnsFree += placement.isPns() ? 1 : 0;
            } else {
                held.add(placement);
            }
        }
    }

    /** People to hold because the plan parts them from their spouse: whoever of the two moved and can stay. */
    static List<Placement> partedCouples(StaffingPlan plan, Set<Placement> held) {
        Map<String, Placement> byId = new HashMap<>();
        plan.getPlacements().forEach(placement -> byId.put(placement.getStaffId(), placement));
        List<Placement> hold = new ArrayList<>();
        for (Placement placement : plan.getPlacements()) {
            if (placement.getSpouse() == null) {
                continue;
            }
            Placement spouse = placement.spouseStaffId() == null ? null : byId.get(placement.spouseStaffId());
            boolean apart = spouse == null ? placement.tooFarFromFixedSpouse() : placement.tooFarFrom(spouse);
            if (apart && placement.isMoved() && !placement.isPinned() && !placement.mustMove() && !held.contains(placement)) {
                hold.add(placement);
            }
        }
        return hold;
    }

    /** Couples the plan parts too far, each once (a spouse whom nothing can move counts with the other). */
    static long partedCount(StaffingPlan plan) {
        Map<String, Placement> byId = new HashMap<>();
        plan.getPlacements().forEach(placement -> byId.put(placement.getStaffId(), placement));
        long count = 0;
        for (Placement placement : plan.getPlacements()) {
            if (placement.getSpouse() != null) {
                Placement spouse = placement.spouseStaffId() == null ? null : byId.get(placement.spouseStaffId());
                count += spouse == null ? (placement.tooFarFromFixedSpouse() ? 1 : 0)
                        : placement.getStaffId().compareTo(spouse.getStaffId()) < 0 && placement.tooFarFrom(spouse) ? 1 : 0;
            }
        }
        return count;
    }

    private static boolean canLeave(Placement placement) {
        return placement.getEligiblePosts().stream()
                .anyMatch(post -> !post.isNoRoom() && !post.getFacility().id().equals(placement.getCurrentFacility().id()));
    }
}
