package id.formasi.solver.sheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/** The containers of the contract: an {@code .xlsx} workbook, a zip of CSV files, a folder of CSV files. */
final class Sources {

    static final Set<String> SHEETS = Layout.ALL.stream().map(Layout.Sheet::name).collect(Collectors.toSet());
    /** The largest workbook or zip read: a province's staff is a few MB. */
    static final long MAX_BYTES = 100L * 1024 * 1024;

    private Sources() {
    }

    /** The sheets by lower-case name, or null when the input cannot be read at all (the error says why). */
    static Map<String, Table> tables(byte[] bytes, List<ImportError> errors) {
        if (bytes.length > MAX_BYTES) {
            errors.add(whole("berkas lebih dari " + MAX_BYTES + " bita", "the file is over " + MAX_BYTES + " bytes"));
            return null;
        }
        if (isOle2(bytes)) {
            errors.add(whole("berkas .xls lama tidak didukung: simpan sebagai .xlsx (Buku Kerja Excel)",
                    "an old .xls file is not supported: save it as .xlsx (Excel Workbook)"));
            return null;
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            errors.add(whole("bukan buku kerja .xlsx atau zip berisi berkas CSV",
                    "not an .xlsx workbook nor a zip of CSV files"));
            return null;
        }
        if (holdsName(bytes, "[Content_Types].xml")) {
            Map<String, Table> tables = XlsxReader.read(bytes, SHEETS, errors);
            return errors.isEmpty() || !tables.isEmpty() ? tables : null;
        }
        Map<String, byte[]> entries = unzip(bytes, errors);
        if (entries == null) {
            return null;
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        entries.forEach((name, content) -> {
            if (name.endsWith(".csv") && SHEETS.contains(name.substring(0, name.length() - 4))) {
                String sheet = name.substring(0, name.length() - 4);
                tables.put(sheet, CsvReader.read(sheet, content, errors));
            }
        });
        return tables;
    }

    static Map<String, Table> tables(Path path, List<ImportError> errors) {
        try {
            if (Files.isDirectory(path)) {
                Map<String, Table> tables = new LinkedHashMap<>();
                try (Stream<Path> files = Files.list(path)) {
                    for (Path file : files.sorted().toList()) {
                        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                        String sheet = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : "";
                        if (SHEETS.contains(sheet) && Files.isRegularFile(file)) {
                            if (tables.containsKey(sheet)) {
                                errors.add(whole("dua berkas " + name + " di folder", "two files " + name
                                        + " in the folder"));
                                return null;
                            }
                            tables.put(sheet, CsvReader.read(sheet, read(file), errors));
                        }
                    }
                }
                return tables;
            }
            return tables(read(path), errors);
        } catch (IOException e) {
            errors.add(whole("berkas " + path + " tidak dapat dibaca", "cannot read the file " + path));
            return null;
        }
    }

    private static byte[] read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException("too large");
        }
        return Files.readAllBytes(file);
    }

    /**
     * Every entry by its lower-case file name (folders inside the zip do not matter); the content is kept
     * only for CSV files, within the bounds of {@link Limits}.
     */
    private static Map<String, byte[]> unzip(byte[] bytes, List<ImportError> errors) {
        Map<String, byte[]> entries = new HashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                if (entries.size() == Limits.MAX_ZIP_ENTRIES) {
                    errors.add(whole("zip berisi lebih dari " + Limits.MAX_ZIP_ENTRIES + " berkas",
                            "the zip holds more than " + Limits.MAX_ZIP_ENTRIES + " files"));
                    return null;
                }
                boolean csv = name.endsWith(".csv") && SHEETS.contains(name.substring(0, name.length() - 4));
                if (csv && entries.containsKey(name)) {
                    errors.add(whole("dua berkas " + name + " di dalam zip", "two files " + name + " in the zip"));
                    return null;
                }
                byte[] content = csv ? limited(zip, Limits.MAX_UNZIPPED_BYTES - total) : new byte[0];
                if (content == null) {
                    errors.add(whole("isi zip lebih dari " + Limits.MAX_UNZIPPED_BYTES + " bita",
                            "the zip unpacks to more than " + Limits.MAX_UNZIPPED_BYTES + " bytes"));
                    return null;
                }
                total += content.length;
                entries.put(name, content);
            }
        } catch (ZipException e) {
            errors.add(whole("berkas zip rusak", "the zip file is damaged"));
            return null;
        } catch (IOException e) {
            errors.add(whole("berkas zip tidak dapat dibaca", "the zip file cannot be read"));
            return null;
        }
        return entries;
    }

    /** The rest of the entry, or null when it is longer than {@code max} bytes. */
    private static byte[] limited(InputStream in, long max) throws IOException {
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, max) + 1));
        return content.length > max ? null : content;
    }

    /** Whether a zip names an entry so: names are stored as they are, in every local header and at the end. */
    private static boolean holdsName(byte[] zip, String name) {
        byte[] wanted = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + wanted.length <= zip.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (zip[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isOle2(byte[] bytes) {
        byte[] magic = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1};
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static ImportError whole(String id, String en) {
        return new ImportError(null, "$", id, en);
    }
}
