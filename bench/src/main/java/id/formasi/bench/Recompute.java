package id.formasi.bench;

import id.formasi.solver.Planner;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.generator.SnapshotGenerator;
import id.formasi.solver.generator.SnapshotGenerator.Scale;
import id.formasi.solver.rules.Problem;
import id.formasi.solver.rules.ProblemBuilder;
import id.formasi.solver.rules.PostRef;
import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Formation;
import id.formasi.solver.snapshot.Location;
import id.formasi.solver.snapshot.Policy;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.Staff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recomputation after a small change on BALIKPAPAN/6471: ten retirements, one new SD (OPENING, formations,
 * no staff) and one formation's cap cut by 2, re-planned from the previous plan's placements with only
 * {@code keepPreviousWeight} on beside the contract's levels.
 */
final class Recompute {

    private Recompute() {
    }

    static void run(Planner planner) {
        Snapshot generated = SnapshotGenerator.generate(Scale.BALIKPAPAN, 6471);
        Policy p = generated.policy();
        Policy keepOnly = new Policy(p.minYearsAtPost(), p.rotationYears(), p.moveCost(), p.maxMoveKm(), 0, 0, 0, 0,
                p.keepPreviousWeightOrDefault(), p.minPnsByKind(), p.maxDeparturesPerFacility(), p.spouseMaxKm());
        Snapshot before = with(generated, generated.facilities(), generated.staff(), keepOnly);
        Planner.Result first = planner.solve(ProblemBuilder.build(before), Planner.Options.of(Duration.ofSeconds(10)));
        Map<String, PostRef> previous = new HashMap<>();
        for (Placement placement : first.plan().getPlacements()) {
            if (!placement.getPost().isNoRoom()) {
                previous.put(placement.getStaffId(), ref(placement.getPost()));
            }
        }

        // The change.
        Problem firstProblem = ProblemBuilder.build(before);
        Set<String> leavingBefore = new HashSet<>();
        firstProblem.leaving().forEach(l -> leavingBefore.add(l.staff().id()));
        List<Staff> staff = new ArrayList<>(generated.staff());
        Set<String> retired = new HashSet<>();
        for (int i = 0; i < staff.size() && retired.size() < 10; i += 97) {
            Staff s = staff.get(i);
            if (leavingBefore.contains(s.id())) {
                continue;
            }
            staff.set(i, new Staff(s.id(), s.name(), s.employment(), s.job(), s.alsoQualifiedFor(), s.facility(),
                    before.planningDate().minusYears(70), s.postedSince(), s.firstPostingSince(), s.contractEnd(),
                    s.home(), s.protectedReason(), s.spouseId()));
            retired.add(s.id());
        }
        List<Facility> facilities = new ArrayList<>(generated.facilities());
        Facility sd = facilities.stream().filter(f -> f.kind().equals("SD") && f.status() == FacilityStatus.OPEN)
                .findFirst().orElseThrow();
        Location at = sd.location();
        facilities.add(new Facility("NEW-SD-1", "SD Baru 1", sd.kind(), sd.district(),
                new Location(at.lat() + 0.01, at.lon() + 0.01), FacilityStatus.OPENING, sd.formations()));
        // The fullest formation of the first plan (placed minus cap largest), cap 2 or more.
        Map<String, Long> placed = new HashMap<>();
        first.plan().getPlacements().stream().filter(pl -> !pl.getPost().isNoRoom())
                .forEach(pl -> placed.merge(pl.getPost().getId(), 1L, Long::sum));
        String cutId = null;
        long cutCount = -1;
        int cutCapBefore = 0;
        for (Facility f : facilities) {
            for (Formation fm : f.formations()) {
                long n = placed.getOrDefault(f.id() + "/" + fm.job(), 0L);
                if (fm.cap() >= 2 && f.status() == FacilityStatus.OPEN && !f.id().equals("NEW-SD-1")
                        && (cutId == null || n - fm.cap() > cutCount - cutCapBefore)) {
                    cutCapBefore = fm.cap();
                    cutCount = n;
                    cutId = f.id() + "/" + fm.job();
                }
            }
        }
        int cutCap = 0;
        for (int i = 0; i < facilities.size(); i++) {
            Facility f = facilities.get(i);
            List<Formation> formations = new ArrayList<>();
            for (Formation fm : f.formations()) {
                if ((f.id() + "/" + fm.job()).equals(cutId)) {
                    cutCap = fm.cap() - 2;
                    fm = new Formation(fm.job(), cutCap, Math.min(fm.minimum(), cutCap), fm.priority());
                }
                formations.add(fm);
            }
            facilities.set(i, new Facility(f.id(), f.name(), f.kind(), f.district(), f.location(), f.status(), formations));
        }
        Snapshot after = with(generated, facilities, staff, keepOnly);

        long t0 = System.nanoTime();
        Problem problem = ProblemBuilder.build(after, previous, Map.of());
        Planner.Result warm = planner.solve(problem, Planner.Options.of(Duration.ofSeconds(3)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long changed = changed(warm, previous);
        // A cold plan of the changed snapshot (no previous plan): what the new optimum alone would change.
        Planner.Result cold = planner.solve(ProblemBuilder.build(after), Planner.Options.of(Duration.ofSeconds(3)));
        long coldChanged = changed(cold, previous);
        long forcedOut = Math.max(0, cutCount - cutCap);
        long newSdMinimum = sd.formations().stream().mapToLong(Formation::minimum).sum();

        System.out.println();
        System.out.printf(Locale.ROOT, "recompute BALIKPAPAN/6471: %d retirements, new SD (minima %d), %s cap cut"
                + " by 2 (%d placed on it, new cap %d)%n", retired.size(), newSdMinimum, cutId, cutCount, cutCap);
        System.out.printf(Locale.ROOT, "  first plan %s, levels %s%n", first.timeSpent(), first.levels());
        System.out.printf(Locale.ROOT, "  warm re-plan: %d ms (build + solve), levels %s, new optimum %s, gap %s%n",
                ms, warm.levels(), warm.optimum(), gaps(warm));
        System.out.printf(Locale.ROOT, "  placements changed vs previous plan: %d warm, %d in a cold plan of the"
                + " changed snapshot; forced by the cap cut alone: %d%n", changed, coldChanged, forcedOut);
        System.out.flush();
    }

    private static long changed(Planner.Result result, Map<String, PostRef> previous) {
        long n = 0;
        for (Placement placement : result.plan().getPlacements()) {
            PostRef was = previous.get(placement.getStaffId());
            PostRef now = placement.getPost().isNoRoom() ? null : ref(placement.getPost());
            if (was == null ? now != null : !was.equals(now)) {
                n++;
            }
        }
        return n;
    }

    private static String gaps(Planner.Result r) {
        return String.format(Locale.ROOT, "%+d / %+d / %+d (%.2f%% disruption)",
                r.levels().hard() - r.optimum().hard(), r.levels().shortage() - r.optimum().shortage(),
                r.levels().disruption() - r.optimum().disruption(),
                r.optimum().disruption() == 0 ? 0.0
                        : 100.0 * (r.levels().disruption() - r.optimum().disruption()) / r.optimum().disruption());
    }

    private static PostRef ref(Post post) {
        return new PostRef(post.getFacility().id(), post.getJob().code());
    }

    private static Snapshot with(Snapshot s, List<Facility> facilities, List<Staff> staff, Policy policy) {
        return new Snapshot(s.schemaVersion(), s.snapshotId(), s.tenant(), s.asOf(), s.planningDate(), s.jobs(),
                facilities, staff, policy);
    }
}
