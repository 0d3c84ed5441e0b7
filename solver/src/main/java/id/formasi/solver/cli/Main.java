package id.formasi.solver.cli;

import id.formasi.solver.Planner;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.plan.Plans;
import id.formasi.solver.rules.Problem;
import id.formasi.solver.rules.ProblemBuilder;
import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.SnapshotException;
import id.formasi.solver.snapshot.SnapshotReader;
import id.formasi.solver.snapshot.ValidationError;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line: {@code solve SNAPSHOT [--time 30s] [--out plan.json]}, {@code validate SNAPSHOT}, and the
 * spreadsheet commands {@code import}, {@code workbook} and {@code export} ({@link SheetsCommands}).
 * Exit status 0 on success, 2 for an invalid snapshot or bad arguments, 1 for anything else.
 */
public final class Main {

    static final String USAGE = """
            usage: ./formasi solve SNAPSHOT [--time 30s] [--out plan.json]
                   ./formasi validate SNAPSHOT
                   ./formasi import FILE_OR_DIR [--snapshot-id ID] [--tenant T] [--as-of DATE]
                                    [--planning-date DATE] [--out snapshot.json]
                   ./formasi workbook SNAPSHOT|--template --out FILE.xlsx|FILE.zip
                   ./formasi export PLAN --snapshot SNAPSHOT --out FILE.xlsx""";

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Main(System.out, System.err).run(args));
    }

    int run(String[] args) {
        try {
            if (args.length >= 2 && args[0].equals("validate")) {
                return validate(Path.of(args[1]));
            }
            if (args.length >= 2 && args[0].equals("import")) {
                return new SheetsCommands(out, err).importSheets(Path.of(args[1]), List.of(args).subList(2, args.length));
            }
            if (args.length >= 2 && args[0].equals("workbook")) {
                return new SheetsCommands(out, err).workbook(args[1], List.of(args).subList(2, args.length));
            }
            if (args.length >= 2 && args[0].equals("export")) {
                return new SheetsCommands(out, err).export(Path.of(args[1]), List.of(args).subList(2, args.length));
            }
            if (args.length >= 2 && args[0].equals("solve")) {
                return solve(Path.of(args[1]), List.of(args).subList(2, args.length));
            }
            err.println(USAGE);
            return 2;
        } catch (SnapshotException e) {
            printErrors(e);
            return 2;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException | RuntimeException e) {
            // One sentence, no stack trace: the user cannot act on one.
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int validate(Path file) {
        Snapshot snapshot = new SnapshotReader().read(file);
        out.printf("%s is valid: %d jobs, %d facilities, %d staff%n", file, snapshot.jobs().size(),
                snapshot.facilities().size(), snapshot.staff().size());
        return 0;
    }

    private int solve(Path file, List<String> options) throws IOException {
        Duration time = Duration.ofSeconds(30);
        Path outFile = null;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (i + 1 >= options.size()) {
                throw new UsageException("option " + option + " needs a value");
            }
            String value = options.get(++i);
            switch (option) {
                case "--time" -> time = parseDuration(value);
                case "--out" -> outFile = Path.of(value);
                default -> throw new UsageException("unknown option " + option);
            }
        }
        Snapshot snapshot = new SnapshotReader().read(file);
        Problem problem = ProblemBuilder.build(snapshot);
        err.printf("solving %s: %d people in service, %d leaving, %d formations, up to %d s%n",
                snapshot.snapshotId(), problem.placements().size() + problem.plan().getUnplaceable().size(),
                problem.leaving().size(), problem.postsById().size(), time.toSeconds());
        Planner.Result result = new Planner().solve(problem, Planner.Options.of(time).withProgress(progress ->
                err.printf(Locale.ROOT, "  %6.1f s  keras/hard %d  kekurangan berbobot/weighted shortage %d"
                        + "  biaya kebijakan/policy cost %d  (%s)%n", progress.elapsed().toMillis() / 1000.0,
                        -progress.score().hardScore(), -progress.score().mediumScore(), -progress.score().softScore(),
                        progress.phase())));
        PlanDocument plan = Plans.document(problem, result, "plan-" + snapshot.snapshotId());
        if (outFile != null) {
            Files.writeString(outFile, Json.write(plan));
        }
        printSummary(plan, outFile);
        return 0;
    }

    private void printSummary(PlanDocument plan, Path outFile) {
        PlanDocument.Score score = plan.score();
        out.println(plan.explanation().summary().id());
        out.println(plan.explanation().summary().en());
        out.printf("pelanggaran keras %d, kekurangan berbobot %d, gangguan %d (optimum %d/%d/%d: %s)%n", score.hard(),
                score.shortage(), score.disruption(), plan.optimum().hard(), plan.optimum().shortage(),
                plan.optimum().disruption(), plan.optimum().summary().id());
        out.printf("hard %d, weighted shortage %d, disruption %d (optimum %d/%d/%d: %s)%n", score.hard(),
                score.shortage(), score.disruption(), plan.optimum().hard(), plan.optimum().shortage(),
                plan.optimum().disruption(), plan.optimum().summary().en());
        out.println("batas bawah / bound: " + plan.bound().summary().id() + " / " + plan.bound().summary().en());
        out.printf("moves %d, leaving %d, unfilled formations %d, surplus formations %d, hard violations %d, %.1f s%n",
                plan.moves().size(), plan.leaving().size(), plan.unfilled().size(), plan.surplus().size(),
                plan.violations().size(), plan.solver().timeSpentMillis() / 1000.0);
        if (outFile != null) {
            out.println("plan written to " + outFile);
        }
    }

    private void printErrors(SnapshotException e) {
        List<ValidationError> errors = new ArrayList<>(e.errors());
        err.printf("snapshot tidak sah: %d kesalahan / invalid snapshot: %d error%s%n", errors.size(), errors.size(),
                errors.size() == 1 ? "" : "s");
        for (ValidationError error : errors) {
            err.println("  " + error.path());
            err.println("      " + error.message());
            err.println("      " + error.messageEn());
        }
    }

    /** A command line that does not say what to do. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** "30s", "2m", "500ms" or a plain number of seconds. */
    static Duration parseDuration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new UsageException("--time must look like 30s, 2m or 500ms, got \"" + text + "\"");
        }
    }
}
