package id.formasi.solver;

import id.formasi.solver.generator.SnapshotGenerator;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.plan.Plans;
import id.formasi.solver.rules.PinCheck;
import id.formasi.solver.rules.PostRef;
import id.formasi.solver.rules.Problem;
import id.formasi.solver.rules.ProblemBuilder;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.ValidationError;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The solver's front door: all that the service layers use of it, besides the snapshot records and the plan
 * document. Plan a snapshot, ask what a pin would change, check pins, apply changes to a snapshot, compare
 * two plans. Build one per process and reuse it: it holds the Planner, whose SolverFactory is costly.
 */
public final class Planning {

    private final Planner planner;

    public Planning() {
        this.planner = new Planner();
    }

    /** A planner's pin: this person goes to this formation (a job at a facility). */
    public record Pin(String staffId, String facilityId, String job) {
    }

    /**
     * How to plan: the document's id, how long to search (and for how long without improvement), the
     * planners' pins, the plan whose placements to keep where possible (or null), and whom to tell about
     * progress, and whether to stop early (asked between the flow's pricing rounds; then the flow so far is
     * the plan, its termination reason {@link #STOPPED}). Pins the snapshot does not allow are left out; check
     * them first with {@link #checkPins}.
     */
    public record Options(String planId, Duration timeLimit, Duration unimprovedLimit, List<Pin> pins,
            PlanDocument warmStart, Consumer<Progress> progress, BooleanSupplier stop) {

        public Options {
            pins = List.copyOf(pins);
        }

        public static Options of(String planId, Duration timeLimit) {
            Planner.Options defaults = Planner.Options.of(timeLimit);
            return new Options(planId, timeLimit, defaults.unimprovedLimit(), List.of(), null, progress -> {
            }, defaults.stop());
        }

        public Options withUnimprovedLimit(Duration limit) {
            return new Options(planId, timeLimit, limit, pins, warmStart, progress, stop);
        }

        public Options withPins(List<Pin> newPins) {
            return new Options(planId, timeLimit, unimprovedLimit, newPins, warmStart, progress, stop);
        }

        public Options withWarmStart(PlanDocument plan) {
            return new Options(planId, timeLimit, unimprovedLimit, pins, plan, progress, stop);
        }

        public Options withProgress(Consumer<Progress> listener) {
            return new Options(planId, timeLimit, unimprovedLimit, pins, warmStart, listener, stop);
        }

        public Options withStop(BooleanSupplier next) {
            return new Options(planId, timeLimit, unimprovedLimit, pins, warmStart, progress, next);
        }
    }

    /** The termination reason of a solve that was asked to stop. */
    public static final String STOPPED = Planner.STOPPED;

    /** The best plan found so far, as the solve goes; {@code score} as the solver writes it. */
    public record Progress(Duration elapsed, String score, String phase) {
    }

    /** The plan document and how the solve went. */
    public record Solved(PlanDocument document, String score, Duration timeSpent, String terminationReason) {
    }

    /**
     * Which pins the snapshot allows, in their order, and what is wrong with the others. Error paths are
     * relative to the list: {@code [2]} (the formation) or {@code [2].staffId} (the person).
     */
    public record Pins(List<Pin> possible, List<ValidationError> errors) {
    }

    /** A request the snapshot or plan cannot answer, with every reason and where it is in the request. */
    public static final class Refused extends RuntimeException {

        private final List<ValidationError> errors;

        Refused(String message, List<ValidationError> errors) {
            super(message, null, false, false);
            this.errors = List.copyOf(errors);
        }

        public List<ValidationError> errors() {
            return errors;
        }
    }

    /** Plans a valid snapshot: the exact flow of the full score, and its certificate. */
    public Solved plan(Snapshot snapshot, Options options) {
        Map<String, PostRef> previous = options.warmStart() == null ? Map.of() : placements(options.warmStart());
        Problem problem = ProblemBuilder.build(snapshot, previous, refs(options.pins()));
        Planner.Result result = planner.solve(problem, new Planner.Options(options.timeLimit(),
                options.unimprovedLimit(), progress -> options.progress().accept(
                new Progress(progress.elapsed(), progress.score().toString(), progress.phase())), options.stop()));
        PlanDocument document = Plans.document(problem, result, options.planId());
        return new Solved(document, result.score().toString(), result.timeSpent(), result.terminationReason());
    }

    /**
     * What would change if one person were pinned elsewhere in a solved plan of this snapshot: read-only.
     *
     * @param pins   the plan's pins (those the snapshot no longer allows are left out)
     * @param wanted the pin to try
     * @throws Refused when the snapshot does not allow the wanted pin; paths {@code staffId} or empty
     */
    public WhatIf whatIf(Snapshot snapshot, PlanDocument plan, List<Pin> pins, Pin wanted) {
        return WhatIfs.of(snapshot, plan, pins, wanted);
    }

    /** Checks pins against a valid snapshot: each names someone in service who may move, and a formation they may take. */
    public Pins checkPins(Snapshot snapshot, List<Pin> pins) {
        if (pins.isEmpty()) {
            return new Pins(List.of(), List.of());
        }
        PinCheck check = new PinCheck(snapshot);
        Set<String> seen = new HashSet<>();
        List<Pin> possible = new ArrayList<>();
        List<ValidationError> errors = new ArrayList<>();
        for (int i = 0; i < pins.size(); i++) {
            Pin pin = pins.get(i);
            String at = "[" + i + "]";
            Optional<ValidationError> error = complete(pin) && !seen.add(pin.staffId())
                    ? Optional.of(new ValidationError(at + ".staffId", "is pinned twice"))
                    : pinError(check, pin, at);
            error.ifPresentOrElse(errors::add, () -> possible.add(pin));
        }
        return new Pins(possible, errors);
    }

    /**
     * Applies domain changes (people leave, are hired, gain a qualification or change job; facilities open
     * or close; a formation changes) to a snapshot, making the next one. Its validity is the caller's to
     * check, as for any snapshot read.
     *
     * @param asOf    the new snapshot's date, or null to keep the base's
     * @param changes the request's {@code changes} array
     * @throws Refused with every change that cannot be applied, at {@code changes[i]…}
     */
    public SnapshotChange applyChanges(Snapshot base, String newId, LocalDate asOf, JsonNode changes) {
        return SnapshotChanges.apply(base, newId, asOf, changes);
    }

    /** Who is placed differently in plan {@code b} than in plan {@code a}, and who is in only one of them. */
    public PlanDiff diff(PlanDocument a, PlanDocument b) {
        return PlanDiff.between(a, b);
    }

    /** A tiny synthetic snapshot (no real person in it), to warm the solver up. */
    public static Snapshot sample() {
        return SnapshotGenerator.generate(SnapshotGenerator.Scale.TINY, 1);
    }

    /** Why the snapshot does not allow the pin, at {@code at} or at its {@code staffId}; empty when it does. */
    static Optional<ValidationError> pinError(PinCheck check, Pin pin, String at) {
        String person = at.isEmpty() ? "staffId" : at + ".staffId";
        if (!complete(pin)) {
            return Optional.of(new ValidationError(at, "needs staffId, facilityId and job"));
        }
        return check.problemWith(pin.staffId(), new PostRef(pin.facilityId(), pin.job()))
                .map(issue -> new ValidationError(issue.aboutThePerson() ? person : at, issue.message()));
    }

    private static boolean complete(Pin pin) {
        return pin != null && pin.staffId() != null && pin.facilityId() != null && pin.job() != null;
    }

    static Map<String, PostRef> refs(List<Pin> pins) {
        Map<String, PostRef> refs = new HashMap<>();
        pins.forEach(pin -> refs.put(pin.staffId(), new PostRef(pin.facilityId(), pin.job())));
        return refs;
    }

    static Map<String, PostRef> placements(PlanDocument plan) {
        Map<String, PostRef> placed = new HashMap<>();
        plan.placements().forEach(p -> placed.put(p.staffId(), new PostRef(p.facilityId(), p.job())));
        return placed;
    }
}
