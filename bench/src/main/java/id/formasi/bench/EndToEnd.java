package id.formasi.bench;

import id.formasi.solver.generator.Practice;
import id.formasi.solver.generator.SnapshotGenerator;
import id.formasi.solver.generator.SnapshotGenerator.Scale;
import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Snapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * End to end, as a user meets it, each in a fresh JVM on the unzipped Lambda package's classpath: the
 * command line from JVM start to the plan file written, and the local runtime from {@code POST /plans}
 * (the snapshot as the body) to the plan read back as SOLVED. Peak heap is the most the heap held, read
 * from the child's GC log (before each collection and at exit).
 */
final class EndToEnd {

    private static final Pattern GC_BEFORE = Pattern.compile("(\\d+)M->\\d+M\\(");
    private static final Pattern EXIT_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern RUNTIME_URL = Pattern.compile("Formasi local runtime: (http://\\S+/)");

    /** The policy a row runs: the snapshot's default, every further goal at zero, or the practice rules added. */
    private enum Variant {
        DEFAULT("default", ""), GOALS_AT_ZERO("goals at zero", "-core"), PRACTICE("practice", "-practice");

        private final String label;
        private final String suffix;

        Variant(String label, String suffix) {
            this.label = label;
            this.suffix = suffix;
        }

        Snapshot apply(Snapshot snapshot, long seed) {
            return switch (this) {
                case DEFAULT -> snapshot;
                case GOALS_AT_ZERO -> Benchmark.coreOnly(snapshot);
                case PRACTICE -> Practice.balikpapanPractice(snapshot, seed);
            };
        }
    }

    private record Instance(String name, Scale scale, long seed, Variant variant) {
    }

    private record Figures(double wallSeconds, double cpuSeconds, long solveMillis, long peakHeapMb, String levels,
            String certificate) {
    }

    private EndToEnd() {
    }

    static void run(boolean province, Duration budget) {
        Path root = (Files.exists(Path.of("functions")) ? Path.of(".") : Path.of("..")).toAbsolutePath().normalize();
        Path work = root.resolve("bench/target/end-to-end");
        System.out.println();
        String classpath;
        try {
            classpath = ColdStart.packageClasspath(root);
        } catch (IOException e) {
            System.out.println("end to end: " + e.getMessage());
            return;
        }
        if (classpath == null) {
            System.out.println("end to end: functions/target/formasi-functions-lambda.zip not built");
            return;
        }
        List<Instance> instances = new ArrayList<>();
        for (Variant variant : Variant.values()) {
            instances.add(new Instance("BALIKPAPAN/6471", Scale.BALIKPAPAN, 6471, variant));
        }
        if (province) {
            for (Variant variant : Variant.values()) {
                instances.add(new Instance("PROVINCE/1", Scale.PROVINCE, 1, variant));
            }
        }
        String header = String.format(Locale.ROOT, "%-16s %-13s %-18s %7s %7s %9s %8s  %-24s %s", "instance",
                "policy", "path", "wall s", "cpu s", "solve ms", "heap MB", "hard/shortage/disruption", "certificate");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        try {
            Files.createDirectories(work);
            for (Instance instance : instances) {
                long generating = System.nanoTime();
                Snapshot snapshot = SnapshotGenerator.generate(instance.scale(), instance.seed());
                System.out.printf(Locale.ROOT, "%-16s generated: %d staff, %d facilities in %.2f s%n", instance.name(),
                        snapshot.staff().size(), snapshot.facilities().size(), (System.nanoTime() - generating) / 1e9);
                snapshot = instance.variant().apply(snapshot, instance.seed());
                String policy = instance.variant().label;
                Path file = work.resolve(instance.scale().name().toLowerCase(Locale.ROOT) + "-" + instance.seed()
                        + instance.variant().suffix + ".json");
                Files.writeString(file, Json.write(snapshot), StandardCharsets.UTF_8);
                print(instance, policy, "CLI file→file", cli(classpath, file, work, budget));
                print(instance, policy, "POST /plans→SOLVED", post(classpath, file, snapshot.tenant(), work, budget));
            }
        } catch (IOException e) {
            System.out.println("end to end: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("CLI = `formasi solve FILE --time " + budget.toSeconds() + "s --out plan.json`, JVM start to"
                + " exit; POST = the snapshot file as the body of POST /plans (budgetSeconds " + budget.toSeconds()
                + ") on a started local runtime until GET /plans/{id} says SOLVED; solve ms = the plan's own solve"
                + " time; heap = the child JVM's peak heap use");
    }

    private static void print(Instance instance, String policy, String path, Figures figures) {
        System.out.println(String.format(Locale.ROOT, "%-16s %-13s %-18s %7.2f %7.2f %9d %8d  %-24s %s",
                instance.name(), policy, path, figures.wallSeconds(), figures.cpuSeconds(), figures.solveMillis(),
                figures.peakHeapMb(), figures.levels(), figures.certificate()));
        System.out.flush();
    }

    private static Figures cli(String classpath, Path snapshot, Path work, Duration budget)
            throws IOException, InterruptedException {
        Path out = work.resolve("plan.json");
        Path gcLog = work.resolve("cli-gc.log");
        Files.deleteIfExists(out);
        List<String> command = List.of(java(), "-Xlog:gc,gc+heap+exit:file=" + gcLog, "-cp", classpath,
                "id.formasi.solver.cli.Main", "solve", snapshot.toString(), "--time", budget.toSeconds() + "s",
                "--out", out.toString());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("cli.out").toFile()).start();
        double cpu = cpuUntilExit(process, Duration.ofMinutes(10));
        double wall = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0 || !Files.exists(out)) {
            return new Figures(wall, cpu, -1, peakHeapMb(gcLog), "exit " + process.exitValue(),
                    "see " + work.resolve("cli.out"));
        }
        JsonNode plan = Json.MAPPER.readTree(out.toFile());
        return new Figures(wall, cpu, plan.path("solver").path("timeSpentMillis").asLong(-1), peakHeapMb(gcLog),
                levels(plan.path("score")), plan.path("optimum").path("summary").path("en").asString("")
                        + "; bound: " + plan.path("bound").path("summary").path("en").asString(""));
    }

    /** The runtime runs as the snapshot's tenant, as a planner of that city would call it. */
    private static Figures post(String classpath, Path snapshot, String tenant, Path work, Duration budget)
            throws IOException, InterruptedException {
        Path data = Files.createTempDirectory(work, "data");
        Path gcLog = work.resolve("runtime-gc.log");
        List<String> command = List.of(java(), "-Xlog:gc,gc+heap+exit:file=" + gcLog, "-cp", classpath,
                "id.formasi.functions.FormasiApplication", "--formasi.data-dir=" + data, "--formasi.local.port=0",
                "--formasi.local.sample=none.json", "--formasi.local.tenant=" + tenant,
                "--formasi.solve.budget=" + budget.toSeconds() + "s");
        // Started in its data folder, so no sample from the working folder is seeded.
        Process process = new ProcessBuilder(command).directory(data.toFile()).redirectErrorStream(true).start();
        try {
            String base = awaitUrl(process);
            double cpuBefore = cpu(process);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest submit = HttpRequest.newBuilder(URI.create(base + "plans"))
                    .header("Content-Type", "application/json").header("X-Formasi-User", "bench")
                    .POST(HttpRequest.BodyPublishers.ofFile(snapshot)).build();
            long start = System.nanoTime();
            HttpResponse<String> accepted = http.send(submit, HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                return new Figures((System.nanoTime() - start) / 1e9, -1, -1, -1, "HTTP " + accepted.statusCode(),
                        accepted.body().substring(0, Math.min(200, accepted.body().length())));
            }
            String planId = Json.MAPPER.readTree(accepted.body()).path("planId").asString();
            HttpRequest read = HttpRequest.newBuilder(URI.create(base + "plans/" + planId))
                    .header("X-Formasi-User", "bench").build();
            while (true) {
                JsonNode plan = Json.MAPPER.readTree(http.send(read, HttpResponse.BodyHandlers.ofString()).body());
                String status = plan.path("status").asString();
                if (status.equals("SOLVED") || status.equals("FAILED")) {
                    double wall = (System.nanoTime() - start) / 1e9;
                    double cpu = cpu(process) - cpuBefore;
                    JsonNode explanation = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(
                            URI.create(base + "plans/" + planId + "/explanation")).header("X-Formasi-User", "bench")
                            .build(), HttpResponse.BodyHandlers.ofString()).body());
                    stop(process);
                    return new Figures(wall, cpu, plan.path("summary").path("timeSpentMillis").asLong(-1), peakHeapMb(gcLog),
                            status.equals("FAILED") ? "FAILED" : levels(plan.path("score")),
                            explanation.path("optimum").path("summary").path("en").asString(""));
                }
                Thread.sleep(50);
            }
        } finally {
            stop(process);
        }
    }

    /** Reads the child's output until the runtime prints its address; the rest is drained in the background. */
    private static String awaitUrl(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher matcher = RUNTIME_URL.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return matcher.group(1);
            }
        }
        throw new IOException("the local runtime stopped before it listened (exit " + process.exitValue() + ")");
    }

    private static void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: the JVM exits normally and logs its heap at exit
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Waits for the process to end; its CPU time as last seen (polled: the last moments are not counted). */
    private static double cpuUntilExit(Process process, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        double cpu = 0;
        while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
            cpu = Math.max(cpu, cpu(process));
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
        return cpu;
    }

    /** CPU seconds the process used so far, all its threads together; 0 where the system does not say. */
    private static double cpu(Process process) {
        return process.info().totalCpuDuration().map(duration -> duration.toNanos() / 1e9).orElse(0.0);
    }

    private static String levels(JsonNode score) {
        return score.path("hard").asLong() + "/" + score.path("shortage").asLong() + "/"
                + score.path("disruption").asLong();
    }

    /** The largest heap use in a GC log: before any collection, or at exit. */
    static long peakHeapMb(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) {
            return -1;
        }
        long peak = -1;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher before = GC_BEFORE.matcher(line);
            while (before.find()) {
                peak = Math.max(peak, Long.parseLong(before.group(1)));
            }
            Matcher used = EXIT_USED.matcher(line);
            if (line.contains("heap") && used.find()) {
                peak = Math.max(peak, Long.parseLong(used.group(1)) / 1024);
            }
        }
        return peak;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
