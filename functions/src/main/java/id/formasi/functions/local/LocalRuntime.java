package id.formasi.functions.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.formasi.functions.FormasiProperties;
import id.formasi.functions.FunctionEvents;
import id.formasi.functions.api.Route;
import id.formasi.functions.planning.SolveService;
import id.formasi.infra.PlanRecord;
import id.formasi.infra.local.LocalBackend;
import id.formasi.infra.local.LocalSnapshotStore;
import id.formasi.infra.local.LocalSnapshotUploads;
import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The embedded local runtime: drives the very function beans Lambda runs, with the event JSON AWS would send,
 * through the same entry as on Lambda ({@link FunctionEvents}). An HTTP server turns requests into API Gateway
 * v2 events for {@code api}; a worker hands queued jobs to {@code solve} as SQS events; a watcher on the
 * snapshot folder sends S3 "Object Created" EventBridge JSON to {@code snapshotChanged}. No logic of its own
 * beyond that.
 */
public class LocalRuntime implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);
    /** A file being copied in changes for a while; wait for it to settle before sending the event. */
    private static final Duration SETTLE = Duration.ofMillis(400);

    private final FunctionEvents functions;
    private final LocalBackend backend;
    private final FormasiProperties properties;
    private final SolveService solves;
    private final LocalUploadReceiver uploads;
    /** The JWT authorizer's part, with sign-in on; null leaves the runtime open. */
    private final TokenCheck tokens;
    private final Map<Path, ScheduledFuture<?>> settling = new ConcurrentHashMap<>();
    private volatile boolean running;
    private HttpServer server;
    private ExecutorService httpThreads;
    private Thread worker;
    private Thread watcher;
    private WatchService watchService;
    private ScheduledExecutorService timer;

    public LocalRuntime(FunctionEvents functions, LocalBackend backend, LocalUploadReceiver uploads,
            FormasiProperties properties, SolveService solves, List<Route> routes) {
        this.functions = functions;
        this.tokens = properties.auth().enabled() ? new TokenCheck(properties.auth(), routes) : null;
        this.uploads = uploads;
        this.backend = backend;
        this.properties = properties;
        this.solves = solves;
    }

    @Override
    public void start() {
        running = true;
        try {
            Path folder = backend.snapshots().folder();
            Files.createDirectories(folder);
            // Before the watch: the sample's arrival comes once, from the pass below, not also from the watcher
            // (two deliveries at once: the second finds the first's claim and fails, as a Lambda's would).
            seedSample(folder);
            timer = Executors.newSingleThreadScheduledExecutor(daemon("formasi-settle"));
            watchService = folder.getFileSystem().newWatchService();
            folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            watcher = daemon("formasi-watcher").newThread(this::watch);
            watcher.start();
            // Files that landed while the runtime was down: their events are idempotent, so send them all.
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(LocalRuntime::isSnapshotFile).sorted().forEach(this::deliverSnapshotEvent);
            }
            LocalSolveWorker solveWorker = new LocalSolveWorker(backend.queue(), properties, functions);
            solveWorker.recover(solves);
            worker = daemon("formasi-solve-worker").newThread(() -> solveWorker.work(() -> running));
            worker.start();
            server = HttpServer.create(new InetSocketAddress(properties.local().host(), properties.local().port()), 64);
            httpThreads = Executors.newFixedThreadPool(4, daemon("formasi-http"));
            server.setExecutor(httpThreads);
            server.createContext("/", this::serve);
            // S3's part of an upload URL: the file goes into the watched folder, past the functions.
            server.createContext(LocalSnapshotUploads.PATH, uploads::serve);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = "http://" + properties.local().host() + ":" + server.getAddress().getPort() + "/";
        List<PlanRecord> plans = backend.plans().list(null, null, null);
        System.out.println("Formasi local runtime: " + url + " (data in " + backend.dataDir() + ")");
        if (tokens != null) {
            System.out.println("  sign-in: tokens of " + properties.auth().issuer() + " for client "
                    + properties.auth().clientId() + " (groups in " + properties.auth().groupsClaim() + ")");
        }
        if (!plans.isEmpty()) {
            System.out.println("  latest plan: " + url + "#/plans/" + plans.get(0).planId() + " (" + plans.get(0).status() + ")");
        }
        System.out.println("  drop snapshot files into " + backend.snapshots().folder() + " to recompute");
    }

    /** The port the server listens on (0 in the settings picks a free one). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void stop() {
        running = false;
        if (server != null) {
            server.stop(0);
            httpThreads.shutdownNow();
        }
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                LOG.warn("closing the snapshot watcher: {}", e.getMessage());
            }
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        if (worker != null) {
            worker.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // --- HTTP -> api

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            answer(exchange);
        } catch (IOException | RuntimeException e) {
            // The function answers every request itself; this is the server failing (e.g. the client went away).
            LOG.error("local HTTP server: {}", e.getClass().getName(), e);
            throw e;
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        APIGatewayV2HTTPEvent event = HttpEvents.toEvent(exchange, properties.maxBodyBytes());
        if (tokens != null) {
            TokenCheck.Admission admission = tokens.admit(event);
            if (admission.refusal() != null) {
                HttpEvents.answer(exchange, admission.refusal());
                return;
            }
        }
        HttpEvents.answer(exchange, FunctionEvents.httpResponse(functions.invoke("api", FunctionEvents.json(event), null)));
    }

    // --- snapshot folder -> snapshotChanged

    private void watch() {
        while (running) {
            WatchKey key;
            try {
                key = watchService.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path dir = (Path) key.watchable();
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.context() instanceof Path name) {
                    Path file = dir.resolve(name);
                    if (isSnapshotFile(file)) {
                        settle(file);
                    }
                }
            }
            key.reset();
        }
    }

    private void settle(Path file) {
        settling.compute(file, (path, pending) -> {
            if (pending != null) {
                pending.cancel(false);
            }
            return timer.schedule(() -> {
                settling.remove(path);
                deliverSnapshotEvent(path);
            }, SETTLE.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    /** Sends the EventBridge "Object Created" event of a snapshot file, as S3 would. */
    public void deliverSnapshotEvent(Path file) {
        try {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (java.nio.file.NoSuchFileException gone) {
                return;
            }
            LocalSnapshotStore store = backend.snapshots();
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("key", store.keyOf(file));
            object.put("size", content.length);
            object.put("etag", LocalSnapshotStore.versionOf(content));
            object.put("version-id", LocalSnapshotStore.versionOf(content));
            object.put("sequencer", Long.toHexString(System.nanoTime()).toUpperCase(Locale.ROOT));
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("version", "0");
            detail.put("bucket", Map.of("name", store.bucket()));
            detail.put("object", object);
            detail.put("request-id", UUID.randomUUID().toString());
            detail.put("requester", "000000000000");
            detail.put("source-ip-address", "127.0.0.1");
            detail.put("reason", "PutObject");
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("version", "0");
            event.put("id", UUID.randomUUID().toString());
            event.put("detail-type", "Object Created");
            event.put("source", "aws.s3");
            event.put("account", "000000000000");
            event.put("time", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            event.put("region", "local");
            event.put("resources", List.of("arn:aws:s3:::" + store.bucket()));
            event.put("detail", detail);
            byte[] result = functions.invoke("snapshotChanged", Json.MAPPER.writeValueAsBytes(event), null);
            LOG.debug("snapshot event for {}: {}", file.getFileName(), new String(result, StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("snapshot file {} unreadable: {}", file.getFileName(), e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            LOG.error("snapshot event for {} failed: {}", file.getFileName(), e.getClass().getName());
        }
    }

    /** A fresh data folder gets the sample snapshot, under its own snapshot id; its arrival queues the first plan. */
    private void seedSample(Path folder) throws IOException {
        Path sample = properties.local().sample();
        boolean empty;
        try (Stream<Path> files = Files.list(folder)) {
            empty = files.noneMatch(LocalRuntime::isSnapshotFile);
        }
        if (!empty || sample == null || !Files.isRegularFile(sample)) {
            return;
        }
        byte[] content = Files.readAllBytes(sample);
        String snapshotId = Json.MAPPER.readTree(content).path("snapshotId").asString("sample");
        if (!Limits.isSnapshotId(snapshotId)) {
            snapshotId = "sample";
        }
        Path tmpDir = Files.createDirectories(backend.dataDir().resolve("tmp"));
        Path tmp = Files.createTempFile(tmpDir, "sample-", ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, folder.resolve(snapshotId + ".json"), StandardCopyOption.ATOMIC_MOVE);
        LOG.info("loaded the sample snapshot {} from {}", snapshotId, sample);
    }

    private static boolean isSnapshotFile(Path file) {
        String name = file.getFileName().toString();
        return (name.endsWith(".json") || name.endsWith(".xlsx")) && !name.startsWith(".") && Files.isRegularFile(file);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            // The JDK server's own threads carry the system class loader; the functions need the application's.
            thread.setContextClassLoader(LocalRuntime.class.getClassLoader());
            return thread;
        };
    }
}