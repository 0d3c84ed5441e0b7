package id.formasi.infra.local;

import id.formasi.infra.IdempotencyStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One file per handled event under {@code <data>/idempotency/}, named by the hash of its key. A claim names
 * the process that took it (pid and start time): a claim of a process that is gone (killed during the
 * handling) is taken again, so its event is handled after all.
 */
public record LocalIdempotencyStore(Path folder, Path tmp) implements IdempotencyStore {

    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String OWNER = owner(ProcessHandle.current());

    /** Under {@code <data>/idempotency/}, writing through {@code <data>/tmp/}. */
    public LocalIdempotencyStore(Path dataDir) {
        this(dataDir.resolve("idempotency"), dataDir.resolve("tmp"));
    }

    @Override
    public synchronized boolean claim(String key) {
        Path path = pathOf(key);
        Optional<String> current = LocalFiles.read(path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        if (current.isPresent() && !abandoned(current.get())) {
            return false;
        }
        LocalFiles.write(tmp, path, (IN_PROGRESS + " " + OWNER).getBytes(StandardCharsets.UTF_8));
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
                .filter(outcome -> !outcome.startsWith(IN_PROGRESS));
    }

    /** A claim whose process is no longer running (or an older claim that names none). */
    private static boolean abandoned(String content) {
        if (!content.startsWith(IN_PROGRESS)) {
            return false;
        }
        String owner = content.substring(IN_PROGRESS.length()).strip();
        if (owner.equals(OWNER)) {
            return false;
        }
        String[] parts = owner.split(" ");
        try {
            long pid = Long.parseLong(parts[0]);
            return ProcessHandle.of(pid).map(LocalIdempotencyStore::owner).filter(owner::equals).isEmpty();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** A process by pid and start time: a pid alone may be reused after a restart. */
    private static String owner(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().map(Object::toString).orElse("?");
    }

    private Path pathOf(String key) {
        return folder.resolve(LocalFiles.sha256(key.getBytes(StandardCharsets.UTF_8)) + ".txt");
    }
}
