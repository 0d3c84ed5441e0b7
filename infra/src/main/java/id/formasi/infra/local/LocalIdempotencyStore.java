package id.formasi.infra.local;

import id.formasi.infra.IdempotencyStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** One file per handled event under {@code <data>/idempotency/}, named by the hash of its key. */
public final class LocalIdempotencyStore implements IdempotencyStore {

    private static final String IN_PROGRESS = "IN_PROGRESS";

    private final Path folder;
    private final Path tmp;

    public LocalIdempotencyStore(Path dataDir) {
        this.folder = dataDir.resolve("idempotency");
        this.tmp = dataDir.resolve("tmp");
    }

    @Override
    public synchronized boolean claim(String key) {
        Path path = pathOf(key);
        if (Files.exists(path)) {
            return false;
        }
        LocalFiles.write(tmp, path, IN_PROGRESS.getBytes(StandardCharsets.UTF_8));
        return true;
    }

    @Override
    public synchronized void complete(String key, String outcome) {
        LocalFiles.write(tmp, pathOf(key), outcome.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void release(String key) {
        LocalFiles.delete(pathOf(key));
    }

    @Override
    public Optional<String> outcome(String key) {
        return LocalFiles.read(pathOf(key)).map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .filter(outcome -> !outcome.equals(IN_PROGRESS));
    }

    private Path pathOf(String key) {
        return folder.resolve(LocalFiles.sha256(key.getBytes(StandardCharsets.UTF_8)) + ".txt");
    }
}
