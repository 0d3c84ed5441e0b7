package id.formasi.solver.plan;

import id.formasi.solver.domain.FormasiConstraints;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Site;
import id.formasi.solver.domain.StaffingPlan;
import id.formasi.solver.plan.PlanDocument.ConstraintTotal;
import id.formasi.solver.plan.PlanDocument.Violation;
import id.formasi.solver.snapshot.Geo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules of mutasi practice read from a solved plan by the constraints' own rules: each violation with its
 * reason, and each rule's total, so that the explanation still adds up to the score.
 */
record PracticeFindings(List<Violation> violations, long pnsShort, int pnsSites, long departuresOver,
        int departureSites, int couplesApart, int couplesApartFromFixed) {

    long hard() {
        return pnsShort + departuresOver + couplesApart + couplesApartFromFixed;
    }

    static PracticeFindings of(StaffingPlan plan) {
        Map<Site, Long> pns = new IdentityHashMap<>(Site.fixedPns(plan.getUnplaceable()));
        Map<Site, Long> departures = new IdentityHashMap<>();
        Map<String, Placement> byId = new HashMap<>();
        for (Placement placement : plan.getPlacements()) {
            if (placement.isPns() && placement.siteAfter().hasPnsFloor()) {
                pns.merge(placement.siteAfter(), 1L, Long::sum);
            }
            if (placement.getCurrentSite().limitsDepartures() && placement.departs()) {
                departures.merge(placement.getCurrentSite(), 1L, Long::sum);
            }
            byId.put(placement.getStaffId(), placement);
        }
        List<Violation> violations = new ArrayList<>();
        long pnsShort = 0;
        int pnsSites = 0;
        for (Site site : plan.getSites()) {
            long kept = pns.getOrDefault(site, 0L);
            long missing = site.pnsShort(kept);
            if (missing > 0) {
                pnsShort += missing;
                pnsSites++;
                violations.add(new Violation("PNS_FLOOR", site.facility().id(), null, null, (int) missing,
                        pnsFloor(site, missing)));
            }
        }
        long departuresOver = 0;
        int departureSites = 0;
        for (Map.Entry<Site, Long> entry : departures.entrySet()) {
            long over = entry.getKey().departuresOver(entry.getValue());
            if (over > 0) {
                departuresOver += over;
                departureSites++;
                violations.add(new Violation("DEPARTURES", entry.getKey().facility().id(), null, null, (int) over,
                        departures(entry.getKey(), entry.getValue())));
            }
        }
        int apart = 0;
        int apartFromFixed = 0;
        for (Placement placement : plan.getPlacements()) {
            if (placement.getSpouse() == null) {
                continue;
            }
            Placement spouse = placement.spouseStaffId() == null ? null : byId.get(placement.spouseStaffId());
            boolean first = spouse != null && placement.getStaffId().compareTo(spouse.getStaffId()) < 0;
            if (first && placement.tooFarFrom(spouse)) {
                apart++;
                violations.add(spouses(placement, Geo.km(placement.locationAfter(), spouse.locationAfter())));
            } else if (spouse == null && placement.tooFarFromFixedSpouse()) {
                apartFromFixed++;
                violations.add(spouses(placement, Geo.km(placement.locationAfter(), placement.getSpouse().fixedAt())));
            }
        }
        return new PracticeFindings(violations, pnsShort, pnsSites, departuresOver, departureSites, apart,
                apartFromFixed);
    }

    List<ConstraintTotal> totals() {
        return List.of(
                new ConstraintTotal(FormasiConstraints.PNS_FLOOR, PlanDocument.Level.HARD, -pnsShort, pnsSites,
                        new Text("Setiap unit mempertahankan jumlah minimum PNS-nya",
                                "Every facility keeps its PNS floor")),
                new ConstraintTotal(FormasiConstraints.DEPARTURES, PlanDocument.Level.HARD, -departuresOver, departureSites,
                        new Text("Tidak ada unit yang kehilangan pegawai melebihi batas per rencana",
                                "No facility loses more people than the departure limit")),
                new ConstraintTotal(FormasiConstraints.SPOUSES, PlanDocument.Level.HARD, -couplesApart, couplesApart,
                        new Text("Rencana tidak menjauhkan pasangan suami-istri", "No plan parts a couple further")),
                new ConstraintTotal(FormasiConstraints.SPOUSE_FIXED, PlanDocument.Level.HARD, -couplesApartFromFixed,
                        couplesApartFromFixed,
                        new Text("Rencana tidak menjauhkan pegawai dari pasangannya yang tetap di tempat",
                                "No plan parts a couple further from a spouse who stays")));
    }

    private static Text pnsFloor(Site site, long missing) {
        return new Text("Setelah rencana unit ini kurang " + missing + " PNS dari batas minimum " + site.pnsFloor()
                        + " PNS (kebijakan per jenis unit, paling banyak jumlah PNS-nya sebelum rencana).",
                "After the plan this facility is " + missing + " PNS short of its floor of " + site.pnsFloor()
                        + " PNS (the policy for its kind, at most its PNS before the plan).");
    }

    private static Text departures(Site site, long count) {
        return new Text(count + " pegawai pindah dari unit ini ke unit lain, melebihi batas " + site.departureLimit()
                        + " per rencana (pegawai yang wajib pindah tidak dihitung).",
                count + " people leave this facility for another, above the limit of " + site.departureLimit()
                        + " per plan (people who must move do not count).");
    }

    private static Violation spouses(Placement placement, double km) {
        String allowed = String.format(Locale.ROOT, "%.1f", placement.getSpouse().allowedKm());
        String apart = String.format(Locale.ROOT, "%.1f", km);
        Text reason = new Text("Pasangan suami-istri ini bekerja " + apart.replace('.', ',')
                        + " km terpisah setelah rencana, lebih dari batas " + allowed.replace('.', ',')
                        + " km (spouseMaxKm, atau jarak mereka sebelum rencana bila lebih jauh).",
                "This couple works " + apart + " km apart after the plan, more than the allowed " + allowed
                        + " km (spouseMaxKm, or their distance before the plan when farther).");
        return new Violation("SPOUSE_DISTANCE", placement.isNoRoom()
                ? placement.getCurrentFacility().id() : placement.getPost().getFacility().id(),
                null, placement.getStaffId(), 1, reason);
    }
}
