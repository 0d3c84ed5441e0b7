package id.formasi.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Lambda package's size, and each function's cold start without SnapStart: a fresh JVM on the
 * unzipped package's classpath runs {@code bench/src/main/coldstart/ColdStartProbe.java}, which invokes the
 * function once through LambdaHandler with a recorded AWS event; timed from process start to its answer.
 * Build the package first: {@code ./mvnw -q -B -pl functions -am package -DskipTests}.
 */
final class ColdStart {

    private static final String[][] FUNCTIONS = {
            {"api", "api-gateway-v2.json"}, {"solve", "sqs.json"}, {"snapshotChanged", "s3-object-created.json"}};

    private ColdStart() {
    }

    static void run() {
        Path root = (Files.exists(Path.of("functions")) ? Path.of(".") : Path.of("..")).toAbsolutePath().normalize();
        Path zip = root.resolve("functions/target/formasi-functions-lambda.zip");
        System.out.println();
        if (!Files.exists(zip)) {
            System.out.println("Lambda package: functions/target/formasi-functions-lambda.zip not built");
            return;
        }
        try {
            Path work = root.resolve("bench/target/coldstart");
            String classpath = packageClasspath(root);
            System.out.printf(Locale.ROOT, "Lambda package: %.1f MB zipped, %.1f MB unzipped%n",
                    Files.size(zip) / 1e6, unzippedBytes / 1e6);
            Path classes = work.resolve("classes");
            Files.createDirectories(classes);
            String javaCommand = ProcessHandle.current().info().command().orElse("java");
            String javac = Path.of(javaCommand).resolveSibling("javac").toString();
            int compiled = new ProcessBuilder(javac, "-cp", classpath, "-d", classes.toString(),
                    root.resolve("bench/src/main/coldstart/ColdStartProbe.java").toString())
                    .inheritIO().start().waitFor();
            if (compiled != 0) {
                System.out.println("cold start: the probe did not compile");
                return;
            }
            System.out.println("cold start, JVM start to first answer through LambdaHandler (no SnapStart):");
            for (String[] function : FUNCTIONS) {
                Path data = Files.createTempDirectory("formasi-coldstart");
                Path event = root.resolve("functions/src/test/resources/events/" + function[1]);
                if (function[0].equals("api")) {
                    event = asListPlans(event, work);
                }
                System.out.printf(Locale.ROOT, "  %-16s %s%n", function[0], time(javaCommand, classes + File.pathSeparator
                        + classpath, function[0], event, data));
            }
        } catch (IOException e) {
            System.out.println("cold start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long unzippedBytes = -1;

    /**
     * The classpath of the Lambda package, unzipped (once per run, so the figures are of this build) under
     * bench/target/coldstart/package; null when the package is not built.
     */
    static String packageClasspath(Path root) throws IOException {
        Path zip = root.resolve("functions/target/formasi-functions-lambda.zip");
        if (!Files.exists(zip)) {
            return null;
        }
        Path unzipped = root.resolve("bench/target/coldstart/package");
        if (unzippedBytes < 0) {
            unzippedBytes = unzip(zip, unzipped);
        }
        return unzipped + File.pathSeparator + unzipped.resolve("lib") + "/*";
    }

    private static String time(String javaCommand, String classpath, String function, Path event, Path data)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaCommand, "-cp", classpath, "ColdStartProbe", function,
                event.toString(), data.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String answer = null;
        long answered = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("ANSWER ")) {
                    answered = System.nanoTime();
                    answer = line.substring(7);
                }
            }
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return answer == null ? "no answer (exit " + process.exitValue() + ")"
                : String.format(Locale.ROOT, "%5.2f s  (%s)", (answered - start) / 1e9, answer);
    }

    /** The recorded API Gateway event, turned into the planners' first request: GET /plans. */
    private static Path asListPlans(Path recorded, Path work) throws IOException {
        tools.jackson.databind.node.ObjectNode event =
                (tools.jackson.databind.node.ObjectNode) id.formasi.solver.snapshot.Json.MAPPER.readTree(recorded.toFile());
        event.put("rawPath", "/plans");
        event.put("routeKey", "$default");
        event.remove("body");
        ((tools.jackson.databind.node.ObjectNode) event.get("requestContext").get("http")).put("method", "GET")
                .put("path", "/plans");
        Path file = work.resolve("list-plans.json");
        Files.writeString(file, id.formasi.solver.snapshot.Json.write(event));
        return file;
    }

    /** Unzips the package and returns its unzipped size. */
    private static long unzip(Path zip, Path target) throws IOException {
        long bytes = 0;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    continue; // never write outside the folder
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                bytes += entry.getSize();
            }
        }
        return bytes;
    }
}
