package id.formasi.solver.cli;

import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.sheets.CsvWriter;
import id.formasi.solver.sheets.DecreeWorkbook;
import id.formasi.solver.sheets.ImportError;
import id.formasi.solver.sheets.ImportException;
import id.formasi.solver.sheets.SheetImport;
import id.formasi.solver.sheets.SheetsWriter;
import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.SnapshotReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The spreadsheet commands: {@code import FILE_OR_DIR [--snapshot-id ID] [--tenant T] [--as-of DATE]
 * [--planning-date DATE] [--out snapshot.json]} (docs/import-format.md) and {@code workbook SNAPSHOT|--template
 * --out FILE.xlsx|FILE.zip}, which writes a snapshot in the import's sheets (or CSV files), or the template, and
 * {@code export PLAN --snapshot SNAPSHOT --out FILE.xlsx}, the decree workbook of a plan.
 */
final class SheetsCommands {

    private final PrintStream out;
    private final PrintStream err;

    SheetsCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Exit 0 with the snapshot written (to --out or standard output), 2 with every cell error. */
    int importSheets(Path input, List<String> arguments) throws IOException {
        Map<String, String> options = options(arguments,
                Set.of("--snapshot-id", "--tenant", "--as-of", "--planning-date", "--out"));
        SheetImport.Fields fields = new SheetImport.Fields(options.get("--snapshot-id"), options.get("--tenant"),
                options.get("--as-of"), options.get("--planning-date"));
        SheetImport.Result result;
        try {
            result = SheetImport.read(input, fields);
        } catch (ImportException e) {
            err.printf("import refused: %d error%s (nothing written) / impor ditolak: %d galat (tidak ada yang"
                    + " ditulis)%n", e.errors().size(), e.errors().size() == 1 ? "" : "s", e.errors().size());
            e.errors().forEach(error -> print(error));
            return 2;
        }
        result.warnings().forEach(warning -> {
            err.print("warning: ");
            print(warning);
        });
        Snapshot snapshot = result.snapshot();
        String json = Json.write(snapshot) + "\n";
        if (options.containsKey("--out")) {
            Files.writeString(Path.of(options.get("--out")), json, StandardCharsets.UTF_8);
            out.printf("%s imported to %s: %d jobs, %d facilities, %d staff%n", snapshot.snapshotId(),
                    options.get("--out"), snapshot.jobs().size(), snapshot.facilities().size(), snapshot.staff().size());
        } else {
            out.print(json);
        }
        return 0;
    }

    int workbook(String input, List<String> arguments) throws IOException {
        Map<String, String> options = options(arguments, Set.of("--out"));
        String file = options.get("--out");
        if (file == null) {
            throw new Main.UsageException("workbook needs --out FILE.xlsx or --out FILE.zip");
        }
        boolean zip = file.toLowerCase(Locale.ROOT).endsWith(".zip");
        byte[] bytes;
        if (input.equals("--template")) {
            bytes = SheetsWriter.template();
        } else {
            Snapshot snapshot = new SnapshotReader().read(Path.of(input));
            bytes = zip ? CsvWriter.zip(snapshot) : SheetsWriter.workbook(snapshot);
        }
        Files.write(Path.of(file), bytes);
        out.printf("%s written: %d bytes%n", file, bytes.length);
        return 0;
    }

    /** The decree workbook of a plan file ({@code solve --out}) and the snapshot it was made from. */
    int export(Path planFile, List<String> arguments) throws IOException {
        Map<String, String> options = options(arguments, Set.of("--snapshot", "--out"));
        if (!options.containsKey("--snapshot") || !options.containsKey("--out")) {
            throw new Main.UsageException("export needs --snapshot SNAPSHOT and --out FILE.xlsx");
        }
        PlanDocument plan = Json.MAPPER.readValue(Files.readString(planFile), PlanDocument.class);
        Snapshot snapshot = new SnapshotReader().read(Path.of(options.get("--snapshot")));
        if (!snapshot.snapshotId().equals(plan.snapshotId())) {
            throw new Main.UsageException("the plan was made from snapshot " + plan.snapshotId() + ", not "
                    + snapshot.snapshotId());
        }
        byte[] bytes = DecreeWorkbook.write(plan, snapshot, new DecreeWorkbook.Decision(plan.status().name(), null, null));
        Files.write(Path.of(options.get("--out")), bytes);
        out.printf("%s written: %d moves, %d leaving, %d formations%n", options.get("--out"), plan.moves().size(),
                plan.leaving().size(), plan.formations().size());
        return 0;
    }

    private void print(ImportError error) {
        err.println("  " + (error.cell() == null ? "" : error.cell() + "  ") + error.path());
        err.println("      " + error.id());
        err.println("      " + error.en());
    }

    /** {@code --name value} pairs, each of the known names at most once. */
    static Map<String, String> options(List<String> arguments, Set<String> known) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < arguments.size(); i += 2) {
            String option = arguments.get(i);
            if (!known.contains(option)) {
                throw new Main.UsageException("unknown option " + option);
            }
            if (i + 1 >= arguments.size()) {
                throw new Main.UsageException("option " + option + " needs a value");
            }
            if (options.put(option, arguments.get(i + 1)) != null) {
                throw new Main.UsageException("option " + option + " is given twice");
            }
        }
        return options;
    }
}
