package id.formasi.functions.planning;

import id.formasi.infra.Pin;
import id.formasi.infra.PlanRecord;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.exact.CoreLevels;
import id.formasi.solver.exact.ExactCore;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.plan.Text;
import id.formasi.solver.rules.PostRef;
import id.formasi.solver.rules.Problem;
import id.formasi.solver.rules.ProblemBuilder;
import id.formasi.solver.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What would change if one person were pinned elsewhere: read-only, in the solver's own terms. First the
 * placement alone (everyone else stays where the plan puts them): the three levels and both formations
 * before and after. Then the exact min-cost flow with that pin added to the plan's pins, which says what the
 * best plan around the pin would cost and how many others it would place differently.
 */
@Service
public class WhatIfService {

    private final PlanService plans;
    private final SnapshotService snapshots;

    public WhatIfService(PlanService plans, SnapshotService snapshots) {
        this.plans = plans;
        this.snapshots = snapshots;
    }

    public record Levels(long hard, long shortage, long disruption) {
        static Levels of(CoreLevels levels) {
            return new Levels(levels.hard(), levels.shortage(), levels.disruption());
        }

        Levels minus(Levels other) {
            return new Levels(hard - other.hard, shortage - other.shortage, disruption - other.disruption);
        }
    }

    public record FormationEffect(String facilityId, String job, int cap, int minimum, int priority, int placed,
            int placedAfter, long shortage, long shortageAfter) {
    }

    public record Reoptimized(Levels levels, Levels change) {
    }

    public record Answer(String planId, String staffId, Map<String, String> from, Map<String, String> to,
            boolean samePlacement, Levels plan, Levels direct, Levels directChange, List<FormationEffect> formations,
            Reoptimized reoptimized, Text summary) {
    }

    public Answer whatIf(String planId, String staffId, String facilityId, String job) {
        PlanRecord record = plans.get(planId);
        PlanDocument document = plans.document(planId);
        Snapshot snapshot = snapshots.load(record.snapshotId(), record.snapshotVersion()).snapshot();
        Pin wanted = new Pin(staffId, facilityId, job);
        plans.checkPins(snapshot, List.of(wanted), "query");

        Map<String, PostRef> previous = new HashMap<>();
        document.placements().forEach(p -> previous.put(p.staffId(), new PostRef(p.facilityId(), p.job())));
        Map<String, PostRef> pins = new HashMap<>();
        for (Pin pin : plans.possiblePins(snapshot, record.pins())) {
            pins.put(pin.staffId(), new PostRef(pin.facilityId(), pin.job()));
        }
        pins.put(staffId, new PostRef(facilityId, job));
        Problem problem = ProblemBuilder.build(snapshot, previous, pins);

        Placement person = null;
        for (Placement placement : problem.placements()) {
            PostRef at = previous.get(placement.staffId());
            Post post = at == null ? null : problem.post(at.facilityId(), at.job());
            if (placement.staffId().equals(staffId)) {
                person = placement;
            }
            if (post != null && placement.getEligiblePosts().contains(post)) {
                placement.setPost(post);
            } else if (placement.getPost() == null) {
                placement.setPost(placement.current() != null && placement.getEligiblePosts().contains(placement.current())
                        ? placement.current() : placement.getEligiblePosts().getFirst());
            }
        }
        if (person == null) {
            throw Failure.invalid("query.staffId", "is not placed by this plan");
        }
        Post target = problem.post(facilityId, job);
        Post planned = person.getPost();
        Levels asPlanned = Levels.of(CoreLevels.of(problem.plan()));
        Map<Post, Integer> counts = new HashMap<>();
        problem.placements().forEach(p -> counts.merge(p.getPost(), 1, Integer::sum));
        person.setPost(target);
        Levels direct = Levels.of(CoreLevels.of(problem.plan()));

        List<FormationEffect> effects = new ArrayList<>();
        effects.add(effect(planned, counts.getOrDefault(planned, 0), planned == target ? 0 : -1));
        if (planned != target) {
            effects.add(effect(target, counts.getOrDefault(target, 0), 1));
        }

        // The best plan around the pin, on the contract's three levels (as the plan's certificate): the exact
        // flow with this pin added, against the proven optimum with the plan's own pins.
        Levels best = Levels.of(ExactCore.optimize(problem.plan(), false));
        Levels optimum = document.optimum() == null ? asPlanned
                : new Levels(document.optimum().hard(), document.optimum().shortage(), document.optimum().disruption());
        Reoptimized reoptimized = new Reoptimized(best, best.minus(optimum));
        Levels change = direct.minus(asPlanned);
        Map<String, String> from = new LinkedHashMap<>();
        from.put("facilityId", planned.facility().id());
        from.put("job", planned.job().code());
        Map<String, String> to = new LinkedHashMap<>();
        to.put("facilityId", facilityId);
        to.put("job", job);
        return new Answer(planId, staffId, from, to, planned == target, asPlanned, direct, change, effects,
                reoptimized, summary(change, reoptimized));
    }

    private static FormationEffect effect(Post post, int placed, int delta) {
        return new FormationEffect(post.facility().id(), post.job().code(), post.cap(), post.minimum(), post.priority(),
                placed, placed + delta, post.shortage(placed), post.shortage(placed + delta));
    }

    private static Text summary(Levels change, Reoptimized best) {
        String id = "Hanya penempatan ini: pelanggaran %s, kekurangan %s, disrupsi %s. Rencana terbaik dengan kunci ini: kekurangan %s dan disrupsi %s terhadap optimum."
                .formatted(signed(change.hard()), signed(change.shortage()), signed(change.disruption()),
                        signed(best.change().shortage()), signed(best.change().disruption()));
        String en = "This placement alone: violations %s, shortage %s, disruption %s. Best plan with this pin: shortage %s and disruption %s against the optimum."
                .formatted(signed(change.hard()), signed(change.shortage()), signed(change.disruption()),
                        signed(best.change().shortage()), signed(best.change().disruption()));
        return new Text(id, en);
    }

    private static String signed(long value) {
        return value > 0 ? "+" + value : Long.toString(value);
    }
}
