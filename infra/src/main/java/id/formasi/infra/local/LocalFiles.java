package id.formasi.infra.local;

import id.formasi.infra.StorageFullException;
import id.formasi.solver.snapshot.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/** File helpers of the local backend: every write goes to a temporary file, then moves into place. */
final class LocalFiles {

    private static final Logger LOG = LoggerFactory.getLogger(LocalFiles.class);
    static final String QUARANTINE = "quarantine";

    private LocalFiles() {
    }

    /**
     * Writes atomically: a reader (or the snapshot watcher) sees the old file or the whole new one. A failed
     * write leaves no temporary behind; a full disk is a {@link StorageFullException}.
     */
    static void write(Path tmpDir, Path target, byte[] content) {
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            Files.createDirectories(tmpDir);
            tmp = Files.createTempFile(tmpDir, "write-", ".tmp");
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Cleaned at the next start.
                }
            }
            if (isDiskFull(e)) {
                throw new StorageFullException("no space left on the data disk", e);
            }
            throw new UncheckedIOException(e);
        }
    }

    /** ENOSPC (and a quota hit) reach Java as an IOException with the system's message. */
    static boolean isDiskFull(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("No space left on device") || message.contains("Disk quota exceeded");
    }

    /** Deletes what writes interrupted by a crash or a full disk left in the temporary folder. */
    static int cleanTemporaries(Path tmpDir) {
        if (!Files.isDirectory(tmpDir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmpDir, "*.tmp")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
                removed++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (removed > 0) {
            LOG.info("removed {} temporary file(s) left by interrupted writes", removed);
        }
        return removed;
    }

    static Optional<byte[]> read(Path path) {
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a stored JSON record. One that does not parse, or lacks what {@code complete} asks, is set aside
     * under {@code <data>/quarantine/<folder>/} with one log line naming the file (never its content), and
     * reads as absent: one damaged file must not stop the rest.
     */
    static <T> Optional<T> readJson(Path path, Class<T> type, Predicate<T> complete) {
        Optional<byte[]> bytes = read(path);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            T value = Json.MAPPER.readValue(bytes.get(), type);
            if (value != null && complete.test(value)) {
                return Optional.of(value);
            }
            quarantine(path, "incomplete record");
        } catch (JacksonException e) {
            quarantine(path, e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    /** Every {@code .json} record in the folder that reads as complete; none when the folder does not exist yet. */
    static <T> List<T> readAll(Path folder, Class<T> type, Predicate<T> complete) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(path -> path.toString().endsWith(".json"))
                    .map(path -> readJson(path, type, complete))
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a damaged file of {@code folder} named {@code name} is set aside. */
    static Path quarantined(Path folder, String name) {
        return folder.getParent().resolve(QUARANTINE).resolve(folder.getFileName()).resolve(name);
    }

    private static synchronized void quarantine(Path path, String why) {
        Path target = quarantined(path.getParent(), path.getFileName().toString());
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.move(target, target.resolveSibling(target.getFileName() + "." + Instant.now().toEpochMilli()));
            }
            Files.move(path, target);
            LOG.warn("stored file {} is damaged ({}): set aside as {}", path, why, target);
        } catch (java.nio.file.NoSuchFileException gone) {
            // Another reader set it aside first.
        } catch (IOException e) {
            LOG.error("stored file {} is damaged ({}) and could not be set aside: {}", path, why,
                    e.getClass().getSimpleName());
        }
    }

    static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** File names from ids: ids are checked by the API, but never let one climb out of its folder. */
    static String safeName(String id) {
        if (id == null || id.isEmpty() || !id.matches("[A-Za-z0-9._-]+") || id.startsWith(".")) {
            throw new IllegalArgumentException("not a safe id");
        }
        return id;
    }
}
