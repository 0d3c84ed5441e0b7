package id.formasi.solver.sheets;

import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.SnapshotException;
import id.formasi.solver.snapshot.SnapshotReader;
import id.formasi.solver.snapshot.ValidationError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spreadsheet import, version 1 (docs/import-format.md): a workbook, a zip of CSV files or a folder of
 * them becomes a snapshot v1, checked by the same validator as a JSON snapshot. Every error is reported
 * at once with its cell, its snapshot path and a message in Bahasa Indonesia and English; a refused
 * import returns nothing. Plain Java, no I/O but reading the given file.
 */
public final class SheetImport {

    /**
     * Snapshot fields given by the call (command line or query parameters); each wins over the
     * {@code snapshot} sheet. Null = not given. Dates as the sheets accept them.
     */
    public record Fields(String snapshotId, String tenant, String asOf, String planningDate) {

        public static final Fields NONE = new Fields(null, null, null, null);

        String get(String key) {
            String value = switch (key) {
                case "snapshotId" -> snapshotId;
                case "tenant" -> tenant;
                case "asOf" -> asOf;
                case "planningDate" -> planningDate;
                default -> throw new IllegalArgumentException(key);
            };
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** The imported snapshot and what was ignored (unknown columns). */
    public record Result(Snapshot snapshot, List<ImportError> warnings) {

        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private static final JsonMapper COMPACT = JsonMapper.builder().build();
    /** The JSON of a province's snapshot is about 20 MB; the import's own bounds come before this one. */
    private static final long MAX_JSON_BYTES = 512L * 1024 * 1024;
    private static final Pattern REF = Pattern.compile("(.*)!([A-Z]+)(\\d+)");

    private SheetImport() {
    }

    /** An {@code .xlsx} workbook or a zip of CSV files, told apart by their content. */
    public static Result read(byte[] workbookOrZip, Fields call) {
        List<ImportError> errors = new ArrayList<>();
        return build(Sources.tables(workbookOrZip, errors), call, errors);
    }

    /** A workbook, a zip of CSV files, or a folder holding the CSV files. */
    public static Result read(Path fileOrFolder, Fields call) {
        List<ImportError> errors = new ArrayList<>();
        return build(Sources.tables(fileOrFolder, errors), call, errors);
    }

    private static Result build(Map<String, Table> tables, Fields call, List<ImportError> errors) {
        if (tables == null) {
            throw new ImportException(errors);
        }
        List<ImportError> warnings = new ArrayList<>();
        SnapshotTree tree = new SnapshotTree(errors, warnings);
        tree.build(tables, call);
        byte[] json = COMPACT.writeValueAsBytes(tree.root);
        SnapshotReader reader = new SnapshotReader(MAX_JSON_BYTES, id.formasi.solver.snapshot.Limits.MAX_DEPTH);
        List<ValidationError> invalid;
        if (errors.isEmpty()) {
            try {
                return new Result(reader.read(json), sorted(warnings));
            } catch (SnapshotException e) {
                invalid = e.errors();
            }
        } else {
            invalid = reader.validate(json);
        }
        Set<String> reported = new java.util.HashSet<>();
        errors.forEach(e -> reported.add(e.path()));
        for (ValidationError error : invalid) {
            if (!reported.contains(error.path()) && !tree.silent.contains(error.path())) {
                errors.add(ValidatorMessages.toImport(error, path -> cellOf(path, tree.cells)));
            }
        }
        List<ImportError> all = sorted(errors);
        if (all.size() > Limits.MAX_ERRORS) {
            all = new ArrayList<>(all.subList(0, Limits.MAX_ERRORS));
            all.add(new ImportError(null, "$", "lebih dari " + Limits.MAX_ERRORS + " galat; hanya yang pertama"
                    + " dicantumkan", "more than " + Limits.MAX_ERRORS + " errors; only the first are listed"));
        }
        throw new ImportException(all);
    }

    /** The cell of a path, or of the nearest enclosing path that has one (a row for a whole person). */
    private static String cellOf(String path, Map<String, String> cells) {
        String at = path;
        while (!at.isEmpty() && !at.equals("$")) {
            String cell = cells.get(at);
            if (cell != null) {
                return cell;
            }
            int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
            at = cut < 0 ? "" : at.substring(0, cut);
        }
        return null;
    }

    /** The call's and the whole document's errors first, then by sheet in the contract's order, row and column. */
    static List<ImportError> sorted(List<ImportError> errors) {
        List<ImportError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt((ImportError e) -> sheetOrder(e.cell()))
                .thenComparingInt(e -> part(e.cell(), 3))
                .thenComparingInt(e -> part(e.cell(), 2)));
        return sorted;
    }

    private static int sheetOrder(String cell) {
        if (cell == null) {
            return -1;
        }
        String sheet = cell.substring(0, Math.max(0, cell.indexOf('!'))).toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < Layout.ALL.size(); i++) {
            if (Layout.ALL.get(i).name().equals(sheet)) {
                return i;
            }
        }
        return Layout.ALL.size();
    }

    /** Row (group 3) or column (group 2, letters as a base-26 number) of a reference; 0 when there is none. */
    private static int part(String cell, int group) {
        Matcher m = cell == null ? null : REF.matcher(cell);
        if (m == null || !m.matches()) {
            return 0;
        }
        if (group == 3) {
            return Integer.parseInt(m.group(3));
        }
        int column = 0;
        for (char c : m.group(2).toCharArray()) {
            column = column * 26 + (c - 'A' + 1);
        }
        return column;
    }
}
