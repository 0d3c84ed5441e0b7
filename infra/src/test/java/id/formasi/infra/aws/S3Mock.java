package id.formasi.infra.aws;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Adobe S3Mock for tests without Docker. It is a Spring Boot web application, so it runs in a JVM of its own
 * (the test JVM's Java, the test classpath without this project's classes): the functions' own Spring
 * contexts stay as on Lambda, and no setting of one leaks into the other.
 */
final class S3Mock {

    private S3Mock() {
    }

    static URI start() throws IOException {
        int port = AwsEnvironment.freePort();
        int httpsPort = AwsEnvironment.freePort();
        Path root = Files.createTempDirectory("s3mock");
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("target" + File.separator + "classes")
                        && !entry.contains("target" + File.separator + "test-classes")
                        && !entry.contains("spring-cloud-function")
                        // The solver's spreadsheet reader brings aalto-xml, which registers itself as the
                        // StAX provider; S3Mock configures Woodstox and fails on any other.
                        && !entry.contains("aalto-xml"))
                .collect(Collectors.joining(File.pathSeparator));
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = root.resolve("s3mock.log");
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                "com.adobe.testing.s3mock.S3MockApplication", "--http.port=" + port, "--server.port=" + httpsPort,
                "--com.adobe.testing.s3mock.store.root=" + root, "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
                connection.setConnectTimeout(200);
                connection.setReadTimeout(2000);
                connection.getResponseCode();
                connection.disconnect();
                return endpoint;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        process.destroy();
        throw new IllegalStateException("S3Mock did not start on port " + port + "; see " + log);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
