package id.formasi.bench;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
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

    record Row(String instance, Contract.Result result, long buildMs, long solveMs, long hardMs, long shortageMs,
            long evalsPerSecond, long peakHeapMb) {
    }

    /** The OR-Tools optimum and the spreadsheet greedy, each measured on the contract built anew. */
    private static final List<Function<Contract, Contract.Result>> BASELINES =
            List.of(OrToolsBaseline::solve, GreedyBaseline::solve);

    /** The command line's flags; besides them only {@code budget=SECONDS}. */
    private static final List<String> FLAGS = List.of("skip-province", "skip-full", "skip-recompute",
            "skip-cold-start", "skip-sheets", "only-sheets", "skip-end-to-end", "only-end-to-end", "skip-practice",
            "only-practice", "practice-mip");

    public static void main(String[] args) {
        Set<String> flags = new HashSet<>();
        long budgetSeconds = 10;
        for (String arg : args) {
            if (arg.startsWith("budget=")) {
                budgetSeconds = Long.parseLong(arg.substring("budget=".length()));
            } else if (FLAGS.contains(arg)) {
                flags.add(arg);
            } else if (!arg.isBlank()) {
                throw new IllegalArgumentException("unknown argument " + arg + " (" + String.join(", ", FLAGS)
                        + ", budget=SECONDS)");
            }
        }
        boolean province = !flags.contains("skip-province");
        if (flags.contains("only-end-to-end")) {
            EndToEnd.run(province, Duration.ofSeconds(30));
            return;
        }
        if (flags.contains("only-sheets")) {
            SheetsImport.run();
            return;
        }
        if (flags.contains("only-practice")) {
            PracticeBench.run(new Planner(), Duration.ofSeconds(budgetSeconds), flags.contains("practice-mip"));
            return;
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

            for (Function<Contract, Contract.Result> baseline : BASELINES) {
                printer.print(measure(instance.name(), () -> {
                    long t0 = System.nanoTime();
                    Contract contract = new Contract(snapshot);
                    long t1 = System.nanoTime();
                    Contract.Result r = baseline.apply(contract);
                    return new Timed(r, t1 - t0, System.nanoTime() - t1);
                }));
            }
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
                List<Planner.Progress> progress = new ArrayList<>();
                Planner.Result result = planner.solve(problem, Planner.Options.of(budget).withProgress(progress::add));
                long t2 = System.nanoTime();
                System.err.printf("  Planner %s: %s%n", instance.name(), result.terminationReason());
                long hardMs = progress.stream().filter(p -> p.score().hardScore() == result.score().hardScore())
                        .mapToLong(p -> p.elapsed().toMillis()).findFirst().orElse(-1);
                long shortageMs = progress.stream().filter(p -> p.score().hardScore() == result.score().hardScore()
                        && p.score().mediumScore() == result.score().mediumScore())
                        .mapToLong(p -> p.elapsed().toMillis()).findFirst().orElse(-1);
                return new Timed(of("Planner " + budget.toSeconds() + " s", result.levels(), result.plan()), t1 - t0,
                        t2 - t1, hardMs, shortageMs, -1);
            }));
            Duration plainLimit = plainLimit(instance);
            if (plainLimit != null) {
                printer.print(measure(instance.name(), () -> {
                    long t0 = System.nanoTime();
                    Problem problem = ProblemBuilder.build(snapshot);
                    long t1 = System.nanoTime();
                    PlainTimefold.Run run = PlainTimefold.solve(problem.plan(), plainLimit);
                    long t2 = System.nanoTime();
                    String method = "plain Timefold " + plainLimit.toSeconds() + " s";
                    Contract.Result r = run.initialized() ? of(method, CoreLevels.of(run.plan()), run.plan())
                            : new Contract.Result("plain TF (uninit.)", -1, -1, -1, -1, -1, -1);
                    return new Timed(r, t1 - t0, t2 - t1, run.hardMs(), run.shortageMs(), run.evalsPerSecond());
                }));
            }
        }
        printer.footer();

        if (!flags.contains("skip-full")) {
            fullObjective(instances, planner, budget);
        }
        if (!flags.contains("skip-recompute")) {
            Recompute.run(planner);
        }
        if (!flags.contains("skip-practice")) {
            PracticeBench.run(planner, budget);
        }
        if (!flags.contains("skip-cold-start")) {
            ColdStart.run();
        }
        if (!flags.contains("skip-sheets")) {
            SheetsImport.run();
        }
        if (!flags.contains("skip-end-to-end")) {
            EndToEnd.run(province, Duration.ofSeconds(30));
        }
    }

    /** Plain Timefold's time limit per instance; null to leave it out. */
    private static Duration plainLimit(Instance instance) {
        return switch (instance.scale()) {
            case TINY -> Duration.ofSeconds(2);
            case BALIKPAPAN -> Duration.ofSeconds(10);
            case PROVINCE -> Duration.ofSeconds(30);
            default -> null;
        };
    }

    /**
     * The full objective (the generated snapshots' default policy, every soft goal on): the Planner's, plain
     * Timefold's and the greedy's score, all scored by the solver's constraints. PROVINCE is left out.
     */
    private static void fullObjective(List<Instance> instances, Planner planner, Duration budget) {
        System.out.println();
        String header = String.format(Locale.ROOT, "%-16s %-20s %5s %8s %10s %11s %9s",
                "instance", "method", "hard", "shortage", "soft", "soft vs P", "solve ms");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        for (Instance instance : instances) {
            if (instance.scale() == Scale.PROVINCE) {
                continue;
            }
            Snapshot snapshot = SnapshotGenerator.generate(instance.scale(), instance.seed());
            long t0 = System.nanoTime();
            Planner.Result result = planner.solve(ProblemBuilder.build(snapshot), Planner.Options.of(budget));
            long plannerMs = (System.nanoTime() - t0) / 1_000_000;
            HardMediumSoftScore reference = result.score();
            printFull(instance, "Planner " + budget.toSeconds() + " s", reference, reference, plannerMs);

            Duration limit = plainLimit(instance);
            t0 = System.nanoTime();
            PlainTimefold.Run run = PlainTimefold.solve(ProblemBuilder.build(snapshot).plan(), limit);
            printFull(instance, "plain Timefold " + limit.toSeconds() + " s", run.score(), reference,
                    (System.nanoTime() - t0) / 1_000_000);

            t0 = System.nanoTime();
            Contract contract = new Contract(snapshot);
            int[] assigned = GreedyBaseline.assign(contract);
            long greedyMs = (System.nanoTime() - t0) / 1_000_000;
            Problem problem = ProblemBuilder.build(snapshot);
            apply(contract, assigned, problem);
            printFull(instance, "greedy", planner.score(problem.plan()), reference, greedyMs);
        }
        System.out.println("default policy (rotation discount 10, home distance 1, facility fairness 5, district"
                + " fairness 0, keep previous 30); soft vs P = soft score minus the Planner's (negative: worse)");
    }

    private static void printFull(Instance instance, String method, HardMediumSoftScore score,
            HardMediumSoftScore reference, long ms) {
        String vs = score.hardScore() != reference.hardScore() || score.mediumScore() != reference.mediumScore()
                ? "(levels)" : Long.toString(score.softScore() - reference.softScore());
        System.out.println(String.format(Locale.ROOT, "%-16s %-20s %5d %8d %10d %11s %9d", instance.name(), method,
                -score.hardScore(), -score.mediumScore(), -score.softScore(), vs, ms));
        System.out.flush();
    }

    /** Puts the greedy's assignment into the solver's plan: same staff, same formation, or no room. */
    static void apply(Contract contract, int[] assigned, Problem problem) {
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int p = 0; p < contract.people.size(); p++) {
            index.put(contract.people.get(p).staff().id(), p);
        }
        for (Placement placement : problem.placements()) {
            if (placement.isPinned()) {
                continue;
            }
            int slot = assigned[index.get(placement.getStaffId())];
            if (slot < 0) {
                placement.setPost(id.formasi.solver.domain.Post.NO_ROOM);
            } else {
                Contract.Slot s = contract.slots.get(slot);
                placement.setPost(problem.post(s.facility().id(), s.formation().job()));
            }
        }
    }

    /** {@code hardMs}/{@code shortageMs}: solve time to the final hard / hard and shortage level; -1 unknown. */
    record Timed(Contract.Result result, long buildNanos, long solveNanos, long hardMs, long shortageMs,
            long evalsPerSecond) {
        Timed(Contract.Result result, long buildNanos, long solveNanos) {
            this(result, buildNanos, solveNanos, -1, -1, -1);
        }
    }

    static Snapshot coreOnly(Snapshot s) {
        return new Snapshot(s.schemaVersion(), s.snapshotId(), s.tenant(), s.asOf(), s.planningDate(), s.jobs(),
                s.facilities(), s.staff(), s.policy().coreOnly());
    }

    static Contract.Result of(String method, CoreLevels levels, StaffingPlan plan) {
        long moves = 0;
        long km = 0;
        for (Placement placement : plan.getPlacements()) {
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
                timed.hardMs(), timed.shortageMs(), timed.evalsPerSecond(), peak / (1024 * 1024));
    }

    /** One table, a row as soon as it is measured: a long instance shows its first rows early. */
    private static final class Printer {
        private Contract.Result optimum;
        private boolean headed;

        void print(Row row) {
            if (!headed) {
                String header = String.format(Locale.ROOT,
                        "%-16s %-20s %5s %8s %10s %6s %8s %10s %8s %9s %8s %8s %6s %8s %9s %8s",
                        "instance", "method", "hard", "shortage", "disruption", "gapH", "gapS", "gapD",
                        "build ms", "solve ms", "hard ms", "short ms", "moves", "km", "evals/s", "heap MB");
                System.out.println(header);
                System.out.println("-".repeat(header.length()));
                headed = true;
            }
            Contract.Result r = row.result();
            if (r.method().equals("OR-Tools exact")) {
                optimum = r;
            }
            if (r.hard() < 0) {
                System.out.println(String.format(Locale.ROOT, "%-16s %-20s %s %8d %9d %8s %8s %6s %8s %9s %8d",
                        row.instance(), r.method(), "     -        -          -      -        -          -",
                        row.buildMs(), row.solveMs(), "-", "-", "-", "-", known(row.evalsPerSecond()),
                        row.peakHeapMb()));
                System.out.flush();
                return;
            }
            System.out.println(String.format(Locale.ROOT,
                    "%-16s %-20s %5d %8d %10d %6s %8s %10s %8d %9d %8s %8s %6d %8d %9s %8d",
                    row.instance(), r.method(), r.hard(), r.shortage(), r.disruption(),
                    gap(r.hard(), optimum.hard()), gap(r.shortage(), optimum.shortage()),
                    gap(r.disruption(), optimum.disruption()),
                    row.buildMs(), row.solveMs(), known(row.hardMs()), known(row.shortageMs()), r.moves(), r.km(),
                    known(row.evalsPerSecond()), row.peakHeapMb()));
            System.out.flush();
        }

        void footer() {
            System.out.println("gap = method minus OR-Tools optimum (percentage of the optimum where non-zero);"
                    + " build = snapshot to model, solve = optimize or search alone;"
                    + " hard ms / short ms = solve time until the best plan first had its final hard level /"
                    + " final hard and shortage levels (- for one-shot methods: their solve ms);"
                    + " evals/s = Timefold move evaluations per second (- without local search);"
                    + " heap = peak of the heap pools during the method, after a GC");
        }
    }

    private static String known(long value) {
        return value < 0 ? "-" : Long.toString(value);
    }

    private static String gap(long value, long optimum) {
        long d = value - optimum;
        if (d == 0) {
            return "0";
        }
        return optimum == 0 ? "+" + d : String.format(Locale.ROOT, "%+d(%+.2f%%)", d, 100.0 * d / optimum);
    }
}
