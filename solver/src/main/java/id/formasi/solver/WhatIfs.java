package id.formasi.solver;

import id.formasi.solver.Planning.Pin;
import id.formasi.solver.WhatIf.FormationEffect;
import id.formasi.solver.WhatIf.Levels;
import id.formasi.solver.WhatIf.Reoptimized;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.exact.CoreLevels;
import id.formasi.solver.exact.ExactCore;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.plan.Text;
import id.formasi.solver.rules.PinCheck;
import id.formasi.solver.rules.PostRef;
import id.formasi.solver.rules.Problem;
import id.formasi.solver.rules.ProblemBuilder;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.ValidationError;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The what-if of {@link Planning#whatIf}, on one problem built once. */
final class WhatIfs {

    private WhatIfs() {
    }

    static WhatIf of(Snapshot snapshot, PlanDocument document, List<Pin> planPins, Pin wanted) {
        Map<String, PostRef> previous = Planning.placements(document);
        // Eligibility does not depend on pins, so one problem serves both the check and the answer; pins the
        // snapshot no longer allows are left out by the builder, as the check would leave them out.
        Map<String, PostRef> pins = Planning.refs(planPins);
        if (wanted != null && wanted.staffId() != null) {
            pins.put(wanted.staffId(), new PostRef(wanted.facilityId(), wanted.job()));
        }
        Problem problem = ProblemBuilder.build(snapshot, previous, pins);
        ValidationError refused = Planning.pinError(new PinCheck(problem), wanted, "").orElse(null);
        if (refused == null && !previous.containsKey(wanted.staffId())) {
            refused = new ValidationError("staffId", "is not placed by this plan");
        }
        if (refused != null) {
            throw new Planning.Refused("the pin is not possible", List.of(refused));
        }

        // Everyone where the plan puts them; the pinned keep their pins for the best plan below.
        Map<Placement, Post> pinnedAt = new IdentityHashMap<>();
        Placement person = null;
        for (Placement placement : problem.placements()) {
            if (placement.isPinned()) {
                pinnedAt.put(placement, placement.getPost());
            }
            if (placement.getStaffId().equals(wanted.staffId())) {
                person = placement;
            }
            placement.setPost(planned(placement, previous.get(placement.getStaffId()), problem));
        }
        Post target = problem.post(wanted.facilityId(), wanted.job());
        Post planned = person.getPost();
        Levels asPlanned = Levels.of(CoreLevels.of(problem.plan()));
        Map<Post, Integer> counts = problem.plan().placedPerPost();
        person.setPost(target);
        Levels direct = Levels.of(CoreLevels.of(problem.plan()));

        List<FormationEffect> effects = new ArrayList<>();
        effects.add(effect(planned, counts.getOrDefault(planned, 0), planned == target ? 0 : -1));
        if (planned != target) {
            effects.add(effect(target, counts.getOrDefault(target, 0), 1));
        }

        // The best plan around the pin, on the contract's three levels (as the plan's certificate): the exact
        // flow with this pin added, against the proven optimum with the plan's own pins.
        pinnedAt.forEach(Placement::setPost);
        Levels best = Levels.of(ExactCore.optimize(problem.plan(), false));
        PlanDocument.Certificate optimum = document.optimum();
        Levels reference = optimum == null ? asPlanned
                : new Levels(optimum.hard(), optimum.shortage(), optimum.disruption());
        Reoptimized reoptimized = new Reoptimized(best, best.minus(reference));
        Levels change = direct.minus(asPlanned);
        return new WhatIf(document.planId(), wanted.staffId(),
                new Position(planned.getFacility().id(), planned.getJob().code()),
                new Position(wanted.facilityId(), wanted.job()), planned == target, asPlanned, direct, change,
                effects, reoptimized, summary(change, reoptimized));
    }

    /** Where the plan put the person; for a plan of another version of the data, where they are or could be. */
    private static Post planned(Placement placement, PostRef previous, Problem problem) {
        Post post = previous == null ? null : problem.post(previous.facilityId(), previous.job());
        List<Post> eligible = placement.getEligiblePosts();
        if (post != null && eligible.contains(post)) {
            return post;
        }
        if (placement.getPost() != null) {
            return placement.getPost();
        }
        return placement.getCurrent() != null && eligible.contains(placement.getCurrent()) ? placement.getCurrent()
                : eligible.getFirst();
    }

    private static FormationEffect effect(Post post, int placed, int delta) {
        return new FormationEffect(post.getFacility().id(), post.getJob().code(), post.getCap(), post.getMinimum(), post.getPriority(),
                placed, placed + delta, post.shortage(placed), post.shortage(placed + delta));
    }

    private static Text summary(Levels change, Reoptimized best) {
        String id = ("Hanya penempatan ini: pelanggaran %s, kekurangan berbobot %s, gangguan %s. Rencana terbaik dengan"
                + " kunci ini: kekurangan berbobot %s dan gangguan %s terhadap optimum.")
                .formatted(signed(change.hard()), signed(change.shortage()), signed(change.disruption()),
                        signed(best.change().shortage()), signed(best.change().disruption()));
        String en = ("This placement alone: violations %s, weighted shortage %s, disruption %s. Best plan with this"
                + " pin: weighted shortage %s and disruption %s against the optimum.")
                .formatted(signed(change.hard()), signed(change.shortage()), signed(change.disruption()),
                        signed(best.change().shortage()), signed(best.change().disruption()));
        return new Text(id, en);
    }

    private static String signed(long value) {
        return value > 0 ? "+" + value : Long.toString(value);
    }
}
