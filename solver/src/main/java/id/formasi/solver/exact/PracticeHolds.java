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
import java.util.function.Predicate;

/**
 * A plan that keeps the rules of mutasi practice by construction: at each facility whose departure limit or
 * PNS floor could be broken, only a free set of its people (at most the limit, and no more PNS than it can
 * spare) may leave; everyone else is held at their facility (in any formation there that fits them), and the
 * flow places everyone exactly within that. Holding someone at their facility never breaks a rule (their
 * spouse aside, whom they stay as close to as before), so every free set gives a plan that keeps the limit and
 * the floor (where the facility's own PNS can hold it). Couples the flow then parts too far are held too,
 * and the flow solved again, until none is. The same rounds mend a priced flow, holding only where it breaks
 * a rule. The last flow, with every policy goal, can instead start from a plan that keeps the rules and keep
 * them by construction ({@link #solveKeepingRules}).
 */
final class PracticeHolds {

    private static final int REPAIR_ROUNDS = 6;

    private PracticeHolds() {
    }

    /**
     * The people to hold: at each facility all but a free set drawn from the guides' movers, best guide
     * first, those who relieve a formation over its cap before others.
     *
     * @param guides posts per placement, in the plan's order, of plans whose movers are worth keeping free
     */
    static Set<Placement> holds(StaffingPlan plan, List<List<Post>> guides) {
        return holds(plan, guides, site -> true);
    }

    /** As above, at the facilities {@code at} only. */
    private static Set<Placement> holds(StaffingPlan plan, List<List<Post>> guides, Predicate<Site> at) {
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
            if (!placement.isPinned() && !placement.mustMove() && at.test(site)
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

    /**
     * Solves the plan with these people held (and {@code prices}, null for none); then, while the flow breaks a
     * departure limit or a PNS floor at some facility, or parts a couple, holds all but a free set of this
     * flow's movers there and whoever of the couple moved, and solves again. Returns who was held.
     */
    static Set<Placement> solve(StaffingPlan plan, Set<Placement> holds, boolean withPolicyTerms, ExactCore.Prices prices) {
        Set<Placement> held = Collections.newSetFromMap(new IdentityHashMap<>());
        held.addAll(holds);
        ExactCore.solve(plan, withPolicyTerms, prices, held, () -> false);
        for (int round = 0; round < REPAIR_ROUNDS; round++) {
            Set<Site> breaking = PracticePrices.excess(plan).breaking();
            int before = held.size();
            if (!breaking.isEmpty()) {
                held.addAll(holds(plan, List.of(plan.assignedPosts()), breaking::contains));
            }
            held.addAll(partedCouples(plan, held));
            if (held.size() == before) {
                break; // nothing more to hold: what is still broken, holding cannot mend
            }
            ExactCore.solve(plan, withPolicyTerms, prices, held, () -> false);
        }
        return held;
    }

    /**
     * Solves the plan with every policy goal from a plan that keeps the rules, so that any plan of the flow
     * keeps them too. At each facility with a departure limit or a PNS floor, the plan's own leavers may leave,
     * and as many more as its limit and floor leave room for, from the guide's leavers there (unmarried; PNS
     * only while the plan's PNS there stay above the floor); everyone else there is held. PNS the plan moves
     * to a facility with a floor, and married people it moves, keep their post; married people it keeps at
     * their facility are held there. The plan itself is one of the flow's, so the flow's hard and shortage
     * levels are no worse; one flow, no rounds.
     *
     * @param guide posts per placement of a plan whose movers are worth freeing (the relaxation's)
     */
    static void solveKeepingRules(StaffingPlan plan, List<Post> guide) {
        List<Placement> placements = plan.getPlacements();
        // The plan's room under each limit and floor (negative excess), used up as people are freed.
        PracticePrices.Excess excess = PracticePrices.excess(plan);
        Set<Placement> held = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Placement> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < placements.size(); i++) {
            Placement placement = placements.get(i);
            if (placement.isPinned()) {
                continue;
            }
            boolean moved = placement.isMoved() && !placement.getPost().getFacility().id().equals(placement.getCurrentFacility().id());
            if (moved && (placement.getSpouse() != null || placement.isPns() && placement.getPost().getSite().hasPnsFloor())) {
                kept.add(placement);
                continue;
            }
            Site site = placement.getCurrentSite();
            if (placement.mustMove() || moved || !(site.limitsDepartures() || site.hasPnsFloor() || placement.getSpouse() != null)) {
                continue;
            }
            // Stays in the plan: free only when the guide moves them and the facility has room for one more.
            Post there = guide.get(i);
            boolean guideMoves = !there.isNoRoom() && !there.getFacility().id().equals(placement.getCurrentFacility().id());
            boolean room = excess.departures().getOrDefault(site, -1L) < 0
                    && (!placement.isPns() || excess.pns().getOrDefault(site, -1L) < 0);
            if (guideMoves && room && placement.getSpouse() == null) {
                excess.departures().computeIfPresent(site, (s, over) -> over + 1);
                if (placement.isPns()) {
                    excess.pns().computeIfPresent(site, (s, missing) -> missing + 1);
                }
            } else {
                held.add(placement);
            }
        }
        ExactCore.solve(plan, true, null, held, kept, () -> false, Arcs.CANDIDATES);
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
