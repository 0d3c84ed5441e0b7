package id.formasi.functions;

import id.formasi.solver.sheets.SheetsWriter;
import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.node.ObjectNode;

/** The repository's sample snapshots (samples/), read from the module or the repository root. */
final class Samples {

    private Samples() {
    }

    static Path file(String name) {
        for (Path candidate : new Path[] {Path.of("..", "samples", name), Path.of("samples", name)}) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("samples/" + name + " not found");
    }

    /** The tiny generated snapshot under another snapshot id. */
    static ObjectNode tiny(String snapshotId) {
        ObjectNode snapshot = read("tiny.json");
        snapshot.put("snapshotId", snapshotId);
        return snapshot;
    }

    /** The tiny snapshot as the import's workbook, under another id; {@code firstNip} replaces the first NIP. */
    static byte[] tinyWorkbook(String snapshotId, String firstNip) {
        ObjectNode tiny = tiny(snapshotId);
        if (firstNip != null) {
            ((ObjectNode) tiny.get("staff").get(0)).put("id", firstNip);
        }
        return SheetsWriter.workbook(Json.MAPPER.treeToValue(tiny, Snapshot.class));
    }

    static ObjectNode read(String name) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(file(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
