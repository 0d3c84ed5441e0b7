package id.formasi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Lambda package's size unzipped. Cold start through FunctionInvoker is not measured here yet.
 * Build the package first: {@code ./mvnw -q -B -pl functions -am package -DskipTests}.
 */
final class ColdStart {

    private ColdStart() {
    }

    static void run() {
        Path zip = Path.of("functions/target/formasi-functions-lambda.zip");
        if (!Files.exists(zip)) {
            zip = Path.of("../functions/target/formasi-functions-lambda.zip");
        }
        System.out.println();
        if (!Files.exists(zip)) {
            System.out.println("Lambda package: functions/target/formasi-functions-lambda.zip not built");
            return;
        }
        try (ZipFile file = new ZipFile(zip.toFile())) {
            long unzipped = 0;
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements();) {
                unzipped += Math.max(0, e.nextElement().getSize());
            }
            System.out.printf(Locale.ROOT, "Lambda package: %.1f MB zipped, %.1f MB unzipped (%d entries)%n",
                    Files.size(zip) / 1e6, unzipped / 1e6, file.size());
        } catch (IOException e) {
            System.out.println("Lambda package: " + e.getMessage());
        }
    }
}
