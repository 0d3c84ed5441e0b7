package id.formasi.solver.plan;

import id.formasi.solver.Planner;
import id.formasi.solver.domain.FormasiConstraints;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.domain.StaffingPlan;
import id.formasi.solver.domain.Unplaceable;
import id.formasi.solver.exact.CoreLevels;
import id.formasi.solver.exact.Bound;
import id.formasi.solver.plan.PlanDocument.BoundGap;
import id.formasi.solver.plan.PlanDocument.Certificate;
import id.formasi.solver.plan.PlanDocument.ConstraintTotal;
import id.formasi.solver.plan.PlanDocument.Explanation;
import id.formasi.solver.plan.PlanDocument.FormationResult;
import id.formasi.solver.plan.PlanDocument.Leaving;
import id.formasi.solver.plan.PlanDocument.Move;
import id.formasi.solver.plan.PlanDocument.Score;
import id.formasi.solver.plan.PlanDocument.SolverFigures;
import id.formasi.solver.plan.PlanDocument.Surplus;
import id.formasi.solver.plan.PlanDocument.Unfilled;
import id.formasi.solver.plan.PlanDocument.Violation;
import id.formasi.solver.rules.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a solved problem into the plan document and explains it in domain terms, computed from the
 * solution by the same rules the constraints use, so that the per-constraint totals add up to the score.
 */
public final class Plans {

    private Plans() {
    }

    /** The document of a solved plan, status {@link PlanStatus#SOLVED}: the plan record tracks what follows. */
    public static PlanDocument document(Problem problem, Planner.Result result, String planId) {
        StaffingPlan plan = result.plan();
        Map<Post, Integer> placed = plan.placedPerPost();
        List<PlanDocument.Placement> placements = new ArrayList<>();
        List<Move> moves = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (Placement placement : plan.getPlacements()) {
            Post post = placement.getPost();
            if (placement.isNoRoom()) {
                placements.add(new PlanDocument.Placement(placement.getStaffId(), placement.getCurrentFacility().id(),
                        placement.getStaff().job(), false, false));
                violations.add(new Violation("NO_FORMATION_WITH_ROOM", placement.getCurrentFacility().id(),
                        placement.getStaff().job(), placement.getStaffId(), 1, Reasons.noRoom(placement)));
                continue;
            }
            placements.add(new PlanDocument.Placement(placement.getStaffId(), post.getFacility().id(), post.getJob().code(),
                    placement.isMoved(), placement.isPinned()));
            if (placement.isMoved()) {
                moves.add(new Move(placement.getStaffId(), placement.getCurrentFacility().id(), placement.getStaff().job(),
                        post.getFacility().id(), post.getJob().code(), placement.kmTo(post), placement.disruption(),
                        Reasons.move(placement, problem, placed)));
            }
        }
        for (Unplaceable unplaceable : plan.getUnplaceable()) {
            placements.add(new PlanDocument.Placement(unplaceable.staff().id(), unplaceable.staff().facility(),
                    unplaceable.staff().job(), false, false));
            violations.add(new Violation("NO_ELIGIBLE_POST", unplaceable.staff().facility(), unplaceable.staff().job(),
                    unplaceable.staff().id(), 1, Reasons.unplaceable(unplaceable)));
        }
        List<Leaving> leaving = problem.leaving().stream()
                .map(person -> new Leaving(person.staff().id(), person.staff().facility(), person.staff().job(),
                        person.reason().name(), person.date(), Reasons.leaving(person)))
                .toList();

        Candidates candidates = new Candidates(plan, placed);
        List<FormationResult> formations = new ArrayList<>();
        List<Unfilled> unfilled = new ArrayList<>();
        List<Surplus> surplus = new ArrayList<>();
        for (Post post : plan.getPosts()) {
            int before = problem.beforeCount().getOrDefault(post, 0);
            int current = problem.currentCount().getOrDefault(post, 0);
            int after = placed.getOrDefault(post, 0);
            formations.add(new FormationResult(post.getFacility().id(), post.getFacility().name(),
                    post.getFacility().district(), post.getJob().sector().name(), post.getJob().code(),
                    post.getJob().name(), post.getCap(), post.getMinimum(), post.getPriority(), before, before - current,
                    after, (int) post.unfilled(current), (int) post.unfilled(after), post.shortage(current),
                    post.shortage(after)));
            if (after < post.getMinimum()) {
                unfilled.add(new Unfilled(post.getFacility().id(), post.getJob().code(), post.getMinimum() - after,
                        post.getPriority(), Reasons.unfilled(post, candidates)));
            }
            if (after > post.getCap()) {
                violations.add(new Violation("OVER_CAP", post.getFacility().id(), post.getJob().code(), null,
                        after - post.getCap(), Reasons.overCap(post, candidates, after)));
            }
            if (after > post.getMinimum()) {
                surplus.add(new Surplus(post.getFacility().id(), post.getJob().code(), after - post.getMinimum(),
                        Reasons.surplus(post, candidates, after)));
            }
        }

        PracticeFindings practice = PracticeFindings.of(plan);
        violations.addAll(practice.violations());
        List<ConstraintTotal> totals = new ArrayList<>(ConstraintTotals.of(plan, placed));
        totals.addAll(practice.totals());
        Score score = score(totals, result, practice.hard());
        Certificate certificate = certificate(result.levels(), result.optimum());
        BoundGap bound = bound(result.bound(), score);
        Explanation explanation = new Explanation(
                Reasons.summary(moves.size(), leaving.size(), formations, result.levels(), score.hard(),
                        certificate), totals);
        return new PlanDocument(planId, problem.snapshot().snapshotId(), problem.snapshot().tenant(),
                PlanStatus.SOLVED, score, placements, moves, leaving, formations, unfilled, surplus, violations,
                new SolverFigures(result.timeSpent().toMillis(), result.terminationReason(),
                        practice.hard() == 0 && bound.shortageGap() == 0 ? "exact min-cost flow of the full score"
                                : "min-cost flow, people held in place for the practice rules, priced flows for the bound"),
                certificate, bound, explanation);
    }

    private static Score score(List<ConstraintTotal> totals, Planner.Result result, long practiceHard) {
        Map<String, Long> byName = new HashMap<>();
        totals.forEach(total -> byName.put(total.name(), total.total()));
        long soft = totals.stream().filter(total -> total.level() == PlanDocument.Level.SOFT).mapToLong(ConstraintTotal::total).sum();
        CoreLevels levels = result.levels();
        return new Score(levels.hard() + practiceHard, levels.shortage(), levels.disruption(),
                byName.get(FormasiConstraints.ROTATION), -byName.get(FormasiConstraints.HOME_DISTANCE),
                -byName.get(FormasiConstraints.FACILITY_FAIRNESS), -byName.get(FormasiConstraints.DISTRICT_FAIRNESS),
                -byName.get(FormasiConstraints.KEEP_PREVIOUS), soft,
                result.score() == null ? null : result.score().toString());
    }

    static Certificate certificate(CoreLevels plan, CoreLevels optimum) {
        long hardGap = plan.hard() - optimum.hard();
        long shortageGap = plan.shortage() - optimum.shortage();
        long disruptionGap = plan.disruption() - optimum.disruption();
        boolean optimal = hardGap == 0 && shortageGap == 0 && disruptionGap == 0;
        return new Certificate(optimum.hard(), optimum.shortage(), optimum.disruption(), hardGap, shortageGap,
                disruptionGap, optimal, Reasons.certificate(hardGap, shortageGap, disruptionGap));
    }

    static BoundGap bound(Bound bound, Score score) {
        long hardGap = score.hard() - bound.hard();
        long shortageGap = score.shortage() - bound.shortage();
        Long softGap = bound.soft() == null ? null : -score.soft() - bound.soft();
        Double percent = bound.shortage() == 0 || hardGap != 0 ? null
                : Math.round(10000.0 * shortageGap / bound.shortage()) / 100.0;
        return new BoundGap(bound.hard(), bound.shortage(), bound.soft(), hardGap, shortageGap, softGap, percent,
                Reasons.bound(hardGap, shortageGap, percent, softGap));
    }
}
