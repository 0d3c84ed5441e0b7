package id.formasi.solver.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** The template as a planner opens it: headers, a comment on each, NIP as Text, lists to choose from. */
class TemplateTest {

    private static final byte[] TEMPLATE = SheetsWriter.template();

    @Test
    void theSheetsHaveTheContractsHeadersInOrder() throws Exception {
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(TEMPLATE))) {
            List<String> names = book.getSheets().map(s -> s.getName()).toList();
            assertEquals(List.of("jabatan", "unit", "formasi", "pegawai", "snapshot", "kebijakan"), names);
            for (Layout.Sheet layout : Layout.ALL) {
                Row header = book.findSheet(layout.name()).orElseThrow().read().get(0);
                List<String> expected = layout.columns().stream().map(Layout.Column::name).toList();
                assertEquals(expected, header.stream().map(c -> c.getText()).toList(), layout.name());
            }
        }
    }

    @Test
    void everyHeaderHasACommentSayingWhatGoesThere() throws Exception {
        Map<String, String> parts = parts(TEMPLATE);
        for (int i = 0; i < Layout.ALL.size(); i++) {
            Layout.Sheet layout = Layout.ALL.get(i);
            String comments = parts.get("xl/comments" + (i + 1) + ".xml");
            for (int c = 0; c < layout.columns().size(); c++) {
                String ref = Cell.column(c) + "1";
                assertTrue(comments.contains("ref=\"" + ref + "\""), layout.name() + " " + ref);
            }
            assertTrue(comments.contains(escape(layout.columns().get(0).hint())), layout.name());
        }
    }

    @Test
    void theNipColumnIsTextAndTheChoicesHaveLists() throws Exception {
        Map<String, String> parts = parts(TEMPLATE);
        Matcher text = Pattern.compile("<numFmt numFmtId=\"(\\d+)\" formatCode=\"@\"/>").matcher(parts.get("xl/styles.xml"));
        assertTrue(text.find(), "a Text number format");
        String pegawai = parts.get("xl/worksheets/sheet4.xml");
        Matcher nipColumn = Pattern.compile("<col min=\"1\" max=\"1\"[^>]* style=\"(\\d+)\"").matcher(pegawai);
        assertTrue(nipColumn.find(), "column A has a style");
        assertEquals(text.group(1), numberFormatOfStyle(parts.get("xl/styles.xml"), Integer.parseInt(nipColumn.group(1))));
        assertTrue(pegawai.contains("sqref=\"C2:C100001\" type=\"list\""), "status_kepegawaian");
        assertTrue(pegawai.contains("<formula1>\"PNS,PPPK\"</formula1>"));
        assertTrue(parts.get("xl/worksheets/sheet1.xml").contains("<formula1>\"PENDIDIKAN,KESEHATAN,LAINNYA\"</formula1>"));
        assertTrue(parts.get("xl/worksheets/sheet2.xml").contains("sqref=\"G2:G100001\" type=\"list\""), "unit status");
        assertTrue(parts.get("xl/worksheets/sheet2.xml").contains("<formula1>\"BUKA,BARU,TUTUP\"</formula1>"));
        assertTrue(pegawai.contains("state=\"frozen\""), "the header row stays in view");
    }

    /** The numFmtId of the cellXfs entry at this index. */
    private static String numberFormatOfStyle(String styles, int index) {
        String xfs = styles.substring(styles.indexOf("<cellXfs"));
        Matcher xf = Pattern.compile("<xf [^>]*numFmtId=\"(\\d+)\"").matcher(xfs);
        for (int i = 0; i <= index; i++) {
            assertTrue(xf.find(), "style " + index);
        }
        return xf.group(1);
    }

    static Map<String, String> parts(byte[] xlsx) throws Exception {
        // fastexcel streams its entries (sizes after the data), which ZipInputStream cannot read; ZipFile can.
        Path file = Files.createTempFile("formasi", ".xlsx");
        try {
            Files.write(file, xlsx);
            Map<String, String> parts = new HashMap<>();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (var e : java.util.Collections.list(zip.entries())) {
                    parts.put(e.getName(), new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return parts;
        } finally {
            Files.delete(file);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
