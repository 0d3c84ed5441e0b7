package id.formasi.solver.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.formasi.solver.Planner;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.plan.Plans;
import id.formasi.solver.rules.Problem;
import id.formasi.solver.rules.ProblemBuilder;
import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.SnapshotReader;
import id.formasi.solver.snapshot.Staff;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The decree workbook opened again and checked cell by cell against the plan and its snapshot. */
class DecreeWorkbookTest {

    private static Snapshot snapshot;
    private static PlanDocument plan;
    private static byte[] xlsx;

    @BeforeAll
    static void solve() {
        snapshot = new SnapshotReader().read(Path.of("../samples/tiny.json"));
        Problem problem = ProblemBuilder.build(snapshot);
        plan = Plans.document(problem, new Planner().solve(problem, Planner.Options.of(Duration.ofSeconds(1))),
                "plan-tiny");
        xlsx = DecreeWorkbook.write(plan, snapshot,
                new DecreeWorkbook.Decision("APPROVED", "kepala.bkpsdm", Instant.parse("2026-11-02T03:04:00Z")));
    }

    /** The sheet's rows by number: index i is row i + 1 (null where the row is empty). */
    private static List<Row> rows(String sheet) throws Exception {
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = new java.util.ArrayList<>();
            for (Row row : book.findSheet(sheet).orElseThrow().read()) {
                while (rows.size() < row.getRowNum() - 1) {
                    rows.add(null);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static String text(Row row, int column) {
        return row.getCellAsString(column).orElse(null);
    }

    private static int number(Row row, int column) {
        return row.getCellAsNumber(column).map(BigDecimal::intValueExact).orElseThrow();
    }

    private interface RowCheck<T> {
        void check(int index, T item, Row row);
    }

    /** The sheet holds one row per item below its header, in order; {@code check} checks each. */
    private static <T> void eachRow(String sheet, List<T> items, RowCheck<T> check) throws Exception {
        List<Row> rows = rows(sheet);
        assertEquals(DecreeWorkbook.HEADER_ROW + items.size(), rows.size(), sheet);
        for (int i = 0; i < items.size(); i++) {
            check.check(i, items.get(i), rows.get(DecreeWorkbook.HEADER_ROW + i));
        }
    }

    @Test
    void everySheetStartsWithThePlanAndItsDecision() throws Exception {
        for (String sheet : List.of("mutasi", "pensiun_kontrak", "formasi", "kekurangan")) {
            List<Row> rows = rows(sheet);
            assertEquals("plan-tiny", text(rows.get(0), 1), sheet);
            assertEquals(snapshot.snapshotId(), text(rows.get(1), 1), sheet);
            assertEquals("APPROVED", text(rows.get(2), 1), sheet);
            assertEquals("kepala.bkpsdm", text(rows.get(3), 1), sheet);
            assertEquals("2026-11-02 03:04 UTC", text(rows.get(4), 1), sheet);
        }
    }

    @Test
    void mutasiHasOneRowAMoveWithTheNipAsTextAndNamesForCodes() throws Exception {
        assertFalse(plan.moves().isEmpty(), "the tiny sample has moves");
        Map<String, Staff> staff = snapshot.staff().stream().collect(Collectors.toMap(Staff::id, Function.identity()));
        Map<String, Facility> facilities = snapshot.facilities().stream()
                .collect(Collectors.toMap(Facility::id, Function.identity()));
        Row header = rows("mutasi").get(DecreeWorkbook.HEADER_ROW - 1);
        assertEquals(DecreeWorkbook.MUTASI, header.stream().map(Cell::getText).toList());
        eachRow("mutasi", plan.moves(), (i, move, row) -> {
            assertEquals(i + 1, number(row, 0));
            assertEquals(CellType.STRING, row.getCell(1).getType(), "NIP is a text cell");
            assertEquals(move.staffId(), text(row, 1));
            assertEquals(staff.get(move.staffId()).name(), text(row, 2));
            String jobName = snapshot.jobs().stream().filter(j -> j.code().equals(move.job())).findFirst()
                    .orElseThrow().name();
            assertEquals(jobName, text(row, 3));
            assertEquals(facilities.get(move.from()).name(), text(row, 5));
            assertEquals(facilities.get(move.from()).district(), text(row, 6));
            assertEquals(facilities.get(move.to()).name(), text(row, 7));
            assertEquals(facilities.get(move.to()).district(), text(row, 8));
            assertEquals(move.km(), number(row, 9));
            assertEquals(move.reason().id(), text(row, 10));
        });
    }

    @Test
    void formasiAndKekuranganListEveryFormationAndGap() throws Exception {
        eachRow("formasi", plan.formations(), (i, f, row) -> {
            assertEquals(f.facilityName(), text(row, 0));
            assertEquals(List.of(f.before(), f.leaving(), f.after(), f.minimum(), f.cap(), f.priority(),
                    f.missingBefore(), f.missingAfter(), (int) f.shortageAfter()),
                    List.of(number(row, 3), number(row, 4), number(row, 5), number(row, 6), number(row, 7),
                            number(row, 8), number(row, 9), number(row, 10), number(row, 11)));
        });
        eachRow("kekurangan", plan.unfilled(), (i, gap, row) -> {
            assertEquals(gap.missing(), number(row, 3));
            assertEquals(gap.reason().id(), text(row, 5));
        });
    }

    @Test
    void pensiunKontrakListsWhoLeavesWithTheDateAsADate() throws Exception {
        eachRow("pensiun_kontrak", plan.leaving(), (i, person, row) -> {
            assertEquals(CellType.STRING, row.getCell(1).getType());
            assertEquals(person.staffId(), text(row, 1));
            assertEquals(person.date(), row.getCellAsDate(7).orElseThrow().toLocalDate());
        });
    }

    @Test
    void headersAreFrozenAndFiltered() throws Exception {
        Map<String, String> parts = TemplateTest.parts(xlsx);
        String mutasi = parts.get("xl/worksheets/sheet1.xml");
        assertTrue(mutasi.contains("ySplit=\"" + DecreeWorkbook.HEADER_ROW + "\""), "frozen below the header");
        assertTrue(mutasi.contains("<autoFilter ref=\"A" + DecreeWorkbook.HEADER_ROW + ":K"), "filters on the header");
        assertTrue(mutasi.contains("customWidth=\"true\""), "widths set");
    }
}
