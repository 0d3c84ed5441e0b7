package id.formasi.infra.local;

import id.formasi.infra.AlreadyExistsException;
import id.formasi.infra.SnapshotStore;
import id.formasi.infra.StoredObject;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Snapshot objects as files under {@code <data>/snapshots/}, the folder the local runtime watches. A local
 * object's version id is its content hash, so the same file dropped twice is the same version.
 */
public final class LocalSnapshotStore implements SnapshotStore {

    private final Path root;
    private final Path tmp;
    private final String bucket;

    public LocalSnapshotStore(Path dataDir, String bucket) {
        this.root = dataDir;
        this.tmp = dataDir.resolve("tmp");
        this.bucket = bucket;
    }

    /** The version id of a local object: its content hash, shortened. */
    public static String versionOf(byte[] content) {
        return LocalFiles.sha256(content).substring(0, 32);
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public synchronized StoredObject putIfAbsent(String key, byte[] content) {
        Path path = pathOf(key);
        if (path.toFile().exists()) {
            throw new AlreadyExistsException("object " + key);
        }
        LocalFiles.write(tmp, path, content);
        return new StoredObject(key, versionOf(content), content);
    }

    @Override
    public Optional<StoredObject> get(String key) {
        return LocalFiles.read(pathOf(key)).map(content -> new StoredObject(key, versionOf(content), content));
    }

    @Override
    public Optional<StoredObject> get(String key, String versionId) {
        // The local store keeps the latest version only.
        return get(key).filter(object -> object.versionId().equals(versionId));
    }

    public Path folder() {
        return root.resolve("snapshots");
    }

    /** The key of a file in the watched folder. */
    public String keyOf(Path file) {
        return PREFIX + folder().relativize(file).toString().replace('\\', '/');
    }

    private Path pathOf(String key) {
        if (!key.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a snapshot key");
        }
        String name = key.substring(PREFIX.length());
        return folder().resolve(LocalFiles.safeName(name));
    }
}
