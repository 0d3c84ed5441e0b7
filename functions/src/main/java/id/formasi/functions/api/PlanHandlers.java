package id.formasi.functions.api;

import static id.formasi.functions.api.Requests.MAPPER;
import static id.formasi.functions.api.Requests.json;
import static id.formasi.functions.api.Requests.optionalInt;
import static id.formasi.functions.api.Requests.page;
import static id.formasi.functions.api.Requests.pins;
import static id.formasi.functions.api.Requests.url;

import id.formasi.functions.planning.Failure;
import id.formasi.functions.planning.PlanService;
import id.formasi.functions.planning.RepeatedRequests;
import id.formasi.functions.planning.SnapshotService;
import id.formasi.infra.Pin;
import id.formasi.infra.PlanRecord;
import id.formasi.infra.SnapshotInfo;
import id.formasi.infra.SnapshotStore;
import id.formasi.solver.plan.PlanStatus;
import id.formasi.solver.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** {@code /plans}: submit a plan, list the plans, read one. */
@Component
record PlanHandlers(PlanService plans, SnapshotService snapshots, RepeatedRequests repeated) {

    /** With an {@code Idempotency-Key}, a repeat of the same request answers the plan the first one made. */
    Response submitPlan(Request request) {
        String key = request.headers().get("idempotency-key");
        if (key == null) {
            return newPlan(request).response();
        }
        Optional<String> earlier = repeated.begin(request.tenant(), key, request.body(),
                planId -> plans.find(request.tenant(), planId).isPresent());
        if (earlier.isPresent()) {
            PlanRecord plan = plans.get(request.tenant(), earlier.get());
            return Response.accepted(Views.Queued.of(request, plan), url(request, "/plans/" + plan.planId()));
        }
        try {
            Submitted submitted = newPlan(request);
            repeated.finish(request.tenant(), key, request.body(), submitted.planId());
            return submitted.response();
        } catch (RuntimeException e) {
            repeated.abandon(request.tenant(), key);
            throw e;
        }
    }

    private record Submitted(String planId, Response response) {
    }

    private Submitted newPlan(Request request) {
        JsonNode body = json(request);
        List<Failure.Detail> errors = new ArrayList<>();
        Integer budget = optionalInt(body, "budgetSeconds", errors);
        List<Pin> pins = pins(body.get("pins"), errors);

        SnapshotInfo existing = null;
        Snapshot snapshot = null;
        byte[] inline = null;
        try {
            if (body.has("schemaVersion")) {
                inline = request.body();
                snapshot = snapshots.parse(inline, "");
            } else if (body.get("snapshot") != null && body.get("snapshot").isObject()) {
                inline = MAPPER.writeValueAsBytes(body.get("snapshot"));
                snapshot = snapshots.parse(inline, "snapshot");
            } else if (body.get("snapshotId") != null && body.get("snapshotId").isString()) {
                existing = snapshots.find(request.tenant(), body.get("snapshotId").asString())
                        .orElseThrow(() -> Failure.notFound("no snapshot " + body.get("snapshotId").asString()));
                snapshot = snapshots.load(request.tenant(), existing.snapshotId()).snapshot();
            } else {
                errors.add(new Failure.Detail("snapshot", "give the snapshot inline, or the snapshotId of a stored one"));
            }
        } catch (Failure failure) {
            if (failure.kind() != Failure.Kind.INVALID) {
                throw failure;
            }
            errors.addAll(failure.details());
        }
        try {
            if (budget != null) {
                plans.budgetSeconds(budget, "budgetSeconds");
            }
        } catch (Failure failure) {
            errors.addAll(failure.details());
        }
        if (snapshot != null && errors.isEmpty() && !pins.isEmpty()) {
            try {
                plans.checkPins(snapshot, pins, "pins");
            } catch (Failure failure) {
                errors.addAll(failure.details());
            }
        }
        if (!errors.isEmpty()) {
            throw new Failure(Failure.Kind.INVALID, "the plan request has " + errors.size() + " error(s)", errors);
        }
        if (inline != null) {
            SnapshotService.checkTenant(snapshot, request.tenant(), body.has("schemaVersion") ? "" : "snapshot");
        }
        String planId = PlanService.newPlanId();
        SnapshotInfo info = existing != null ? existing
                : snapshots.store(inline, snapshot, Map.of(SnapshotStore.REQUESTED_PLAN, planId), null, List.of()).info();
        PlanRecord plan = plans.queue(planId, info, plans.budgetSeconds(budget, "budgetSeconds"), pins, null,
                PlanRecord.Trigger.REQUEST);
        return new Submitted(planId, Response.accepted(Views.Queued.of(request, plan), url(request, "/plans/" + planId)));
    }

    Response listPlans(Request request) {
        PlanStatus status = null;
        String statusText = request.query().get("status");
        if (statusText != null) {
            try {
                status = PlanStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Failure.invalid("query.status", "must be one of " + List.of(PlanStatus.values()));
            }
        }
        List<Views.Brief> items = plans.list(request.tenant(), request.query().get("snapshotId"), status).stream()
                .map(plan -> Views.Brief.of(request, plan)).toList();
        return page(request, items);
    }

    Response getPlan(Request request) {
        return Response.ok(Views.Plan.of(request, plans.get(request.tenant(), request.pathParameter("id"))));
    }
}
