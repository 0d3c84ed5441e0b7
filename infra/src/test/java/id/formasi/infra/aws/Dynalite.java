package id.formasi.infra.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DynamoDB for tests without Docker: npm's {@code dynalite}, in memory. Uses a running one when
 * {@code FORMASI_DYNAMODB_ENDPOINT} names it; otherwise installs it (once, into {@code target/dynalite} of the
 * repository, from npm's cache when offline) and starts it on a free port for this JVM.
 */
final class Dynalite {

    static final String VERSION = "4.0.0";

    private Dynalite() {
    }

    static URI start() throws IOException {
        String running = System.getenv("FORMASI_DYNAMODB_ENDPOINT");
        if (running != null && !running.isBlank()) {
            return URI.create(running.strip());
        }
        Path cli = install();
        int port = AwsEnvironment.freePort();
        Process process = new ProcessBuilder("node", cli.toString(), "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return URI.create("http://127.0.0.1:" + port);
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        process.destroy();
        throw new IllegalStateException("dynalite did not start on port " + port);
    }

    /** The installed CLI script: {@code <repo>/target/dynalite/node_modules/dynalite/cli.js}. */
    static Path install() throws IOException {
        Path folder = repositoryRoot().resolve("target").resolve("dynalite");
        Path cli = folder.resolve("node_modules").resolve("dynalite").resolve("cli.js");
        if (Files.isRegularFile(cli)) {
            return cli;
        }
        Files.createDirectories(folder);
        List<String> command = List.of("npm", "install", "--prefix", folder.toString(), "--no-audit", "--no-fund",
                "--no-save", "--prefer-offline", "--loglevel=error", "dynalite@" + VERSION);
        Process npm = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("npm-install.log").toFile()).start();
        try {
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroy();
                throw new IllegalStateException("npm install dynalite@" + VERSION + " failed; see "
                        + folder.resolve("npm-install.log") + " (needs node and npm, or FORMASI_DYNAMODB_ENDPOINT)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
        return cli;
    }

    /** The folder with {@code .mvn/}: the tests run in a module folder. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path at = dir; at != null; at = at.getParent()) {
            if (Files.isDirectory(at.resolve(".mvn"))) {
                return at;
            }
        }
        return dir;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
