package id.formasi.functions.planning;

import id.formasi.functions.FormasiProperties;
import id.formasi.solver.snapshot.Limits;
import id.formasi.solver.snapshot.SnapshotException;
import id.formasi.solver.snapshot.SnapshotReader;
import id.formasi.infra.AlreadyExistsException;
import id.formasi.infra.SnapshotCatalog;
import id.formasi.infra.SnapshotInfo;
import id.formasi.infra.SnapshotStore;
import id.formasi.infra.StoredObject;
import id.formasi.infra.VersionConflictException;
import id.formasi.solver.Planning;
import id.formasi.solver.SnapshotChange;
import id.formasi.solver.snapshot.Snapshot;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Validates, stores and finds snapshots. */
@Service
public class SnapshotService {

    private final SnapshotReader reader;
    private final SnapshotStore store;
    private final SnapshotCatalog catalog;
    private final Clock clock;
    private final Planning planning;

    public SnapshotService(FormasiProperties properties, SnapshotStore store, SnapshotCatalog catalog, Clock clock,
            Planning planning) {
        // Deeper JSON than any snapshot needs is refused before it costs anything.
        this.reader = new SnapshotReader(properties.maxBodyBytes(), Limits.MAX_DEPTH);
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
        this.planning = planning;
    }

    /** A valid snapshot with its stored version. */
    public record Loaded(Snapshot snapshot, SnapshotInfo info) {
    }

    /**
     * Reads and validates a snapshot document.
     *
     * @param pathPrefix put before every error path, for a snapshot inside a request body
     */
    public Snapshot parse(byte[] json, String pathPrefix) {
        try {
            Snapshot snapshot = reader.read(json);
            Ids.check(Failure.prefixed(pathPrefix, "snapshotId"), snapshot.snapshotId(), Limits.SNAPSHOT_ID_LENGTH);
            return snapshot;
        } catch (SnapshotException e) {
            List<Failure.Detail> details = e.errors().stream()
                    .map(error -> new Failure.Detail(Failure.prefixed(pathPrefix, error.path()), error))
                    .toList();
            Failure.Kind kind = switch (e.kind()) {
                case TOO_LARGE -> Failure.Kind.TOO_LARGE;
                case MALFORMED, INVALID -> Failure.Kind.INVALID;
            };
            String message = switch (e.kind()) {
                case TOO_LARGE -> "the snapshot is too large";
                case MALFORMED -> "the snapshot is not a well-formed snapshot document";
                case INVALID -> "the snapshot has " + details.size() + " validation error(s)";
            };
            throw new Failure(kind, message, details);
        }
    }

    /** The next snapshot: the changes of a request ({@code changes}) applied to a stored one. */
    public SnapshotChange applyChanges(Snapshot base, String newId, LocalDate asOf, JsonNode changes) {
        try {
            return planning.applyChanges(base, newId, asOf, changes);
        } catch (Planning.Refused refused) {
            throw Failure.refused(refused, "");
        }
    }

    /**
     * Stores a valid snapshot under its id. The same bytes again are a no-op; other bytes under a taken id
     * are a conflict (snapshots do not change: a change makes a new snapshot).
     *
     * @param metadata object metadata, e.g. the plan requested with it
     * @return the entry and whether this call stored it
     */
    public Stored store(byte[] json, Snapshot snapshot, Map<String, String> metadata, String derivedFrom,
            List<String> changes) {
        Optional<SnapshotInfo> registered = catalog.get(snapshot.snapshotId());
        if (registered.isPresent()) {
            // Known already (perhaps from a dropped file with another name): same bytes or a conflict.
            StoredObject current = store.get(registered.get().key(), registered.get().versionId()).orElse(null);
            if (current != null && Arrays.equals(current.content(), json)) {
                return new Stored(registered.get(), false);
            }
            throw Failure.conflict("snapshot " + snapshot.snapshotId() + " exists with other content; "
                    + "a changed snapshot needs a new snapshotId");
        }
        String key = SnapshotStore.keyOf(snapshot.snapshotId());
        StoredObject object;
        boolean created;
        try {
            object = store.putIfAbsent(key, json, metadata);
            created = true;
        } catch (AlreadyExistsException e) {
            object = store.get(key).orElseThrow(() -> Failure.conflict("snapshot " + snapshot.snapshotId() + " is being written"));
            if (!Arrays.equals(object.content(), json)) {
                throw Failure.conflict("snapshot " + snapshot.snapshotId() + " exists with other content; "
                        + "a changed snapshot needs a new snapshotId");
            }
            created = false;
        }
        return new Stored(register(object, snapshot, derivedFrom, changes), created);
    }

    public record Stored(SnapshotInfo info, boolean created) {
    }

    /**
     * Records a stored object in the catalogue. Idempotent: the API and the change event may both do it, in
     * either order.
     */
    public SnapshotInfo register(StoredObject object, Snapshot snapshot, String derivedFrom, List<String> changes) {
        SnapshotInfo info = new SnapshotInfo(snapshot.snapshotId(), snapshot.tenant(), snapshot.asOf(),
                snapshot.planningDate(), object.key(), object.versionId(), clock.instant(), snapshot.staff().size(),
                snapshot.facilities().size(), snapshot.jobs().size(), derivedFrom, changes);
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<SnapshotInfo> current = catalog.get(snapshot.snapshotId());
            if (current.isPresent()) {
                SnapshotInfo existing = current.get();
                if (!existing.key().equals(object.key())) {
                    throw Failure.conflict("snapshot " + snapshot.snapshotId() + " is stored under another key");
                }
                if (!existing.tenant().equals(snapshot.tenant())) {
                    // A snapshot stays its tenant's: a file of another tenant under its key changes nothing.
                    throw Failure.conflict("snapshot " + snapshot.snapshotId() + " is taken; a new snapshot needs a"
                            + " snapshotId of its own");
                }
                if (existing.versionId().equals(object.versionId())) {
                    return existing;
                }
            }
            try {
                // A new version of the same key (an overwritten export file) replaces the entry.
                SnapshotInfo next = current.isPresent() && derivedFrom == null
                        ? new SnapshotInfo(info.snapshotId(), info.tenant(), info.asOf(), info.planningDate(), info.key(),
                        info.versionId(), info.storedAt(), info.staff(), info.facilities(), info.jobs(),
                        current.get().derivedFrom(), current.get().changes())
                        : info;
                catalog.put(next, current.map(SnapshotInfo::versionId).orElse(null));
                return next;
            } catch (AlreadyExistsException | VersionConflictException e) {
                // The other writer got there first: look again.
            }
        }
        throw Failure.conflict("snapshot " + snapshot.snapshotId() + " is being written");
    }

    /** A snapshot of the tenant; another tenant's is not found, as if it did not exist. */
    public SnapshotInfo info(String tenant, String snapshotId) {
        return find(tenant, snapshotId).orElseThrow(() -> Failure.notFound("no snapshot " + snapshotId));
    }

    /** The tenant's entry of a snapshot id a caller gave (in a body: its field is snapshotId); 400 for no valid id. */
    public Optional<SnapshotInfo> find(String tenant, String snapshotId) {
        return catalog.get(Ids.check("snapshotId", snapshotId, Limits.SNAPSHOT_ID_LENGTH))
                .filter(info -> info.tenant().equals(tenant));
    }

    /** Whether any tenant has a snapshot with this id: snapshot ids are one namespace. */
    public boolean taken(String snapshotId) {
        return entry(snapshotId).isPresent();
    }

    /** The catalogue's entry, whatever its tenant: for the pipeline, never for a request. */
    public Optional<SnapshotInfo> entry(String snapshotId) {
        return Limits.isSnapshotId(snapshotId) ? catalog.get(snapshotId) : Optional.empty();
    }

    /**
     * Refuses a snapshot of another tenant than the caller's.
     *
     * @param path where the snapshot is in the request, for the error's detail
     */
    public static void checkTenant(Snapshot snapshot, String caller, String path) {
        if (!snapshot.tenant().equals(caller)) {
            String message = "the snapshot is of tenant " + snapshot.tenant() + ", the request is for tenant " + caller;
            throw new Failure(Failure.Kind.FORBIDDEN, message,
                    List.of(new Failure.Detail(path.isEmpty() ? "tenant" : path + ".tenant", message)));
        }
    }

    /** The snapshot in the version a plan was made from. */
    public Loaded load(String tenant, String snapshotId, String versionId) {
        return load(info(tenant, snapshotId), versionId);
    }

    /** The latest version of a snapshot. */
    public Loaded load(String tenant, String snapshotId) {
        SnapshotInfo info = info(tenant, snapshotId);
        return load(info, info.versionId());
    }

    /**
     * A stored version never changes, so the last one read is kept: the review page reads a snapshot's
     * facilities and people a page at a time, and each page would otherwise read and validate it whole again.
     */
    private record Read(String key, String versionId, Snapshot snapshot) {
    }

    private volatile Read last;

    private Loaded load(SnapshotInfo info, String versionId) {
        Read read = last;
        if (read == null || versionId == null || !read.key().equals(info.key()) || !read.versionId().equals(versionId)) {
            StoredObject object = store.get(info.key(), versionId).orElseThrow(() -> Failure.conflict(
                    "snapshot " + info.snapshotId() + " version " + versionId + " is gone"));
            read = new Read(info.key(), versionId, parse(object.content(), ""));
            if (versionId != null) {
                last = read;
            }
        }
        return new Loaded(read.snapshot(), info);
    }

    public List<SnapshotInfo> ofTenant(String tenant) {
        return catalog.byTenant(tenant);
    }

    public Optional<StoredObject> object(String key, String versionId) {
        return versionId == null ? store.get(key) : store.get(key, versionId);
    }

    public String bucket() {
        return store.bucket();
    }
}
