package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import id.formasi.functions.local.LocalRuntime;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The review page in a real browser: starts the local runtime as the run command does (the Balikpapan sample,
 * a first plan queued) on a free port, with a short solve budget, then runs the Playwright tests in
 * {@code src/test/browser} against it with Debian's chromium. Screenshots land in {@code target/screenshots}.
 *
 * <p>Without node or chromium the test is skipped on a workstation, and fails in CI ({@code CI} set).
 */
class ReviewPageBrowserTest {

    private static final Path BROWSER_TESTS = Path.of("src", "test", "browser");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @TempDir
    Path data;

    @Test
    void reviewPageInChromium() throws Exception {
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank()
                && !System.getenv("CI").equalsIgnoreCase("false");
        String node = onPath("node");
        String npm = onPath("npm");
        String missing = node == null ? "node" : npm == null ? "npm" : !Files.isExecutable(CHROMIUM) ? CHROMIUM.toString() : null;
        if (missing != null) {
            if (ci) {
                throw new AssertionError("the browser tests need " + missing + " (.ci/run installs chromium); CI must not skip them");
            }
            Assumptions.abort("no " + missing + " here: browser tests skipped (they run in CI)");
        }

        install(npm);
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        Files.createDirectories(screenshots);
        String[] arguments = {
            "--formasi.data-dir=" + data,
            "--formasi.local.port=0",
            "--formasi.local.sample=" + Samples.file("balikpapan.json"),
            "--formasi.solve.budget=4s",
            "--formasi.solve.progress-interval=500ms",
        };
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FormasiApplication.class).run(arguments)) {
            int port = context.getBean(LocalRuntime.class).port();
            ProcessBuilder tests = new ProcessBuilder(node, "--test", "--test-concurrency=1", "review-page.test.mjs")
                    .directory(BROWSER_TESTS.toFile())
                    .redirectErrorStream(true);
            tests.environment().put("FORMASI_URL", "http://localhost:" + port);
            tests.environment().put("SCREENSHOT_DIR", screenshots.toString());
            tests.environment().put("SAMPLES_DIR", Samples.file("tiny.json").getParent().toString());
            // A workbook whose first NIP Excel has turned into scientific notation: refused at pegawai!A2.
            Path workbook = Files.createTempDirectory("formasi-workbook").resolve("rounded-nip.xlsx");
            Files.write(workbook, Samples.tinyWorkbook("upload-workbook-error", "2,00301E+17"));
            tests.environment().put("BROKEN_WORKBOOK", workbook.toString());
            tests.environment().put("CHROMIUM", CHROMIUM.toString());
            int exit = run(tests, 6);
            assertThat(exit).as("node --test review-page.test.mjs (output above; screenshots in %s)", screenshots).isZero();
        }
    }

    /** npm ci once, when playwright-core is not installed yet (idempotent). */
    private static void install(String npm) throws Exception {
        if (Files.isDirectory(BROWSER_TESTS.resolve(Path.of("node_modules", "playwright-core")))) {
            return;
        }
        int exit = run(new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund")
                .directory(BROWSER_TESTS.toFile()).redirectErrorStream(true), 5);
        assertThat(exit).as("npm ci in %s", BROWSER_TESTS).isZero();
    }

    /** Runs a process, streaming its output, within the minutes given. */
    private static int run(ProcessBuilder builder, int minutes) throws Exception {
        Process process = builder.start();
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    System.out.println("[browser] " + line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        pump.setDaemon(true);
        pump.start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", builder.command()) + " took longer than " + minutes + " min");
        }
        pump.join(5_000);
        return process.exitValue();
    }

    private static String onPath(String program) {
        List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)));
        folders.add("/usr/bin");
        folders.add("/usr/local/bin");
        for (String folder : folders) {
            Path candidate = Path.of(folder, program);
            if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
