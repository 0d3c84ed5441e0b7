package id.formasi.solver.exact;

import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.domain.Site;
import id.formasi.solver.domain.StaffingPlan;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Lagrangian prices of the departure limits and the PNS floors, in units of one priority-weighted shortage
 * position. A departure from a facility costs its departure price; a PNS leaving a facility costs its PNS
 * price and a PNS arriving earns the price of the facility they arrive at. For prices between 0 and one
 * hard violation, the priced flow's optimum minus the prices times each rule's allowance is a lower bound
 * of every plan's score with the rules (weak duality): the rules can only be broken at a hard violation
 * each, which no price exceeds.
 */
final class PracticePrices implements ExactCore.Prices {

    /** Per site: departures over the limit (negative: room left) and PNS short of the floor (negative: spare). */
    record Excess(Map<Site, Long> departures, Map<Site, Long> pns) {

        /** The sites over their departure limit or short of their PNS floor. */
        Set<Site> breaking() {
            Set<Site> breaking = Collections.newSetFromMap(new IdentityHashMap<>());
            departures.forEach((site, over) -> {
                if (over > 0) {
                    breaking.add(site);
                }
            });
            pns.forEach((site, missing) -> {
                if (missing > 0) {
                    breaking.add(site);
                }
            });
            return breaking;
        }
    }

    private final Map<Site, Double> departurePrice = new IdentityHashMap<>();
    private final Map<Site, Double> pnsPrice = new IdentityHashMap<>();

    @Override
    public long of(Placement representative, Post post, long medium) {
        if (post.isNoRoom() || post.getFacility().id().equals(representative.getCurrentFacility().id())) {
            return 0;
        }
        long price = 0;
        if (!representative.mustMove()) {
            price += inCost(departurePrice, representative.getCurrentSite(), medium);
        }
        if (representative.isPns()) {
            price += inCost(pnsPrice, representative.getCurrentSite(), medium) - inCost(pnsPrice, post.getSite(), medium);
        }
        return price;
    }

    /** A site's price in the flow's cost units; rounded once, so that the bound adds up exactly. */
    private static long inCost(Map<Site, Double> prices, Site site, long medium) {
        Double price = prices.get(site);
        return price == null ? 0 : Math.round(price * medium);
    }

    boolean isZero() {
        return departurePrice.isEmpty() && pnsPrice.isEmpty();
    }

    /** The constraint side of the Lagrangian at a plan, in the flow's cost units: each price times its excess. */
    long penalty(Excess excess, long medium) {
        long total = 0;
        for (Site site : departurePrice.keySet()) {
            total += inCost(departurePrice, site, medium) * excess.departures().getOrDefault(site, 0L);
        }
        for (Site site : pnsPrice.keySet()) {
            total += inCost(pnsPrice, site, medium) * excess.pns().getOrDefault(site, 0L);
        }
        return total;
    }

    /** One projected subgradient step of the given length (priority units per unit of excess). */
    void step(Excess excess, double length, double cap) {
        excess.departures().forEach((site, over) -> move(departurePrice, site, length * over, cap));
        excess.pns().forEach((site, missing) -> move(pnsPrice, site, length * missing, cap));
    }

    /** The squared length of the subgradient once the projection on prices of 0 is taken into account. */
    double norm(Excess excess) {
        double total = 0;
        for (Map.Entry<Site, Long> entry : excess.departures().entrySet()) {
            total += projected(departurePrice, entry.getKey(), entry.getValue());
        }
        for (Map.Entry<Site, Long> entry : excess.pns().entrySet()) {
            total += projected(pnsPrice, entry.getKey(), entry.getValue());
        }
        return total;
    }

    private static double projected(Map<Site, Double> prices, Site site, long excess) {
        return excess > 0 || prices.getOrDefault(site, 0.0) > 0 ? (double) excess * excess : 0;
    }

    private static void move(Map<Site, Double> prices, Site site, double by, double cap) {
        double price = Math.min(cap, Math.max(0, prices.getOrDefault(site, 0.0) + by));
        if (price > 0) {
            prices.put(site, price);
        } else {
            prices.remove(site);
        }
    }

    /** Each limited site's departures minus its limit, and each floored site's PNS short of its floor. */
    static Excess excess(StaffingPlan plan) {
        Map<Site, Long> departures = new IdentityHashMap<>();
        for (Site site : plan.getSites()) {
            if (site.limitsDepartures()) {
                departures.put(site, -(long) site.departureLimit());
            }
        }
        Map<Site, Long> pns = Site.pnsNeeded(plan.getSites(), plan.getUnplaceable());
        for (Placement placement : plan.getPlacements()) {
            if (placement.departs()) {
                departures.computeIfPresent(placement.getCurrentSite(), (site, count) -> count + 1);
            }
            if (placement.isPns()) {
                pns.computeIfPresent(placement.siteAfter(), (site, count) -> count - 1);
            }
        }
        return new Excess(departures, pns);
    }
}
