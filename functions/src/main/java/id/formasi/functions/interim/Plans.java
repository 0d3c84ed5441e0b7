package id.formasi.functions.interim;

import id.formasi.solver.Planner;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.domain.Unplaceable;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.plan.Text;
import id.formasi.solver.rules.Leaving;
import id.formasi.solver.rules.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** TEMPORARY, see package-info: the plan document without the solver module's explanations. */
public final class Plans {

    private Plans() {
    }

    public static PlanDocument document(Problem problem, Planner.Result result, String planId, String status) {
        List<PlanDocument.Placement> placements = new ArrayList<>();
        List<PlanDocument.Move> moves = new ArrayList<>();
        Map<Post, Integer> after = new HashMap<>();
        long disruption = 0;
        for (Placement placement : result.plan().placements()) {
            Post post = placement.getPost();
            after.merge(post, 1, Integer::sum);
            placements.add(new PlanDocument.Placement(placement.staffId(), post.facility().id(), post.job().code(),
                    placement.isMoved(), placement.pinned()));
            if (placement.isMoved()) {
                disruption += placement.disruption();
                moves.add(new PlanDocument.Move(placement.staffId(), placement.currentFacility().id(),
                        placement.staff().job(), post.facility().id(), post.job().code(), placement.kmTo(post),
                        placement.disruption(), new Text("Dipindahkan untuk mengisi formasi.", "Moved to fill a formation.")));
            }
        }
        List<PlanDocument.Leaving> leaving = new ArrayList<>();
        Map<Post, Integer> leavingCount = new HashMap<>();
        for (Leaving leaves : problem.leaving()) {
            Post post = problem.post(leaves.staff().facility(), leaves.staff().job());
            if (post != null) {
                leavingCount.merge(post, 1, Integer::sum);
            }
            leaving.add(new PlanDocument.Leaving(leaves.staff().id(), leaves.staff().facility(), leaves.staff().job(),
                    leaves.reason().name(), leaves.date(), new Text("Keluar dari layanan.", "Leaves service.")));
        }
        List<PlanDocument.FormationResult> formations = new ArrayList<>();
        List<PlanDocument.Unfilled> unfilled = new ArrayList<>();
        List<PlanDocument.Surplus> surplus = new ArrayList<>();
        List<PlanDocument.Violation> violations = new ArrayList<>();
        for (Post post : result.plan().posts()) {
            int placed = after.getOrDefault(post, 0);
            int current = problem.currentCount().getOrDefault(post, 0);
            formations.add(new PlanDocument.FormationResult(post.facility().id(), post.facility().name(),
                    post.facility().district(), post.job().sector().name(), post.job().code(), post.cap(),
                    post.minimum(), post.priority(), problem.beforeCount().getOrDefault(post, 0),
                    leavingCount.getOrDefault(post, 0), placed, post.shortage(current), post.shortage(placed)));
            if (placed < post.minimum()) {
                unfilled.add(new PlanDocument.Unfilled(post.facility().id(), post.job().code(), post.minimum() - placed,
                        post.priority(), new Text("Tidak ada pegawai yang memenuhi syarat.", "Nobody eligible is left.")));
            }
            if (placed > post.cap()) {
                surplus.add(new PlanDocument.Surplus(post.facility().id(), post.job().code(), placed - post.cap(),
                        new Text("Melebihi formasi.", "Above the formation's cap.")));
                violations.add(new PlanDocument.Violation("OVER_CAP", post.facility().id(), post.job().code(), null,
                        placed - post.cap(), new Text("Melebihi formasi.", "Above the formation's cap.")));
            }
        }
        for (Unplaceable person : result.plan().unplaceable()) {
            violations.add(new PlanDocument.Violation("NO_ELIGIBLE_POST", person.staff().facility(), person.staff().job(),
                    person.staff().id(), 1, new Text("Tidak ada formasi yang sesuai.", "No eligible formation.")));
        }
        var score = result.score();
        PlanDocument.Score levels = new PlanDocument.Score(-score.hardScore(), -score.mediumScore(), disruption, 0, 0,
                0, 0, 0, -score.softScore(), score.toString());
        var optimum = result.optimum();
        var levelsNow = result.levels();
        PlanDocument.Certificate certificate = new PlanDocument.Certificate(optimum.hard(), optimum.shortage(),
                optimum.disruption(), levelsNow.hard() - optimum.hard(), levelsNow.shortage() - optimum.shortage(),
                levelsNow.disruption() - optimum.disruption(), levelsNow.equals(optimum),
                new Text("Dibandingkan dengan optimum eksak.", "Compared with the exact optimum."));
        PlanDocument.Explanation explanation = new PlanDocument.Explanation(
                new Text(moves.size() + " pemindahan, " + unfilled.size() + " formasi belum terpenuhi.",
                        moves.size() + " moves, " + unfilled.size() + " formations below minimum."),
                List.of());
        return new PlanDocument(planId, problem.snapshot().snapshotId(), problem.snapshot().tenant(), status, levels,
                placements, moves, leaving, formations, unfilled, surplus, violations,
                new PlanDocument.SolverFigures(result.timeSpent().toMillis(), result.terminationReason(), "exact + local search"),
                certificate, explanation);
    }
}
