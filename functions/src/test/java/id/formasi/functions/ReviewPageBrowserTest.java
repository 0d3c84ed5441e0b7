package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
        String node = tools();
        Path screenshots = screenshots();
        String[] arguments = {
            "--formasi.data-dir=" + data,
            "--formasi.local.port=0",
            "--formasi.local.sample=" + Samples.file("balikpapan.json"),
            "--formasi.solve.budget=4s",
            "--formasi.solve.progress-interval=500ms",
        };
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FormasiApplication.class).run(arguments)) {
            int port = context.getBean(LocalRuntime.class).port();
            ProcessBuilder tests = browserTests(node, "review-page.test.mjs", port, screenshots);
            tests.environment().put("SAMPLES_DIR", Samples.file("tiny.json").getParent().toString());
            // A workbook whose first NIP Excel has turned into scientific notation: refused at pegawai!A2.
            Path workbook = Files.createTempDirectory("formasi-workbook").resolve("rounded-nip.xlsx");
            Files.write(workbook, Samples.tinyWorkbook("upload-workbook-error", "2,00301E+17"));
            tests.environment().put("BROKEN_WORKBOOK", workbook.toString());
            Output output = run(tests, 6);
            assertThat(output.exit()).as("node --test review-page.test.mjs (screenshots in %s)%s", screenshots,
                    output.failures()).isZero();
        }
    }

    /**
     * Sign-in for real: a real OpenID provider (npm's oidc-provider, {@code oidc-issuer.mjs}) on a free port, the
     * local runtime with sign-in on against it and the tiny sample, and the page signing in with the code flow
     * and PKCE as a reader and as an approver ({@code sign-in.test.mjs}).
     */
    @Test
    void signInWithTheCodeFlowInChromium() throws Exception {
        String node = tools();
        Path screenshots = screenshots();
        int pagePort = freePort();
        int issuerPort = freePort();
        String page = "http://localhost:" + pagePort + "/";
        ProcessBuilder issuerStart = new ProcessBuilder(node, "oidc-issuer.mjs").directory(BROWSER_TESTS.toFile())
                .redirectErrorStream(true);
        issuerStart.environment().put("ISSUER_PORT", Integer.toString(issuerPort));
        issuerStart.environment().put("PAGE_URL", page);
        issuerStart.environment().put("CLIENT_ID", "formasi-page");
        Process issuer = issuerStart.start();
        try {
            String issuerUrl = awaitLine(issuer, "issuer ready ");
            String[] arguments = {
                "--formasi.data-dir=" + data,
                "--formasi.local.port=" + pagePort,
                "--formasi.local.sample=" + Samples.file("tiny.json"),
                "--formasi.solve.budget=2s",
                "--formasi.auth.issuer=" + issuerUrl,
                "--formasi.auth.client-id=formasi-page",
            };
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FormasiApplication.class).run(arguments)) {
                ProcessBuilder tests = browserTests(node, "sign-in.test.mjs", pagePort, screenshots);
                tests.environment().put("ISSUER_URL", issuerUrl);
                Output output = run(tests, 4);
                assertThat(output.exit()).as("node --test sign-in.test.mjs (screenshots in %s)%s", screenshots,
                        output.failures()).isZero();
            }
        } finally {
            issuer.destroy();
            issuer.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** node, once npm has installed the test packages; skipped here or failed in CI when a tool is missing. */
    private static String tools() throws Exception {
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
        return node;
    }

    private static Path screenshots() throws IOException {
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        Files.createDirectories(screenshots);
        return screenshots;
    }

    private static ProcessBuilder browserTests(String node, String file, int port, Path screenshots) {
        ProcessBuilder tests = new ProcessBuilder(node, "--test", "--test-concurrency=1", file)
                .directory(BROWSER_TESTS.toFile())
                .redirectErrorStream(true);
        tests.environment().put("FORMASI_URL", "http://localhost:" + port);
        tests.environment().put("SCREENSHOT_DIR", screenshots.toString());
        tests.environment().put("CHROMIUM", CHROMIUM.toString());
        return tests;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** What follows {@code prefix} on the first line of the process that starts with it (within a minute). */
    private static String awaitLine(Process process, String prefix) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> found = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    System.out.println("[issuer] " + line);
                    if (line.startsWith(prefix)) {
                        return line.substring(prefix.length()).strip();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("the issuer ended before saying " + prefix);
        });
        String value = found.get(1, TimeUnit.MINUTES);
        // Keep reading, so the provider never blocks on a full pipe.
        Thread pump = new Thread(() -> reader.lines().forEach(line -> System.out.println("[issuer] " + line)));
        pump.setDaemon(true);
        pump.start();
        return value;
    }

    /** npm ci once, when playwright-core or oidc-provider is not installed yet (idempotent). */
    private static void install(String npm) throws Exception {
        if (Files.isDirectory(BROWSER_TESTS.resolve(Path.of("node_modules", "playwright-core")))
                && Files.isDirectory(BROWSER_TESTS.resolve(Path.of("node_modules", "oidc-provider")))) {
            return;
        }
        Output output = run(new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund")
                .directory(BROWSER_TESTS.toFile()).redirectErrorStream(true), 5);
        assertThat(output.exit()).as("npm ci in %s (output above)", BROWSER_TESTS).isZero();
    }

    /** What a process printed, and how it ended. */
    private record Output(int exit, List<String> lines) {

        /**
         * Each failed node test with its error, for the assertion's message: the output above it can be long, and
         * a CI log may keep only its end.
         */
        String failures() {
            StringBuilder failed = new StringBuilder();
            boolean inside = false;
            int kept = 0;
            for (String line : lines) {
                if (line.strip().startsWith("not ok ")) {
                    inside = true;
                    kept = 0;
                    failed.append(System.lineSeparator()).append(line.strip());
                } else if (inside && (line.strip().equals("...") || kept++ >= 30)) {
                    inside = false;
                } else if (inside) {
                    failed.append(System.lineSeparator()).append("    ").append(line);
                }
            }
            return failed.isEmpty() ? "" : System.lineSeparator() + "failed:" + failed;
        }
    }

    /** Runs a process, streaming its output, within the minutes given. */
    private static Output run(ProcessBuilder builder, int minutes) throws Exception {
        Process process = builder.start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    System.out.println("[browser] " + line);
                    lines.add(line);
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
            throw new AssertionError(String.join(" ", builder.command()) + " took longer than " + minutes + " min"
                    + new Output(-1, List.copyOf(lines)).failures());
        }
        pump.join(5_000);
        synchronized (lines) {
            return new Output(process.exitValue(), List.copyOf(lines));
        }
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
