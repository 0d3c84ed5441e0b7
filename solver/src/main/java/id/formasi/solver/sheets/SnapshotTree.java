package id.formasi.solver.sheets;

import id.formasi.solver.snapshot.Policy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the snapshot's JSON tree from the sheets, remembering for every path the cell it came from, so
 * that the snapshot validator's errors can be named by cell. A cell that cannot be read leaves its field
 * out and records an error; the validator then judges the rest.
 */
final class SnapshotTree {

    private static final Map<String, String> SECTORS = Map.of("PENDIDIKAN", "EDUCATION", "KESEHATAN", "HEALTH",
            "LAINNYA", "OTHER", "EDUCATION", "EDUCATION", "HEALTH", "HEALTH", "OTHER", "OTHER");
    private static final Map<String, String> STATUSES = Map.of("BUKA", "OPEN", "BARU", "OPENING", "TUTUP", "CLOSING",
            "OPEN", "OPEN", "OPENING", "OPENING", "CLOSING", "CLOSING");
    private static final Map<String, String> EMPLOYMENTS = Map.of("PNS", "PNS", "PPPK", "PPPK");
    private static final List<String> SNAPSHOT_KEYS = List.of("snapshotId", "tenant", "asOf", "planningDate");
    private static final List<String> POLICY_KEYS =
            Arrays.stream(Policy.class.getRecordComponents()).map(c -> c.getName()).toList();

    final ObjectNode root = JsonNodeFactory.instance.objectNode();
    /** Snapshot path to the cell it came from. */
    final Map<String, String> cells = new HashMap<>();
    /** Paths whose column or sheet is missing: that is reported once already, not again for every row. */
    final Set<String> silent = new HashSet<>();
    private final List<ImportError> errors;
    private final List<ImportError> warnings;
    private final Values values;
    private final Set<String> jobCodes = new HashSet<>();
    private final Map<String, String> jobNames = new HashMap<>();
    private final Map<String, Integer> facilityIndex = new HashMap<>();

    SnapshotTree(List<ImportError> errors, List<ImportError> warnings) {
        this.errors = errors;
        this.warnings = warnings;
        this.values = new Values(errors);
    }

    void build(Map<String, Table> tables, SheetImport.Fields call) {
        root.put("schemaVersion", 1);
        snapshotFields(tables.get(Layout.SNAPSHOT.name()), call);
        Table jobs = sheet(tables, Layout.JABATAN, "jobs");
        if (jobs != null) {
            jobs(jobs);
        }
        Table units = sheet(tables, Layout.UNIT, "facilities");
        if (units != null) {
            facilities(units);
        }
        Table formations = sheet(tables, Layout.FORMASI, "facilities");
        if (formations != null && units != null) {
            formations(formations);
        }
        Table staff = sheet(tables, Layout.PEGAWAI, "staff");
        if (staff != null) {
            staff(staff);
        }
        Table policy = tables.get(Layout.KEBIJAKAN.name());
        if (policy != null) {
            policy(policy);
        }
    }

    private Table sheet(Map<String, Table> tables, Layout.Sheet layout, String path) {
        Table table = tables.get(layout.name());
        if (table == null) {
            silent.add(path);
            errors.add(new ImportError(layout.name() + "!A1", path, "lembar " + layout.name() + " tidak ada",
                    "the " + layout.name() + " sheet is missing"));
        }
        return table;
    }

    private void jobs(Table table) {
        cells.put("jobs", table.name() + "!A1");
        rows(table, Layout.JABATAN, "jobs", (i, row, path, job, c) -> {
            String code = text(job, path, "code", c, row, "kode");
            String name = text(job, path, "name", c, row, "nama");
            choice(job, path, "sector", c, row, "sektor", SECTORS, "PENDIDIKAN, KESEHATAN, LAINNYA");
            number(job, path, "retirementAge", c, row, "bup");
            if (code != null) {
                jobCodes.add(code);
                if (name != null) {
                    jobNames.putIfAbsent(name.toLowerCase(Locale.ROOT), code);
                }
            }
        });
    }

    private void facilities(Table table) {
        rows(table, Layout.UNIT, "facilities", (i, row, path, facility, c) -> {
            String id = text(facility, path, "id", c, row, "id");
            if (id != null) {
                facilityIndex.putIfAbsent(id, i);
            }
            text(facility, path, "name", c, row, "nama");
            text(facility, path, "kind", c, row, "jenis");
            text(facility, path, "district", c, row, "kecamatan");
            location(facility, path + ".location", c, row, "lat", "lon");
            if (c.cell(row, "status") == null) {
                facility.put("status", "OPEN");
            } else {
                choice(facility, path, "status", c, row, "status", STATUSES, "BUKA, BARU, TUTUP");
            }
            facility.putArray("formations");
        });
    }

    private void formations(Table table) {
        Columns c = Columns.of(table, Layout.FORMASI, "facilities[].formations", errors, warnings);
        if (!c.has("unit")) {
            return;
        }
        ArrayNode facilities = (ArrayNode) root.get("facilities");
        for (Table.Row row : table.rows()) {
            Cell unit = c.cell(row, "unit");
            if (unit == null) {
                values.error(c.ref(row, "unit"), "facilities[].formations", "unit kosong: tulis kode unit dari lembar"
                        + " unit", "the unit is empty: write a facility id from the unit sheet");
                continue;
            }
            Integer at = facilityIndex.get(Values.text(unit));
            if (at == null) {
                values.error(unit.ref(), "facilities[].formations", "unit " + Quote.of(Values.text(unit))
                        + " tidak ada di lembar unit", "facility " + Quote.of(Values.text(unit))
                        + " is not in the unit sheet");
                continue;
            }
            ArrayNode list = (ArrayNode) facilities.get(at).get("formations");
            String path = "facilities[" + at + "].formations[" + list.size() + "]";
            cells.put(path, unit.ref());
            ObjectNode formation = list.addObject();
            job(formation, path, "job", c, row, "jabatan");
            number(formation, path, "cap", c, row, "formasi");
            number(formation, path, "minimum", c, row, "kebutuhan");
            number(formation, path, "priority", c, row, "prioritas");
        }
    }

    private void staff(Table table) {
        rows(table, Layout.PEGAWAI, "staff", (i, row, path, person, c) -> {
            Cell nip = field(path, "id", c, row, "nip");
            String id = nip == null ? null : values.nip(nip, path + ".id");
            if (id != null) {
                person.put("id", id);
            }
            text(person, path, "name", c, row, "nama");
            choice(person, path, "employment", c, row, "status_kepegawaian", EMPLOYMENTS, "PNS, PPPK");
            job(person, path, "job", c, row, "jabatan");
            alsoQualifiedFor(person, path, c, row);
            text(person, path, "facility", c, row, "unit");
            date(person, path, "birthDate", c, row, "tanggal_lahir", true);
            date(person, path, "postedSince", c, row, "tmt_unit", false);
            date(person, path, "firstPostingSince", c, row, "tmt_pertama", false);
            date(person, path, "contractEnd", c, row, "akhir_kontrak", false);
            if (c.cell(row, "lat_rumah") != null || c.cell(row, "lon_rumah") != null) {
                location(person, path + ".home", c, row, "lat_rumah", "lon_rumah");
            }
            text(person, path, "protected", c, row, "dilindungi");
        });
    }

    private void alsoQualifiedFor(ObjectNode person, String path, Columns c, Table.Row row) {
        Cell cell = field(path, "alsoQualifiedFor", c, row, "kualifikasi_lain");
        ArrayNode codes = person.putArray("alsoQualifiedFor");
        if (cell == null) {
            return;
        }
        for (String code : Values.text(cell).split("[,;]")) {
            if (!code.isBlank()) {
                cells.put(path + ".alsoQualifiedFor[" + codes.size() + "]", cell.ref());
                codes.add(jobCode(code.strip()));
            }
        }
    }

    private void snapshotFields(Table table, SheetImport.Fields call) {
        Map<String, Cell> given = table == null ? Map.of() : keyValues(table, Layout.SNAPSHOT, SNAPSHOT_KEYS, "$");
        for (String key : SNAPSHOT_KEYS) {
            String fromCall = call.get(key);
            Cell cell = fromCall != null ? Cell.text(null, fromCall) : given.get(key);
            if (cell == null) {
                continue;
            }
            if (cell.ref() != null) {
                cells.put(key, cell.ref());
            }
            if (key.equals("asOf") || key.equals("planningDate")) {
                LocalDate date = values.date(cell, key, false);
                if (date != null) {
                    root.put(key, date.toString());
                }
            } else {
                root.put(key, Values.text(cell));
            }
        }
    }

    private void policy(Table table) {
        ObjectNode policy = root.putObject("policy");
        keyValues(table, Layout.KEBIJAKAN, POLICY_KEYS, "policy").forEach((key, cell) -> {
            String path = "policy." + key;
            cells.put(path, cell.ref());
            if (Values.text(cell).equalsIgnoreCase("null")) {
                policy.putNull(key);
            } else {
                BigDecimal number = values.number(cell, path);
                if (number != null) {
                    policy.put(key, number);
                }
            }
        });
    }

    /** The non-empty values of a kunci/nilai sheet by their key; unknown and repeated keys are errors. */
    private Map<String, Cell> keyValues(Table table, Layout.Sheet layout, List<String> keys, String path) {
        Columns c = Columns.of(table, layout, path, errors, warnings);
        Map<String, String> byNormal = keys.stream().collect(Collectors.toMap(Layout::normalize, k -> k));
        Map<String, Cell> found = new HashMap<>();
        Map<String, String> where = new HashMap<>();
        for (Table.Row row : table.rows()) {
            Cell keyCell = c.cell(row, "kunci");
            Cell value = c.cell(row, "nilai");
            if (keyCell == null) {
                continue;
            }
            String key = byNormal.get(Layout.normalize(Values.text(keyCell)));
            if (key == null) {
                values.error(keyCell.ref(), path, "kunci " + Quote.of(Values.text(keyCell)) + " tidak dikenal; yang"
                        + " dikenal: " + String.join(", ", keys), "unknown key " + Quote.of(Values.text(keyCell))
                        + "; known keys: " + String.join(", ", keys));
            } else if (where.putIfAbsent(key, keyCell.ref()) != null) {
                values.error(keyCell.ref(), path, "kunci " + key + " muncul dua kali, pertama di " + where.get(key),
                        "key " + key + " appears twice, first at " + where.get(key));
            } else if (value != null) {
                found.put(key, value);
            }
        }
        return found;
    }

    // ---- fields ------------------------------------------------------------------------------

    /** How one row of a sheet becomes one element of a snapshot array. */
    private interface RowReader {
        void read(int index, Table.Row row, String path, ObjectNode element, Columns c);
    }

    /** Each row of the sheet as an element of the snapshot array {@code collection}, its path at the row's cell A. */
    private void rows(Table table, Layout.Sheet layout, String collection, RowReader reader) {
        Columns c = Columns.of(table, layout, collection, errors, warnings);
        ArrayNode elements = root.putArray(collection);
        for (int i = 0; i < table.rows().size(); i++) {
            Table.Row row = table.rows().get(i);
            String path = collection + "[" + i + "]";
            cells.put(path, row.ref(table.name(), 0));
            reader.read(i, row, path, elements.addObject(), c);
        }
    }

    /** The cell of a field, its path remembered; null when the column is missing (already reported) or empty. */
    private Cell field(String path, String field, Columns c, Table.Row row, String column) {
        String at = path + "." + field;
        String ref = c.ref(row, column);
        if (ref == null) {
            silent.add(at);
            return null;
        }
        cells.put(at, ref);
        return c.cell(row, column);
    }

    private String text(ObjectNode node, String path, String field, Columns c, Table.Row row, String column) {
        Cell cell = field(path, field, c, row, column);
        if (cell == null) {
            return null;
        }
        String text = Values.text(cell);
        node.put(field, text);
        return text;
    }

    private void job(ObjectNode node, String path, String field, Columns c, Table.Row row, String column) {
        Cell cell = field(path, field, c, row, column);
        if (cell != null) {
            node.put(field, jobCode(Values.text(cell)));
        }
    }

    /** A job code as written, or the code of the job with that name (SIASN prints names). */
    private String jobCode(String text) {
        return jobCodes.contains(text) ? text : jobNames.getOrDefault(text.toLowerCase(Locale.ROOT), text);
    }

    private void number(ObjectNode node, String path, String field, Columns c, Table.Row row, String column) {
        Cell cell = field(path, field, c, row, column);
        BigDecimal number = cell == null ? null : values.number(cell, path + "." + field);
        if (number != null) {
            node.put(field, number);
        }
    }

    /** {@code {lat, lon}} at {@code path}, whose last segment is the field's name. */
    private void location(ObjectNode node, String path, Columns c, Table.Row row, String lat, String lon) {
        ObjectNode location = node.putObject(path.substring(path.lastIndexOf('.') + 1));
        cells.put(path, c.ref(row, lat));
        number(location, path, "lat", c, row, lat);
        number(location, path, "lon", c, row, lon);
    }

    private void date(ObjectNode node, String path, String field, Columns c, Table.Row row, String column,
            boolean personal) {
        Cell cell = field(path, field, c, row, column);
        LocalDate date = cell == null ? null : values.date(cell, path + "." + field, personal);
        if (date != null) {
            node.put(field, date.toString());
        }
    }

    private void choice(ObjectNode node, String path, String field, Columns c, Table.Row row, String column,
            Map<String, String> accepted, String shown) {
        Cell cell = field(path, field, c, row, column);
        String value = cell == null ? null : values.choice(cell, path + "." + field, accepted, shown);
        if (value != null) {
            node.put(field, value);
        }
    }
}
