package id.formasi.solver.sheets;

import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.Job;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.Staff;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The plan as a workbook to draft decrees from: {@code mutasi} (one row a move), {@code pensiun_kontrak}
 * (who leaves), {@code formasi} (every formation before and after) and {@code kekurangan} (what stays
 * unfilled, and why). Headers in Bahasa Indonesia; NIPs are text cells; people, jobs and facilities by name;
 * the plan's id, snapshot, status and decision on the first rows of every sheet.
 */
public final class DecreeWorkbook {

    /** Who decided the plan and when; both null while it is undecided. */
    public record Decision(String status, String decidedBy, Instant decidedAt) {
    }

    /** The table's header row (1-based) below the plan's rows; data follows it. */
    static final int HEADER_ROW = 7;
    private static final int MAX_WIDTH = 60;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    static final List<String> MUTASI = List.of("No", "NIP", "Nama", "Jabatan", "Jabatan Asal", "Unit Asal",
            "Kecamatan Asal", "Unit Tujuan", "Kecamatan Tujuan", "Jarak (km)", "Alasan");
    static final List<String> PENSIUN_KONTRAK = List.of("No", "NIP", "Nama", "Jabatan", "Unit", "Kecamatan",
            "Sebab", "Tanggal", "Keterangan");
    static final List<String> FORMASI = List.of("Unit", "Kecamatan", "Jabatan", "Sebelum", "Keluar", "Sesudah",
            "Kebutuhan", "Formasi", "Prioritas", "Kurang Sebelum", "Kurang Sesudah", "Kurang Berbobot Sesudah");
    static final List<String> KEKURANGAN = List.of("Unit", "Kecamatan", "Jabatan", "Kurang", "Prioritas", "Alasan");

    private final Map<String, Staff> staff;
    private final Map<String, Facility> facilities;
    private final Map<String, Job> jobs;

    private DecreeWorkbook(Snapshot snapshot) {
        staff = snapshot.staff().stream().collect(Collectors.toMap(Staff::id, Function.identity()));
        facilities = snapshot.facilitiesById();
        jobs = snapshot.jobsByCode();
    }

    /** The workbook of a plan made from this snapshot. */
    public static byte[] write(PlanDocument plan, Snapshot snapshot, Decision decision) {
        DecreeWorkbook names = new DecreeWorkbook(snapshot);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook book = new Workbook(bytes, "Formasi", "1.0");
            List<List<Object>> plain = planRows(plan, decision);
            names.sheet(book, "mutasi", plain, MUTASI, names.moves(plan), 1);
            names.sheet(book, "pensiun_kontrak", plain, PENSIUN_KONTRAK, names.leaving(plan), 1);
            names.sheet(book, "formasi", plain, FORMASI, names.formations(plan), -1);
            names.sheet(book, "kekurangan", plain, KEKURANGAN, names.unfilled(plan), -1);
            book.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<List<Object>> planRows(PlanDocument plan, Decision decision) {
        return List.of(
                List.of("Rencana / Plan", plan.planId()),
                List.of("Snapshot", plan.snapshotId()),
                List.of("Status", decision.status() == null ? plan.status() : decision.status()),
                List.of("Diputuskan oleh / Decided by", decision.decidedBy() == null ? "-" : decision.decidedBy()),
                List.of("Pada / At", decision.decidedAt() == null ? "-" : AT.format(decision.decidedAt())));
    }

    private List<List<Object>> moves(PlanDocument plan) {
        List<List<Object>> rows = new ArrayList<>();
        for (PlanDocument.Move move : plan.moves()) {
            rows.add(Arrays.asList(rows.size() + 1, move.staffId(), name(move.staffId()), job(move.job()),
                    move.fromJob().equals(move.job()) ? null : job(move.fromJob()), facility(move.from()),
                    district(move.from()), facility(move.to()), district(move.to()), move.km(), move.reason().id()));
        }
        return rows;
    }

    private List<List<Object>> leaving(PlanDocument plan) {
        List<List<Object>> rows = new ArrayList<>();
        for (PlanDocument.Leaving person : plan.leaving()) {
            rows.add(Arrays.asList(rows.size() + 1, person.staffId(), name(person.staffId()), job(person.job()),
                    facility(person.facilityId()), district(person.facilityId()),
                    person.reason().equals("RETIREMENT") ? "Pensiun (BUP)" : "Kontrak PPPK berakhir", person.date(),
                    person.explanation().id()));
        }
        return rows;
    }

    private List<List<Object>> formations(PlanDocument plan) {
        List<List<Object>> rows = new ArrayList<>();
        for (PlanDocument.FormationResult f : plan.formations()) {
            rows.add(Arrays.asList(facility(f.facilityId()), district(f.facilityId()), job(f.job()), f.before(),
                    f.leaving(), f.after(), f.minimum(), f.cap(), f.priority(), f.missingBefore(), f.missingAfter(),
                    f.shortageAfter()));
        }
        return rows;
    }

    private List<List<Object>> unfilled(PlanDocument plan) {
        List<List<Object>> rows = new ArrayList<>();
        for (PlanDocument.Unfilled u : plan.unfilled()) {
            rows.add(Arrays.asList(facility(u.facilityId()), district(u.facilityId()), job(u.job()), u.missing(),
                    u.priority(), u.reason().id()));
        }
        return rows;
    }

    /**
     * The plan's rows, the header at {@link #HEADER_ROW} (frozen, with filters) and the table; {@code nipColumn}
     * is the column whose cells are NIPs, kept as text (-1: none).
     */
    private void sheet(Workbook book, String name, List<List<Object>> plan, List<String> header,
            List<List<Object>> rows, int nipColumn) {
        Worksheet ws = book.newWorksheet(name);
        for (int r = 0; r < plan.size(); r++) {
            ws.value(r, 0, (String) plan.get(r).get(0));
            ws.style(r, 0).bold().set();
            ws.value(r, 1, (String) plan.get(r).get(1));
        }
        int top = HEADER_ROW - 1;
        int[] widths = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            ws.value(top, c, header.get(c));
            ws.style(top, c).bold().fillColor("DDEBF7").wrapText(true).set();
            widths[c] = header.get(c).length();
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Cells.value(ws, top + 1 + r, c, row.get(c));
                widths[c] = Math.max(widths[c], row.get(c) == null ? 0 : shown(row.get(c)).length());
            }
            if (nipColumn >= 0) {
                ws.style(top + 1 + r, nipColumn).format("@").set();
            }
        }
        for (int c = 0; c < header.size(); c++) {
            ws.width(c, Math.min(MAX_WIDTH, widths[c] + 2));
        }
        ws.freezePane(0, HEADER_ROW);
        ws.setAutoFilter(top, 0, top + Math.max(1, rows.size()), header.size() - 1);
    }

    private static String shown(Object value) {
        return value instanceof java.time.LocalDate ? "00/00/0000" : value.toString();
    }

    private String name(String staffId) {
        return lookUp(staff, staffId, Staff::name, null);
    }

    /** A code without a job in the snapshot stands as itself; likewise a facility id. */
    private String job(String code) {
        return lookUp(jobs, code, Job::name, code);
    }

    private String facility(String id) {
        return lookUp(facilities, id, Facility::name, id);
    }

    private String district(String id) {
        return lookUp(facilities, id, Facility::district, null);
    }

    private static <T> String lookUp(Map<String, T> byId, String id, Function<T, String> field, String missing) {
        T found = byId.get(id);
        return found == null ? missing : field.apply(found);
    }
}
