package id.formasi.solver.generator;

import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a synthetic snapshot as JSON.
 * Usage: {@code GenerateSample <TINY|BALIKPAPAN|PROVINCE> <seed> <output.json>}.
 */
public final class GenerateSample {

    private GenerateSample() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: GenerateSample <TINY|BALIKPAPAN|PROVINCE> <seed> <output.json>");
            System.exit(2);
        }
        SnapshotGenerator.Scale scale = SnapshotGenerator.Scale.valueOf(args[0].toUpperCase(Locale.ROOT));
        long seed = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        Snapshot snapshot = SnapshotGenerator.generate(scale, seed);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, Json.write(snapshot) + "\n", StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%s: %d facilities, %d staff, %d bytes%n", out, snapshot.facilities().size(),
                snapshot.staff().size(), Files.size(out));
    }
}
