package id.formasi.infra.local;

import id.formasi.infra.AlreadyExistsException;
import id.formasi.infra.SnapshotStore;
import id.formasi.infra.StoredObject;
import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.TenantCode;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
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
    public synchronized StoredObject putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
        Path path = pathOf(key);
        if (path.toFile().exists()) {
            throw new AlreadyExistsException("object " + key);
        }
        String version = versionOf(content);
        // Metadata first: whoever sees the object also finds its metadata, as with S3.
        if (!metadata.isEmpty()) {
            LocalFiles.write(tmp, metadataPath(key, version), Json.MAPPER.writeValueAsBytes(metadata));
        }
        LocalFiles.write(tmp, path, content);
        return new StoredObject(key, version, metadata, content);
    }

    /** Writes the object whatever is there, as an S3 PUT does (the uploads of the local runtime). */
    public synchronized StoredObject put(String key, byte[] content) {
        LocalFiles.write(tmp, pathOf(key), content);
        return new StoredObject(key, versionOf(content), Map.of(), content);
    }

    @Override
    public Optional<StoredObject> get(String key) {
        return LocalFiles.read(pathOf(key)).map(content -> {
            String version = versionOf(content);
            Map<String, String> metadata = LocalFiles.read(metadataPath(key, version))
                    .map(bytes -> Json.MAPPER.readValue(bytes, new TypeReference<Map<String, String>>() {
                    }))
                    .orElse(Map.of());
            return new StoredObject(key, version, metadata, content);
        });
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

    private Path metadataPath(String key, String version) {
        Path name = nameOf(key);
        return root.resolve("snapshot-metadata").resolve(name.resolveSibling(name.getFileName() + "." + version + ".json"));
    }

    private Path pathOf(String key) {
        return folder().resolve(nameOf(key));
    }

    /** {@code <name>}, or {@code <tenant>/<name>} in a tenant's folder; nothing that could leave the folder. */
    private static Path nameOf(String key) {
        if (!key.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a snapshot key");
        }
        String[] parts = key.substring(PREFIX.length()).split("/", -1);
        if (parts.length == 2 && TenantCode.isValid(parts[0])) {
            return Path.of(parts[0], LocalFiles.safeName(parts[1]));
        }
        if (parts.length != 1) {
            throw new IllegalArgumentException("not a snapshot key");
        }
        return Path.of(LocalFiles.safeName(parts[0]));
    }
}
