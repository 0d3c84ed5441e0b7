package id.formasi.solver.sheets;

import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.Formation;
import id.formasi.solver.snapshot.Job;
import id.formasi.solver.snapshot.Policy;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.Staff;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes the import's own workbook: the template (headers only) or a snapshot in the sheets the import
 * reads back to the same snapshot. Each header has a comment saying what goes there, the NIP column is
 * Text, and status, sector and employment offer their lists.
 */
public final class SheetsWriter {

    static final String DATE_FORMAT = "dd/mm/yyyy";
    private static final Map<String, String> SECTOR_WORDS = Map.of("EDUCATION", "PENDIDIKAN", "HEALTH", "KESEHATAN",
            "OTHER", "LAINNYA");
    private static final Map<String, String> STATUS_WORDS = Map.of("OPEN", "BUKA", "OPENING", "BARU", "CLOSING", "TUTUP");
    /** Rows a list or the Text format covers in the template: more than a province needs. */
    private static final int FORMATTED_ROWS = 100_000;

    private SheetsWriter() {
    }

    /** The empty workbook to fill: the four sheets, then {@code snapshot} and {@code kebijakan} with their keys. */
    public static byte[] template() {
        return write(null);
    }

    /** The snapshot in the import's sheets; importing them gives the same snapshot back. */
    public static byte[] workbook(Snapshot snapshot) {
        return write(snapshot);
    }

    private static byte[] write(Snapshot snapshot) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(snapshot, bytes);
        return bytes.toByteArray();
    }

    static void write(Snapshot snapshot, OutputStream out) {
        try {
            Workbook book = new Workbook(out, "Formasi", "1.0");
            List<List<Object>> jobs = new ArrayList<>();
            List<List<Object>> units = new ArrayList<>();
            List<List<Object>> formations = new ArrayList<>();
            List<List<Object>> staff = new ArrayList<>();
            List<List<Object>> fields = new ArrayList<>();
            List<List<Object>> policy = new ArrayList<>();
            rows(snapshot, jobs, units, formations, staff, fields, policy);
            sheet(book, Layout.JABATAN, jobs);
            sheet(book, Layout.UNIT, units);
            sheet(book, Layout.FORMASI, formations);
            sheet(book, Layout.PEGAWAI, staff);
            sheet(book, Layout.SNAPSHOT, fields);
            sheet(book, Layout.KEBIJAKAN, policy);
            book.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of every sheet, one list of values (null = empty) a row, in the columns of {@link Layout}. */
    static void rows(Snapshot snapshot, List<List<Object>> jobs, List<List<Object>> units,
            List<List<Object>> formations, List<List<Object>> staff, List<List<Object>> fields,
            List<List<Object>> policy) {
        if (snapshot == null) {
            for (String key : List.of("snapshotId", "tenant", "asOf", "planningDate")) {
                fields.add(Arrays.asList(key, null));
            }
            Arrays.stream(Policy.class.getRecordComponents()).forEach(c -> policy.add(Arrays.asList(c.getName(), null)));
            return;
        }
        for (Job job : snapshot.jobs()) {
            jobs.add(Arrays.asList(job.code(), job.name(), SECTOR_WORDS.get(job.sector().name()), job.retirementAge()));
        }
        for (Facility f : snapshot.facilities()) {
            units.add(Arrays.asList(f.id(), f.name(), f.kind(), f.district(), f.location().lat(), f.location().lon(),
                    STATUS_WORDS.get(f.status().name())));
            for (Formation formation : f.formations()) {
                formations.add(Arrays.asList(f.id(), formation.job(), formation.cap(), formation.minimum(),
                        formation.priority()));
            }
        }
        for (Staff s : snapshot.staff()) {
            staff.add(Arrays.asList(s.id(), s.name(), s.employment().name(), s.job(),
                    s.alsoQualifiedFor().isEmpty() ? null : String.join(";", s.alsoQualifiedFor()), s.facility(),
                    s.birthDate(), s.postedSince(), s.firstPostingSince(), s.contractEnd(),
                    s.home() == null ? null : s.home().lat(), s.home() == null ? null : s.home().lon(),
                    s.protectedReason()));
        }
        fields.add(Arrays.asList("snapshotId", snapshot.snapshotId()));
        fields.add(Arrays.asList("tenant", snapshot.tenant()));
        fields.add(Arrays.asList("asOf", snapshot.asOf()));
        fields.add(Arrays.asList("planningDate", snapshot.planningDate()));
        for (var component : Policy.class.getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(snapshot.policy());
                if (value != null) {
                    policy.add(Arrays.asList(component.getName(), value));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read policy field " + component.getName(), e);
            }
        }
    }

    private static void sheet(Workbook book, Layout.Sheet layout, List<List<Object>> rows) {
        Worksheet ws = book.newWorksheet(layout.name());
        List<Layout.Column> columns = layout.columns();
        for (int c = 0; c < columns.size(); c++) {
            Layout.Column column = columns.get(c);
            ws.value(0, c, column.name());
            ws.style(0, c).bold().fillColor("DDEBF7").set();
            ws.comment(0, c, column.hint());
            ws.width(c, Math.max(12, column.name().length() + 4));
        }
        ws.freezePane(0, 1);
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Cells.value(ws, r + 1, c, row.get(c));
            }
        }
        if (layout == Layout.PEGAWAI) {
            // Typed or pasted NIPs stay text: a number cell keeps only 15 digits.
            ws.style(layout.index("nip")).format("@").set();
            for (int r = 1; r <= rows.size(); r++) {
                ws.style(r, layout.index("nip")).format("@").set();
            }
            list(ws, layout.index("status_kepegawaian"), "PNS,PPPK");
        }
        if (layout == Layout.JABATAN) {
            list(ws, layout.index("sektor"), "PENDIDIKAN,KESEHATAN,LAINNYA");
        }
        if (layout == Layout.UNIT) {
            list(ws, layout.index("status"), "BUKA,BARU,TUTUP");
        }
    }

    private static void list(Worksheet ws, int column, String words) {
        ws.range(1, column, FORMATTED_ROWS, column).validateWithListByFormula("\"" + words + "\"")
                .allowBlank(true).errorStyle(DataValidationErrorStyle.WARNING).showErrorMessage(true).errorTitle("Formasi")
                .error("Pilih salah satu: " + words + " / Choose one of: " + words);
    }
}
