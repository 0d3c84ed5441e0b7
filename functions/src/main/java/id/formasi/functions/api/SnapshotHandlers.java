package id.formasi.functions.api;

import static id.formasi.functions.api.Requests.json;
import static id.formasi.functions.api.Requests.optionalText;
import static id.formasi.functions.api.Requests.page;
import static id.formasi.functions.api.Requests.url;

import id.formasi.functions.planning.Failure;
import id.formasi.functions.planning.PlanService;
import id.formasi.functions.planning.SnapshotService;
import id.formasi.infra.SnapshotInfo;
import id.formasi.solver.SnapshotChange;
import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.Limits;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** {@code /snapshots}: store a snapshot, read what is known of it and its facilities, derive a changed one. */
@Component
record SnapshotHandlers(PlanService plans, SnapshotService snapshots) {

    Response submitSnapshot(Request request) {
        json(request);
        return store(request, request.body(), snapshots.parse(request.body(), ""));
    }

    /** Stores a checked snapshot: 201 with where it is, or 200 when the same document is there already. */
    Response store(Request request, byte[] json, Snapshot snapshot) {
        SnapshotService.checkTenant(snapshot, request.tenant(), "");
        SnapshotService.Stored stored = snapshots.store(json, snapshot, Map.of(), null, List.of());
        Views.Snapshot body = snapshotView(request, stored.info());
        String location = url(request, "/snapshots/" + snapshot.snapshotId());
        return stored.created() ? Response.created(body, location) : Response.ok(body);
    }

    Response getSnapshot(Request request) {
        return Response.ok(snapshotView(request, stored(request)));
    }

    Response facilities(Request request) {
        return page(request, latest(request).facilities().stream().map(Views.FacilityItem::of).toList());
    }

    /** Who works where, by name: for the planners of the snapshot's tenant who review its plans. */
    Response staff(Request request) {
        return page(request, latest(request).staff().stream().map(Views.StaffItem::of).toList());
    }

    /** The latest version of the snapshot the path names. */
    private Snapshot latest(Request request) {
        return snapshots.load(request.tenant(), request.pathParameter("id")).snapshot();
    }

    private SnapshotInfo stored(Request request) {
        return snapshots.find(request.tenant(), request.pathParameter("id"))
                .orElseThrow(() -> Failure.notFound("no snapshot " + request.pathParameter("id")));
    }

    private Views.Snapshot snapshotView(Request request, SnapshotInfo info) {
        return Views.Snapshot.of(request, info, plans.ofSnapshot(info.tenant(), info.snapshotId()));
    }

    Response changeSnapshot(Request request) {
        String baseId = request.pathParameter("id");
        SnapshotInfo baseInfo = snapshots.find(request.tenant(), baseId).orElseThrow(() -> Failure.notFound("no snapshot " + baseId));
        JsonNode body = json(request);
        List<Failure.Detail> errors = new ArrayList<>();
        String newId = optionalText(body, "snapshotId", errors);
        String asOfText = optionalText(body, "asOf", errors);
        LocalDate asOf = null;
        if (asOfText != null) {
            try {
                asOf = LocalDate.parse(asOfText);
            } catch (DateTimeParseException e) {
                errors.add(new Failure.Detail("asOf", "must be an ISO date"));
            }
        }
        if (newId == null) {
            newId = nextId(baseId);
        }
        if (!Limits.isCallerId(newId, Limits.SNAPSHOT_ID_LENGTH)) {
            errors.add(new Failure.Detail("snapshotId", Limits.callerIdRule(Limits.SNAPSHOT_ID_LENGTH)));
        } else if (snapshots.taken(newId)) {
            throw Failure.conflict("snapshot " + newId + " exists already");
        }
        if (!errors.isEmpty()) {
            throw new Failure(Failure.Kind.INVALID, "the change request has " + errors.size() + " error(s)", errors);
        }
        Snapshot base = snapshots.load(request.tenant(), baseId, baseInfo.versionId()).snapshot();
        SnapshotChange applied = snapshots.applyChanges(base, newId, asOf, body.get("changes"));
        byte[] json = Json.MAPPER.writeValueAsBytes(applied.snapshot());
        // The result must be a valid snapshot too: its errors point into the changed snapshot.
        Snapshot checked = snapshots.parse(json, "");
        SnapshotService.Stored stored = snapshots.store(json, checked, Map.of(), baseId, applied.lines());
        return Response.created(snapshotView(request, stored.info()), url(request, "/snapshots/" + newId));
    }

    private String nextId(String baseId) {
        String root = baseId.replaceFirst("\\.c\\d+$", "");
        for (int n = 1; n < 10_000; n++) {
            String candidate = root + ".c" + n;
            if (candidate.length() > 64) {
                throw Failure.invalid("snapshotId", "the snapshot id is too long to number; give a snapshotId");
            }
            if (!snapshots.taken(candidate)) {
                return candidate;
            }
        }
        throw Failure.invalid("snapshotId", "give a snapshotId");
    }
}
