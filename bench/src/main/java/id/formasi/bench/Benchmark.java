package id.formasi.bench;

import id.formasi.solver.Planner;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.StaffingPlan;
import id.formasi.solver.exact.CoreLevels;
import id.formasi.solver.exact.ExactCore;
import id.formasi.solver.generator.SnapshotGenerator;
import id.formasi.solver.generator.SnapshotGenerator.Scale;
import id.formasi.solver.rules.Problem;
import id.formasi.solver.rules.ProblemBuilder;
import id.formasi.solver.snapshot.Snapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Side-by-side figures of the contract's three levels (further soft goals at zero): the OR-Tools exact
 * optimum, the spreadsheet greedy, the solver's exact core alone and the full Planner.
 *
 * <p>{@code ./mvnw -q -pl bench -am compile exec:java}; arguments through {@code -Dbench.args="..."}:
 * {@code skip-province}, {@code budget=10} (Planner seconds).
 */
public final class Benchmark {

    record Instance(String name, Scale scale, long seed) {
    }

    record Row(String instance, Contract.Result result, long buildMs, long solveMs, long peakHeapMb) {
    }

    public static void main(String[] args) {
        boolean province = true;
        long budgetSeconds = 10;
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            } else if (arg.equals("skip-province")) {
                province = false;
            } else if (arg.startsWith("budget=")) {
                budgetSeconds = Long.parseLong(arg.substring("budget=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + " (skip-province, budget=SECONDS)");
            }
        }
        List<Instance> instances = new ArrayList<>(List.of(
                new Instance("TINY/1", Scale.TINY, 1),
                new Instance("BALIKPAPAN/6471", Scale.BALIKPAPAN, 6471),
                new Instance("BALIKPAPAN/7", Scale.BALIKPAPAN, 7)));
        if (province) {
            instances.add(new Instance("PROVINCE/1", Scale.PROVINCE, 1));
        }
        Planner planner = new Planner();
        Duration budget = Duration.ofSeconds(budgetSeconds);
        // Warm-up, not measured: loads the OR-Tools natives and lets the JIT see every method once.
        Snapshot warmUp = coreOnly(SnapshotGenerator.generate(Scale.TINY, 2));
        OrToolsBaseline.solve(warmUp);
        GreedyBaseline.solve(warmUp);
        planner.solve(ProblemBuilder.build(warmUp), Planner.Options.of(Duration.ofSeconds(1)));
        Printer printer = new Printer();
        for (Instance instance : instances) {
            Snapshot generated = SnapshotGenerator.generate(instance.scale(), instance.seed());
            Snapshot snapshot = coreOnly(generated);
            System.err.printf("%s: %d staff, %d facilities%n", instance.name(), snapshot.staff().size(),
                    snapshot.facilities().size());

            printer.print(measure(instance.name(), () -> {
                long t0 = System.nanoTime();
                Contract contract = new Contract(snapshot);
                long t1 = System.nanoTime();
                Contract.Result r = OrToolsBaseline.solve(contract);
                return new Timed(r, t1 - t0, System.nanoTime() - t1);
            }));
            printer.print(measure(instance.name(), () -> {
                long t0 = System.nanoTime();
                Contract contract = new Contract(snapshot);
                long t1 = System.nanoTime();
                Contract.Result r = GreedyBaseline.solve(contract);
                return new Timed(r, t1 - t0, System.nanoTime() - t1);
            }));
            printer.print(measure(instance.name(), () -> {
                long t0 = System.nanoTime();
                Problem problem = ProblemBuilder.build(snapshot);
                long t1 = System.nanoTime();
                CoreLevels levels = ExactCore.optimize(problem.plan(), false);
                long t2 = System.nanoTime();
                return new Timed(of("ExactCore.optimize", levels, problem.plan()), t1 - t0, t2 - t1);
            }));
            printer.print(measure(instance.name(), () -> {
                long t0 = System.nanoTime();
                Problem problem = ProblemBuilder.build(snapshot);
                long t1 = System.nanoTime();
                Planner.Result result = planner.solve(problem, Planner.Options.of(budget));
                long t2 = System.nanoTime();
                System.err.printf("  Planner %s: %s%n", instance.name(), result.terminationReason());
                return new Timed(of("Planner " + budget.toSeconds() + " s", result.levels(), result.plan()), t1 - t0, t2 - t1);
            }));
        }
        printer.footer();
    }

    record Timed(Contract.Result result, long buildNanos, long solveNanos) {
    }

    static Snapshot coreOnly(Snapshot s) {
        return new Snapshot(s.schemaVersion(), s.snapshotId(), s.tenant(), s.asOf(), s.planningDate(), s.jobs(),
                s.facilities(), s.staff(), s.policy().coreOnly());
    }

    static Contract.Result of(String method, CoreLevels levels, StaffingPlan plan) {
        long moves = 0;
        long km = 0;
        for (Placement placement : plan.placements()) {
            if (placement.isMoved()) {
                moves++;
                km += placement.kmTo(placement.getPost());
            }
        }
        return new Contract.Result(method, levels.hard(), levels.shortage(), levels.disruption(), moves, km, -1);
    }

    private static Row measure(String instance, Supplier<Timed> run) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        Timed timed = run.get();
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Row(instance, timed.result(), timed.buildNanos() / 1_000_000, timed.solveNanos() / 1_000_000,
                peak / (1024 * 1024));
    }

    /** One table, a row as soon as it is measured: a long instance shows its first rows early. */
    private static final class Printer {
        private Contract.Result optimum;
        private boolean headed;

        void print(Row row) {
            if (!headed) {
                String header = String.format(Locale.ROOT,
                        "%-16s %-20s %5s %8s %10s %6s %8s %10s %8s %9s %6s %8s %8s",
                        "instance", "method", "hard", "shortage", "disruption", "gapH", "gapS", "gapD",
                        "build ms", "solve ms", "moves", "km", "heap MB");
                System.out.println(header);
                System.out.println("-".repeat(header.length()));
                headed = true;
            }
            Contract.Result r = row.result();
            if (r.method().equals("OR-Tools exact")) {
                optimum = r;
            }
            System.out.println(String.format(Locale.ROOT,
                    "%-16s %-20s %5d %8d %10d %6s %8s %10s %8d %9d %6d %8d %8d",
                    row.instance(), r.method(), r.hard(), r.shortage(), r.disruption(),
                    gap(r.hard(), optimum.hard()), gap(r.shortage(), optimum.shortage()),
                    gap(r.disruption(), optimum.disruption()),
                    row.buildMs(), row.solveMs(), r.moves(), r.km(), row.peakHeapMb()));
            System.out.flush();
        }

        void footer() {
            System.out.println("gap = method minus OR-Tools optimum (percentage of the optimum where non-zero);"
                    + " build = snapshot to model, solve = optimize or search alone;"
                    + " heap = peak of the heap pools during the method, after a GC");
        }
    }

    private static String gap(long value, long optimum) {
        long d = value - optimum;
        if (d == 0) {
            return "0";
        }
        return optimum == 0 ? "+" + d : String.format(Locale.ROOT, "%+d(%+.0f%%)", d, 100.0 * d / optimum);
    }
}
