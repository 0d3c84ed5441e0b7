package id.formasi.bench;

import id.formasi.solver.Planner;
import id.formasi.solver.exact.Bound;
import id.formasi.solver.exact.CoreLevels;
import id.formasi.solver.exact.ExactCore;
import id.formasi.solver.generator.Practice;
import id.formasi.solver.generator.SnapshotGenerator;
import id.formasi.solver.generator.SnapshotGenerator.Scale;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.plan.Plans;
import id.formasi.solver.rules.Problem;
import id.formasi.solver.rules.ProblemBuilder;
import id.formasi.solver.snapshot.Snapshot;
import java.time.Duration;
import java.util.Locale;

/**
 * The rules of mutasi practice at Balikpapan scale: the generated snapshots' default policy plus k = 4 PNS
 * for SD and SMP, 3 departures per facility, 3% of staff in couples and spouseMaxKm 15. The status quo keeps
 * all three rules, so every violation counts. Shows what the flow alone (the relaxation) breaks per rule,
 * what the plan breaks, the plan's levels against the proven bound and the time.
 */
final class PracticeBench {

    private static final String[] RULES = {"PNS_FLOOR", "DEPARTURES", "SPOUSE_DISTANCE"};

    private PracticeBench() {
    }

    static void run(Planner planner, Duration budget) {
        run(planner, budget, false);
    }

    /** @param mip also the integer program's optimum without the spouse rule ({@link PracticeMip}), 2 minutes a level */
    static void run(Planner planner, Duration budget, boolean mip) {
        System.out.println();
        String header = String.format(Locale.ROOT, "%-16s %14s %14s %10s %9s %9s %7s %9s %8s",
                "practice rules", "flow breaks", "plan breaks", "hard/bound", "shortage", "bound", "gap %",
                "soft gap", "solve ms");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        for (long seed : new long[] {6471, 7}) {
            Snapshot snapshot = Practice.balikpapanPractice(SnapshotGenerator.generate(Scale.BALIKPAPAN, seed), seed);
            PlanDocument relaxation = relaxation(planner, ProblemBuilder.build(snapshot));
            Problem problem = ProblemBuilder.build(snapshot);
            long t0 = System.nanoTime();
            Planner.Result result = planner.solve(problem, Planner.Options.of(budget));
            long t1 = System.nanoTime();
            PlanDocument plan = Plans.document(problem, result, "bench");
            System.out.printf(Locale.ROOT, "%-16s %14s %14s %10s %9d %9d %7s %9s %8d%n",
                    "BALIKPAPAN/" + seed, perRule(relaxation), perRule(plan),
                    plan.score().hard() + "/" + plan.bound().hard(), plan.score().shortage(), plan.bound().shortage(),
                    plan.bound().shortageGapPercent() == null ? "-"
                            : String.format(Locale.ROOT, "%.2f", plan.bound().shortageGapPercent()),
                    plan.bound().softGap() == null ? "-" : plan.bound().softGap().toString(), (t1 - t0) / 1_000_000);
            java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
            plan.violations().forEach(v -> kinds.merge(v.kind(), v.count(), Integer::sum));
            java.util.Map<String, Integer> relaxedKinds = new java.util.TreeMap<>();
            relaxation.violations().forEach(v -> relaxedKinds.merge(v.kind(), v.count(), Integer::sum));
            System.err.printf("  practice BALIKPAPAN/%d: %s; %s; plan %s; relaxation %s%n", seed,
                    result.terminationReason(), plan.bound().summary().en(), kinds, relaxedKinds);
            if (mip) {
                for (boolean keep : new boolean[] {false, true}) {
                    long m0 = System.nanoTime();
                    PracticeMip.Levels exact = PracticeMip.solve(new Contract(snapshot), 120, keep);
                    System.out.printf(Locale.ROOT, "  integer program without the spouse rule, %s: hard %d (bound %d),"
                            + " shortage %d (bound %d), %s, %d ms%n", keep ? "rules kept" : "rules 1 hard each",
                            exact.hard(), exact.hardBound(), exact.shortage(), exact.shortageBound(), exact.status(),
                            (System.nanoTime() - m0) / 1_000_000);
                }
            }
        }
        System.out.println("breaks: violations of PNS floor/departure limit/couples by the flow without the rules"
                + " (the relaxation) and by the plan; bound: the proven lower bound (relaxation tightened by"
                + " Lagrangian prices); gap % = shortage above the bound; solve ms within a budget of "
                + budget.toSeconds() + " s");
        System.out.flush();
    }

    /** The flow's plan without the practice rules, as a document, for its violations of them. */
    private static PlanDocument relaxation(Planner planner, Problem problem) {
        CoreLevels levels = ExactCore.optimize(problem.plan(), true);
        var score = planner.score(problem.plan());
        Planner.Result result = new Planner.Result(problem.plan(), score, levels, levels,
                new Bound(levels.hard(), levels.shortage(), (long) -score.softScore()), Duration.ZERO, "relaxation");
        return Plans.document(problem, result, "relaxation");
    }

    private static String perRule(PlanDocument plan) {
        StringBuilder text = new StringBuilder();
        for (String rule : RULES) {
            long count = plan.violations().stream().filter(v -> v.kind().equals(rule))
                    .mapToLong(PlanDocument.Violation::count).sum();
            text.append(text.isEmpty() ? "" : "/").append(count);
        }
        return text.toString();
    }
}
