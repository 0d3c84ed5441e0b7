package id.formasi.functions.api;

import static id.formasi.functions.api.Requests.MAPPER;
import static id.formasi.functions.api.Requests.json;
import static id.formasi.functions.api.Requests.optionalInt;
import static id.formasi.functions.api.Requests.optionalLong;
import static id.formasi.functions.api.Requests.optionalText;
import static id.formasi.functions.api.Requests.page;
import static id.formasi.functions.api.Requests.pins;
import static id.formasi.functions.api.Requests.url;

import id.formasi.functions.planning.Failure;
import id.formasi.functions.planning.PlanLifecycle;
import id.formasi.functions.planning.PlanService;
import id.formasi.functions.planning.WhatIfService;
import id.formasi.infra.Pin;
import id.formasi.infra.PlanRecord;
import id.formasi.solver.plan.PlanDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** {@code /plans/{id}/…}: the parts of a solved plan, and what a reviewer does with it. */
@Component
record PlanReviewHandlers(PlanService plans, PlanLifecycle lifecycle, WhatIfService whatIf) {

    /** A page of one list of the plan's document. */
    Response part(Request request, Function<PlanDocument, List<?>> list) {
        return page(request, list.apply(document(request)));
    }

    private PlanDocument document(Request request) {
        return plans.document(request.tenant(), request.pathParameter("id"));
    }

    Response explanation(Request request) {
        return Response.ok(Views.Explanation.of(document(request)));
    }

    Response whatIf(Request request) {
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
        return Response.ok(whatIf.whatIf(request.tenant(), request.pathParameter("id"), request.query().get("staffId"),
                request.query().get("facilityId"), request.query().get("job")));
    }

    Response putPins(Request request) {
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
        PlanRecord plan = plans.pin(request.tenant(), request.pathParameter("id"), pins, version, request.actor(), comment);
        return Response.ok(Views.Plan.of(request, plan));
    }

    /** A field of a body that may be absent: read by {@code read}, whose errors are the request's refusal. */
    private static <T> T optionalField(Request request, String what, BiFunction<JsonNode, List<Failure.Detail>, T> read) {
        JsonNode body = request.hasBody() ? json(request) : MAPPER.createObjectNode();
        List<Failure.Detail> errors = new ArrayList<>();
        T value = read.apply(body, errors);
        if (!errors.isEmpty()) {
            throw new Failure(Failure.Kind.INVALID, "the " + what + " request has errors", errors);
        }
        return value;
    }

    Response resolve(Request request) {
        Integer budget = optionalField(request, "resolve", (body, errors) -> optionalInt(body, "budgetSeconds", errors));
        PlanRecord plan = plans.resolve(request.tenant(), request.pathParameter("id"), budget);
        return Response.accepted(Views.Queued.of(request, plan), url(request, "/plans/" + plan.planId()));
    }

    Response decide(Request request) {
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
        PlanRecord plan = lifecycle.decide(request.tenant(), request.pathParameter("id"), decision.equals("approve"), version,
                request.actor(), comment);
        return Response.ok(Views.Plan.of(request, plan));
    }

    /** Stops a solve: {@code comment} optional, no version (the solve writes progress meanwhile). */
    Response cancel(Request request) {
        String comment = optionalField(request, "cancel", (body, errors) -> optionalText(body, "comment", errors));
        return Response.ok(Views.Plan.of(request, lifecycle.cancel(request.tenant(),
                request.pathParameter("id"), request.actor(), comment)));
    }

    /** Deletes a plan; {@code ?version=} the version the user saw, when given. */
    Response delete(Request request) {
        String text = request.query().get("version");
        Long version = null;
        if (text != null) {
            try {
                version = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw Failure.invalid("query.version", "must be a whole number, the plan version you saw");
            }
        }
        lifecycle.delete(request.tenant(), request.pathParameter("id"), version);
        return Response.ok(new Views.Deleted(request.pathParameter("id"), true));
    }

    Response diff(Request request) {
        return Response.ok(plans.diff(request.tenant(), request.pathParameter("a"), request.pathParameter("b")));
    }
}
