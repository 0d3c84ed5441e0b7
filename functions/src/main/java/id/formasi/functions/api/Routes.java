package id.formasi.functions.api;

import id.formasi.functions.planning.Failure;
import id.formasi.functions.planning.PlanService;
import id.formasi.functions.planning.SnapshotChanges;
import id.formasi.functions.planning.SnapshotService;
import id.formasi.functions.planning.WhatIfService;
import id.formasi.infra.Pin;
import id.formasi.infra.PlanRecord;
import id.formasi.infra.PlanStatus;
import id.formasi.infra.SnapshotInfo;
import id.formasi.infra.SnapshotStore;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Snapshot;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The route table of the {@code api} function and its handlers: read the request, call a service, shape the answer. */
@Component
public class Routes {

    /** Request bodies: strict, and shallow enough that a hostile body costs nothing. */
    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
                    .build())
            .build();

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final PlanService plans;
    private final SnapshotService snapshots;
    private final WhatIfService whatIf;

    public Routes(PlanService plans, SnapshotService snapshots, WhatIfService whatIf) {
        this.plans = plans;
        this.snapshots = snapshots;
        this.whatIf = whatIf;
    }

    public List<Route> table() {
        return List.of(
                new Route("GET", "/", StaticAssets::index),
                new Route("GET", "/assets/{name}", StaticAssets::asset),
                new Route("POST", "/plans", this::submitPlan),
                new Route("GET", "/plans", this::listPlans),
                new Route("GET", "/plans/{id}", this::getPlan),
                new Route("GET", "/plans/{id}/placements", request -> page(request, document(request).placements())),
                new Route("GET", "/plans/{id}/moves", request -> page(request, document(request).moves())),
                new Route("GET", "/plans/{id}/formations", request -> page(request, document(request).formations())),
                new Route("GET", "/plans/{id}/leaving", request -> page(request, document(request).leaving())),
                new Route("GET", "/plans/{id}/explanation", this::explanation),
                new Route("GET", "/plans/{id}/whatif", this::whatIf),
                new Route("PUT", "/plans/{id}/pins", this::putPins),
                new Route("POST", "/plans/{id}/resolve", this::resolve),
                new Route("POST", "/plans/{id}/decision", this::decide),
                new Route("GET", "/plans/{a}/diff/{b}", this::diff),
                new Route("POST", "/snapshots", this::submitSnapshot),
                new Route("GET", "/snapshots/{id}", this::getSnapshot),
                new Route("GET", "/snapshots/{id}/facilities", this::facilities),
                new Route("POST", "/snapshots/{id}/changes", this::changeSnapshot));
    }

    // --- plans

    private Response submitPlan(Request request) {
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
                existing = snapshots.find(body.get("snapshotId").asString())
                        .orElseThrow(() -> Failure.notFound("no snapshot " + body.get("snapshotId").asString()));
                snapshot = snapshots.load(existing.snapshotId()).snapshot();
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
        String planId = PlanService.newPlanId();
        SnapshotInfo info = existing != null ? existing
                : snapshots.store(inline, snapshot, Map.of(SnapshotStore.REQUESTED_PLAN, planId), null, List.of()).info();
        PlanRecord plan = plans.queue(planId, info, plans.budgetSeconds(budget, "budgetSeconds"), pins, null,
                PlanService.REQUEST);
        return Response.accepted(queued(request, plan), url(request, "/plans/" + planId));
    }

    private Response listPlans(Request request) {
        PlanStatus status = null;
        String statusText = request.query().get("status");
        if (statusText != null) {
            try {
                status = PlanStatus.valueOf(statusText.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Failure.invalid("query.status", "must be one of " + List.of(PlanStatus.values()));
            }
        }
        List<Map<String, Object>> items = plans.list(request.query().get("snapshotId"), status).stream()
                .map(plan -> brief(request, plan)).toList();
        return page(request, items);
    }

    private Response getPlan(Request request) {
        return Response.ok(view(request, plans.get(request.pathParameter("id"))));
    }

    private PlanDocument document(Request request) {
        return plans.document(request.pathParameter("id"));
    }

    private Response explanation(Request request) {
        PlanDocument document = document(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("planId", document.planId());
        body.put("score", document.score());
        body.put("summary", document.explanation() == null ? null : document.explanation().summary());
        body.put("constraints", document.explanation() == null ? List.of() : document.explanation().constraints());
        body.put("optimum", document.optimum());
        body.put("violations", document.violations());
        body.put("unfilled", document.unfilled());
        body.put("surplus", document.surplus());
        body.put("solver", document.solver());
        return Response.ok(body);
    }

    private Response whatIf(Request request) {
        List<Failure.Detail> errors = new ArrayList<>();
        for (String name : List.of("staffId", "facilityId", "job")) {
            String value = request.query().get(name);
            if (value == null || value.isBlank()) {
                errors.add(new Failure.Detail("query." + name, "is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw new Failure(Failure.Kind.INVALID, "the what-if needs staffId, facilityId and job", errors);
        }
        return Response.ok(whatIf.whatIf(request.pathParameter("id"), request.query().get("staffId"),
                request.query().get("facilityId"), request.query().get("job")));
    }

    private Response putPins(Request request) {
        JsonNode body = json(request);
        List<Failure.Detail> errors = new ArrayList<>();
        if (body.get("pins") == null) {
            errors.add(new Failure.Detail("pins", "is required (an empty array removes every pin)"));
        }
        List<Pin> pins = pins(body.get("pins"), errors);
        Long version = optionalLong(body, "version", errors);
        String comment = optionalText(body, "comment", errors);
        if (!errors.isEmpty()) {
            throw new Failure(Failure.Kind.INVALID, "the pins request has " + errors.size() + " error(s)", errors);
        }
        PlanRecord plan = plans.pin(request.pathParameter("id"), pins, version, request.actor(), comment);
        return Response.ok(view(request, plan));
    }

    private Response resolve(Request request) {
        JsonNode body = request.hasBody() ? json(request) : MAPPER.createObjectNode();
        List<Failure.Detail> errors = new ArrayList<>();
        Integer budget = optionalInt(body, "budgetSeconds", errors);
        if (!errors.isEmpty()) {
            throw new Failure(Failure.Kind.INVALID, "the resolve request has errors", errors);
        }
        PlanRecord plan = plans.resolve(request.pathParameter("id"), budget);
        return Response.accepted(queued(request, plan), url(request, "/plans/" + plan.planId()));
    }

    private Response decide(Request request) {
        JsonNode body = json(request);
        List<Failure.Detail> errors = new ArrayList<>();
        String decision = optionalText(body, "decision", errors);
        if (decision == null || !(decision.equals("approve") || decision.equals("reject"))) {
            errors.add(new Failure.Detail("decision", "must be approve or reject"));
        }
        Long version = optionalLong(body, "version", errors);
        if (version == null && errors.stream().noneMatch(error -> error.path().equals("version"))) {
            errors.add(new Failure.Detail("version", "is required: the plan version you reviewed"));
        }
        String comment = optionalText(body, "comment", errors);
        if (!errors.isEmpty()) {
            throw new Failure(Failure.Kind.INVALID, "the decision has " + errors.size() + " error(s)", errors);
        }
        PlanRecord plan = plans.decide(request.pathParameter("id"), decision.equals("approve"), version,
                request.actor(), comment);
        return Response.ok(view(request, plan));
    }

    private Response diff(Request request) {
        String a = request.pathParameter("a");
        String b = request.pathParameter("b");
        PlanDocument left = plans.document(a);
        PlanDocument right = plans.document(b);
        Map<String, PlanDocument.Placement> before = new HashMap<>();
        left.placements().forEach(placement -> before.put(placement.staffId(), placement));
        List<Map<String, Object>> changed = new ArrayList<>();
        List<String> onlyInB = new ArrayList<>();
        Set<String> inB = new java.util.HashSet<>();
        for (PlanDocument.Placement placement : right.placements()) {
            inB.add(placement.staffId());
            PlanDocument.Placement old = before.get(placement.staffId());
            if (old == null) {
                onlyInB.add(placement.staffId());
            } else if (!old.facilityId().equals(placement.facilityId()) || !old.job().equals(placement.job())) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("staffId", placement.staffId());
                change.put("a", Map.of("facilityId", old.facilityId(), "job", old.job()));
                change.put("b", Map.of("facilityId", placement.facilityId(), "job", placement.job()));
                changed.add(change);
            }
        }
        List<String> onlyInA = left.placements().stream().map(PlanDocument.Placement::staffId)
                .filter(id -> !inB.contains(id)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("a", Map.of("planId", a, "snapshotId", left.snapshotId(), "score", left.score()));
        body.put("b", Map.of("planId", b, "snapshotId", right.snapshotId(), "score", right.score()));
        body.put("sameSnapshot", left.snapshotId().equals(right.snapshotId()));
        body.put("changedCount", changed.size());
        body.put("changed", changed);
        body.put("onlyInA", onlyInA);
        body.put("onlyInB", onlyInB);
        return Response.ok(body);
    }

    // --- snapshots

    private Response submitSnapshot(Request request) {
        json(request);
        Snapshot snapshot = snapshots.parse(request.body(), "");
        SnapshotService.Stored stored = snapshots.store(request.body(), snapshot, Map.of(), null, List.of());
        Map<String, Object> body = snapshotView(request, stored.info());
        String location = url(request, "/snapshots/" + snapshot.snapshotId());
        return stored.created() ? Response.created(body, location) : Response.ok(body);
    }

    private Response getSnapshot(Request request) {
        SnapshotInfo info = snapshots.find(request.pathParameter("id"))
                .orElseThrow(() -> Failure.notFound("no snapshot " + request.pathParameter("id")));
        return Response.ok(snapshotView(request, info));
    }

    private Response facilities(Request request) {
        SnapshotInfo info = snapshots.find(request.pathParameter("id"))
                .orElseThrow(() -> Failure.notFound("no snapshot " + request.pathParameter("id")));
        Snapshot snapshot = snapshots.load(info.snapshotId(), info.versionId()).snapshot();
        List<Map<String, Object>> items = snapshot.facilities().stream().map(facility -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("facilityId", facility.id());
            item.put("name", facility.name());
            item.put("kind", facility.kind());
            item.put("district", facility.district());
            item.put("lat", facility.location() == null ? null : facility.location().lat());
            item.put("lon", facility.location() == null ? null : facility.location().lon());
            item.put("status", facility.status());
            item.put("jobs", facility.formations().stream().map(formation -> formation.job()).toList());
            return item;
        }).toList();
        return page(request, items);
    }

    private Response changeSnapshot(Request request) {
        String baseId = request.pathParameter("id");
        SnapshotInfo baseInfo = snapshots.find(baseId).orElseThrow(() -> Failure.notFound("no snapshot " + baseId));
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
        if (!newId.matches("[A-Za-z0-9._-]{1,64}")) {
            errors.add(new Failure.Detail("snapshotId", "must match [A-Za-z0-9._-]{1,64}"));
        } else if (snapshots.find(newId).isPresent()) {
            throw Failure.conflict("snapshot " + newId + " exists already");
        }
        if (!errors.isEmpty()) {
            throw new Failure(Failure.Kind.INVALID, "the change request has " + errors.size() + " error(s)", errors);
        }
        Snapshot base = snapshots.load(baseId, baseInfo.versionId()).snapshot();
        SnapshotChanges.Applied applied = SnapshotChanges.apply(base, newId, asOf, body.get("changes"));
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
            if (snapshots.find(candidate).isEmpty()) {
                return candidate;
            }
        }
        throw Failure.invalid("snapshotId", "give a snapshotId");
    }

    // --- views

    private Map<String, Object> queued(Request request, PlanRecord plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("planId", plan.planId());
        body.put("status", plan.status());
        body.put("snapshotId", plan.snapshotId());
        body.put("url", url(request, "/plans/" + plan.planId()));
        return body;
    }

    private Map<String, Object> brief(Request request, PlanRecord plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("planId", plan.planId());
        body.put("snapshotId", plan.snapshotId());
        body.put("tenant", plan.tenant());
        body.put("status", plan.status());
        body.put("version", plan.version());
        body.put("trigger", plan.trigger());
        body.put("createdAt", plan.createdAt());
        body.put("score", plan.score());
        body.put("url", url(request, "/plans/" + plan.planId()));
        return body;
    }

    private Map<String, Object> view(Request request, PlanRecord plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("planId", plan.planId());
        body.put("snapshotId", plan.snapshotId());
        body.put("snapshotVersion", plan.snapshotVersion());
        body.put("tenant", plan.tenant());
        body.put("status", plan.status());
        body.put("version", plan.version());
        body.put("trigger", plan.trigger());
        body.put("warmStartFrom", plan.warmStartFrom());
        body.put("createdAt", plan.createdAt());
        body.put("updatedAt", plan.updatedAt());
        body.put("budgetSeconds", plan.budgetSeconds());
        body.put("attempts", plan.attempts());
        body.put("progress", plan.progress());
        body.put("score", plan.score());
        body.put("summary", plan.summary());
        body.put("failure", plan.failure());
        body.put("pins", plan.pins());
        body.put("audit", plan.audit());
        String base = "/plans/" + plan.planId();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", url(request, base));
        if (plan.status().hasDocument() || plan.summary() != null) {
            for (String part : List.of("placements", "moves", "formations", "leaving", "explanation")) {
                links.put(part, url(request, base + "/" + part));
            }
        }
        links.put("snapshot", url(request, "/snapshots/" + plan.snapshotId()));
        body.put("links", links);
        return body;
    }

    private Map<String, Object> snapshotView(Request request, SnapshotInfo info) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("snapshotId", info.snapshotId());
        body.put("tenant", info.tenant());
        body.put("asOf", info.asOf());
        body.put("planningDate", info.planningDate());
        body.put("versionId", info.versionId());
        body.put("storedAt", info.storedAt());
        body.put("staff", info.staff());
        body.put("facilities", info.facilities());
        body.put("jobs", info.jobs());
        body.put("derivedFrom", info.derivedFrom());
        body.put("changes", info.changes());
        body.put("plans", plans.ofSnapshot(info.snapshotId()).stream().map(plan -> brief(request, plan)).toList());
        body.put("url", url(request, "/snapshots/" + info.snapshotId()));
        return body;
    }

    private static Response page(Request request, List<?> items) {
        int offset = queryInt(request, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = queryInt(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int from = Math.min(offset, items.size());
        int to = Math.min(items.size(), from + limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("offset", offset);
        body.put("limit", limit);
        body.put("total", items.size());
        body.put("items", items.subList(from, to));
        body.put("next", to < items.size() ? to : null);
        return Response.ok(body);
    }

    // --- reading requests

    private static JsonNode json(Request request) {
        if (!request.hasBody()) {
            throw Failure.invalid("$", "a JSON body is required");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(request.body());
        } catch (JacksonException e) {
            throw Failure.invalid("$", "the body is not well-formed JSON");
        }
        if (node == null || !node.isObject()) {
            throw Failure.invalid("$", "the body must be a JSON object");
        }
        return node;
    }

    private static List<Pin> pins(JsonNode node, List<Failure.Detail> errors) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new Failure.Detail("pins", "must be an array of { staffId, facilityId, job }"));
            return List.of();
        }
        List<Pin> pins = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode pin = node.get(i);
            String staffId = pin.path("staffId").isString() ? pin.path("staffId").asString() : null;
            String facilityId = pin.path("facilityId").isString() ? pin.path("facilityId").asString() : null;
            String job = pin.path("job").isString() ? pin.path("job").asString() : null;
            if (staffId == null || facilityId == null || job == null) {
                errors.add(new Failure.Detail("pins[" + i + "]", "needs staffId, facilityId and job as texts"));
            } else {
                pins.add(new Pin(staffId, facilityId, job));
            }
        }
        return pins;
    }

    private static Integer optionalInt(JsonNode body, String field, List<Failure.Detail> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            errors.add(new Failure.Detail(field, "must be an integer"));
            return null;
        }
        return value.asInt();
    }

    private static Long optionalLong(JsonNode body, String field, List<Failure.Detail> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            errors.add(new Failure.Detail(field, "must be an integer"));
            return null;
        }
        return value.asLong();
    }

    private static String optionalText(JsonNode body, String field, List<Failure.Detail> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.add(new Failure.Detail(field, "must be a text"));
            return null;
        }
        return value.asString();
    }

    private static int queryInt(Request request, String name, int fallback, int min, int max) {
        String text = request.query().get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw Failure.invalid("query." + name, "must be an integer " + min + ".." + max);
        }
    }

    /** Absolute URL of a path, from the host the request came to. */
    static String url(Request request, String path) {
        String host = request.headers().get("host");
        if (host == null) {
            return path;
        }
        String scheme = request.headers().getOrDefault("x-forwarded-proto", "https");
        return scheme + "://" + host + path;
    }
}
