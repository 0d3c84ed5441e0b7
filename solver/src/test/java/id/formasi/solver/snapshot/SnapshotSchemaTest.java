package id.formasi.solver.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Keeps docs/snapshot.schema.json, docs/snapshot-format.md, the records and the reader from drifting apart. */
class SnapshotSchemaTest {

    /** Each record and the schema object that describes it. */
    private static final Map<Class<? extends Record>, String> DEFINITIONS = Map.of(
            Snapshot.class, "",
            Job.class, "/$defs/job",
            Facility.class, "/$defs/facility",
            Formation.class, "/$defs/formation",
            Location.class, "/$defs/location",
            Staff.class, "/$defs/staff",
            Policy.class, "/$defs/policy");

    /** Each schema object and where the valid test snapshot has one of it. */
    private static final Map<String, String> EXAMPLES = Map.of(
            "", "",
            "/$defs/job", "/jobs/0",
            "/$defs/facility", "/facilities/0",
            "/$defs/formation", "/facilities/0/formations/0",
            "/$defs/location", "/facilities/0/location",
            "/$defs/staff", "/staff/0");

    /** Each field table of docs/snapshot-format.md, by its heading, and the schema object it documents. */
    private static final Map<String, String> TABLES = Map.of(
            "The document", "",
            "`jobs[]`", "/$defs/job",
            "`facilities[]`", "/$defs/facility",
            "`facilities[].formations[]`", "/$defs/formation",
            "`location` (of a facility, and a person's `home`)", "/$defs/location",
            "`staff[]`", "/$defs/staff",
            "`policy`", "/$defs/policy");

    private final JsonNode schema = Json.MAPPER.readTree(docsFile("snapshot.schema.json").toFile());

    @Test
    void schemaIsDraft202012() {
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").stringValue());
    }

    @Test
    void everyRecordPropertyIsInTheSchemaAndNothingElse() {
        DEFINITIONS.forEach((type, pointer) -> assertEquals(jsonNames(type), schemaNames(pointer),
                type.getSimpleName() + " against " + (pointer.isEmpty() ? "the root" : pointer)));
    }

    @Test
    void everySchemaPropertyHasADescription() {
        DEFINITIONS.values().forEach(pointer -> schema.at(pointer + "/properties").properties().forEach(p ->
                assertTrue(p.getValue().has("description"), pointer + "/properties/" + p.getKey())));
    }

    @Test
    void readerRequiresExactlyWhatTheSchemaRequires() {
        SnapshotReader reader = new SnapshotReader();
        EXAMPLES.forEach((pointer, example) -> {
            Set<String> required = new TreeSet<>();
            schema.at(pointer + "/required").values().forEach(name -> required.add(name.stringValue()));
            assertTrue(schemaNames(pointer).containsAll(required), pointer);
            for (String name : schemaNames(pointer)) {
                byte[] json = SnapshotReaderTest.with(root -> ((ObjectNode) root.at(example)).remove(name));
                List<ValidationError> errors = reader.validate(json);
                if (required.contains(name)) {
                    assertEquals(new ValidationError(path(example, name), "is required but missing"), errors.get(0),
                            pointer + " " + name);
                } else {
                    assertEquals(List.of(), errors, pointer + " " + name + " is optional");
                }
            }
        });
    }

    @Test
    void theFormatDocumentsEveryFieldAndInventsNone() throws Exception {
        Map<String, List<String[]>> tables = fieldTables(Files.readAllLines(docsFile("snapshot-format.md")));
        assertEquals(new TreeSet<>(TABLES.keySet()), new TreeSet<>(tables.keySet()), "field tables of snapshot-format.md");
        assertEquals(new TreeSet<>(DEFINITIONS.values()), new TreeSet<>(TABLES.values()));
        TABLES.forEach((heading, pointer) -> {
            Set<String> documented = new TreeSet<>();
            Set<String> required = new TreeSet<>();
            for (String[] row : tables.get(heading)) {
                String field = row[0].replace("`", "");
                assertTrue(documented.add(field), heading + ": " + field + " twice");
                if (row[2].equals("yes")) {
                    required.add(field);
                } else {
                    assertEquals("no", row[2], heading + ": required column of " + field);
                }
                assertTrue(!row[3].isBlank(), heading + ": " + field + " has no meaning");
            }
            assertEquals(schemaNames(pointer), documented, heading);
            Set<String> schemaRequired = new TreeSet<>();
            schema.at(pointer + "/required").values().forEach(name -> schemaRequired.add(name.stringValue()));
            assertEquals(schemaRequired, required, heading + ": required fields");
        });
    }

    /** The rows (field, type, required, meaning) of each table under a ### heading of the Fields section. */
    private static Map<String, List<String[]>> fieldTables(List<String> lines) {
        Map<String, List<String[]>> tables = new java.util.LinkedHashMap<>();
        boolean inFields = false;
        String heading = null;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inFields = line.equals("## Fields");
                heading = null;
            } else if (inFields && line.startsWith("### ")) {
                heading = line.substring(4).trim();
                tables.put(heading, new java.util.ArrayList<>());
            } else if (heading != null && line.startsWith("| `")) {
                String[] cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|", -1))
                        .map(String::trim).toArray(String[]::new);
                assertEquals(4, cells.length, "a field row has four cells: " + line);
                tables.get(heading).add(cells);
            }
        }
        return tables;
    }

    private Set<String> schemaNames(String pointer) {
        Set<String> names = new TreeSet<>();
        schema.at(pointer + "/properties").properties().forEach(p -> names.add(p.getKey()));
        return names;
    }

    /** The record's JSON property names: the component name unless @JsonProperty says otherwise. */
    private static Set<String> jsonNames(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(SnapshotSchemaTest::jsonName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property == null || property.value().isEmpty() ? component.getName() : property.value();
    }

    /** The reader's path of a field under a JSON pointer: /staff/0 and id give staff[0].id. */
    private static String path(String pointer, String field) {
        String parent = pointer.replaceAll("/(\\d+)", "[$1]").replace('/', '.').replaceFirst("^\\.", "");
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** A file of docs/ at the repository root; tests run in the module directory. */
    private static Path docsFile(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("docs").resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalStateException("docs/" + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
