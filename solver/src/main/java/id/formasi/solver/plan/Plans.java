package id.formasi.solver.plan;

import id.formasi.solver.Planner;
import id.formasi.solver.domain.FormasiConstraints;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.domain.StaffingPlan;
import id.formasi.solver.domain.Unplaceable;
import id.formasi.solver.exact.CoreLevels;
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
import id.formasi.solver.snapshot.FacilityStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a solved problem into the plan document and explains it in domain terms, computed from the
 * solution by the same rules the constraints use, so that the per-constraint totals add up to the score.
 */
public final class Plans {

    private Plans() {
    }

    public static PlanDocument document(Problem problem, Planner.Result result, String planId, String status) {
        StaffingPlan plan = result.plan();
        Map<Post, Integer> placed = placedPerPost(plan);
        List<PlanDocument.Placement> placements = new ArrayList<>();
        List<Move> moves = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (Placement placement : plan.placements()) {
            Post post = placement.getPost();
            if (placement.isUnplaced()) {
                placements.add(new PlanDocument.Placement(placement.staffId(), placement.currentFacility().id(),
                        placement.staff().job(), false, false));
                violations.add(new Violation("NO_FORMATION_WITH_ROOM", placement.currentFacility().id(),
                        placement.staff().job(), placement.staffId(), 1, Reasons.leftOutside(placement)));
                continue;
            }
            placements.add(new PlanDocument.Placement(placement.staffId(), post.facility().id(), post.job().code(),
                    placement.isMoved(), placement.pinned()));
            if (placement.isMoved()) {
                moves.add(new Move(placement.staffId(), placement.currentFacility().id(), placement.staff().job(),
                        post.facility().id(), post.job().code(), placement.kmTo(post), placement.disruption(),
                        Reasons.move(placement, problem, placed)));
            }
        }
        for (Unplaceable unplaceable : plan.unplaceable()) {
            placements.add(new PlanDocument.Placement(unplaceable.staff().id(), unplaceable.staff().facility(),
                    unplaceable.staff().job(), false, false));
            violations.add(new Violation("NO_ELIGIBLE_POST", unplaceable.staff().facility(), unplaceable.staff().job(),
                    unplaceable.staff().id(), 1, Reasons.unplaceable(unplaceable, problem)));
        }
        List<Leaving> leaving = problem.leaving().stream()
                .map(person -> new Leaving(person.staff().id(), person.staff().facility(), person.staff().job(),
                        person.reason().name(), person.date(), Reasons.leaving(person)))
                .toList();

        Candidates candidates = new Candidates(plan, placed);
        List<FormationResult> formations = new ArrayList<>();
        List<Unfilled> unfilled = new ArrayList<>();
        List<Surplus> surplus = new ArrayList<>();
        for (Post post : plan.posts()) {
            int before = problem.beforeCount().getOrDefault(post, 0);
            int current = problem.currentCount().getOrDefault(post, 0);
            int after = placed.getOrDefault(post, 0);
            formations.add(new FormationResult(post.facility().id(), post.facility().name(), post.facility().district(),
                    post.job().sector().name(), post.job().code(), post.cap(), post.minimum(), post.priority(),
                    before, before - current, after, post.shortage(current), post.shortage(after)));
            if (after < post.minimum()) {
                unfilled.add(new Unfilled(post.facility().id(), post.job().code(), post.minimum() - after,
                        post.priority(), Reasons.unfilled(post, candidates)));
            }
            if (after > post.cap()) {
                violations.add(new Violation("OVER_CAP", post.facility().id(), post.job().code(), null,
                        after - post.cap(), Reasons.overCap(post, candidates, after)));
            }
            if (after > post.minimum()) {
                surplus.add(new Surplus(post.facility().id(), post.job().code(), after - post.minimum(),
                        Reasons.surplus(post, candidates, after)));
            }
        }

        List<ConstraintTotal> totals = constraintTotals(plan, placed);
        Score score = score(totals, result);
        Certificate certificate = certificate(result.levels(), result.optimum());
        Explanation explanation = new Explanation(
                Reasons.summary(moves.size(), leaving.size(), formations, result.levels(), certificate), totals);
        return new PlanDocument(planId, problem.snapshot().snapshotId(), problem.snapshot().tenant(), status, score,
                placements, moves, leaving, formations, unfilled, surplus, violations,
                new SolverFigures(result.timeSpent().toMillis(), result.terminationReason(),
                        "exact min-cost flow, then Timefold local search"),
                certificate, explanation);
    }

    static Map<Post, Integer> placedPerPost(StaffingPlan plan) {
        Map<Post, Integer> placed = new IdentityHashMap<>();
        for (Placement placement : plan.placements()) {
            if (!placement.isUnplaced()) {
                placed.merge(placement.getPost(), 1, Integer::sum);
            }
        }
        return placed;
    }

    /** Each constraint's signed total, counted from the solution with the constraints' own rules. */
    static List<ConstraintTotal> constraintTotals(StaffingPlan plan, Map<Post, Integer> placed) {
        long overCap = 0;
        int overCapMatches = 0;
        long shortage = 0;
        int shortageMatches = 0;
        long facilityFairness = 0;
        int facilityFairnessMatches = 0;
        Map<String, Long> unfilledPerDistrict = new HashMap<>();
        Map<String, Integer> districtWeight = new HashMap<>();
        for (Post post : plan.posts()) {
            int count = placed.getOrDefault(post, 0);
            if (count > post.cap()) {
                overCap += post.overCap(count);
                overCapMatches++;
            }
            if (count < post.minimum()) {
                shortage += post.shortage(count);
                shortageMatches++;
                if (post.facilityFairnessWeight() > 0) {
                    facilityFairness += post.fairnessPenalty(count);
                    facilityFairnessMatches++;
                }
                if (post.district().fairnessWeight() > 0) {
                    unfilledPerDistrict.merge(post.district().name(), post.unfilled(count), Long::sum);
                    districtWeight.put(post.district().name(), post.district().fairnessWeight());
                }
            }
        }
        long districtFairness = 0;
        for (Map.Entry<String, Long> district : unfilledPerDistrict.entrySet()) {
            long unfilled = district.getValue();
            districtFairness += districtWeight.get(district.getKey()) * unfilled * unfilled;
        }
        long disruption = 0;
        long rotation = 0;
        long home = 0;
        long previous = 0;
        int moved = 0;
        int rotated = 0;
        int farther = 0;
        int changed = 0;
        for (Placement placement : plan.placements()) {
            if (placement.isMoved()) {
                moved++;
                disruption += placement.disruption();
                if (placement.rotationDue()) {
                    rotated++;
                    rotation += placement.rotationDiscount();
                }
                if (placement.homeDistancePenalty() > 0) {
                    farther++;
                    home += placement.homeDistancePenalty();
                }
            }
            if (placement.changeFromPrevious() > 0) {
                changed++;
                previous += placement.changeFromPrevious();
            }
        }
        int unplaceable = plan.unplaceable().size();
        int leftOutside = (int) plan.placements().stream().filter(Placement::isUnplaced).count();
        return List.of(
                new ConstraintTotal(FormasiConstraints.OVER_CAP, "hard", -overCap, overCapMatches,
                        new Text("Tidak ada pegawai di atas formasi", "Nobody above the formation's cap")),
                new ConstraintTotal(FormasiConstraints.NO_ELIGIBLE_POST, "hard", -unplaceable, unplaceable,
                        new Text("Setiap pegawai punya formasi yang sesuai", "Everyone has an eligible formation")),
                new ConstraintTotal(FormasiConstraints.LEFT_OUTSIDE, "hard", -leftOutside, leftOutside,
                        new Text("Setiap pegawai yang harus pindah mendapat formasi yang masih ada ruang",
                                "Everyone who must move finds a formation with room")),
                new ConstraintTotal(FormasiConstraints.SHORTAGE, "medium", -shortage, shortageMatches,
                        new Text("Setiap formasi mencapai kebutuhan minimumnya (bobot prioritas)",
                                "Every formation reaches its minimum (priority-weighted)")),
                new ConstraintTotal(FormasiConstraints.DISRUPTION, "soft", -disruption, moved,
                        new Text("Setiap mutasi berbiaya tetap ditambah jaraknya (km)",
                                "Every move costs its move cost plus its distance (km)")),
                new ConstraintTotal(FormasiConstraints.ROTATION, "soft", rotation, rotated,
                        new Text("Mutasi pegawai yang sudah waktunya rotasi lebih murah",
                                "Moves of people due for rotation cost less")),
                new ConstraintTotal(FormasiConstraints.HOME_DISTANCE, "soft", -home, farther,
                        new Text("Mutasi tidak menjauhkan pegawai dari rumah", "Moves do not take people farther from home")),
                new ConstraintTotal(FormasiConstraints.FACILITY_FAIRNESS, "soft", -facilityFairness, facilityFairnessMatches,
                        new Text("Tidak ada unit yang menanggung seluruh kekurangannya sendiri",
                                "No facility keeps its whole gap")),
                new ConstraintTotal(FormasiConstraints.DISTRICT_FAIRNESS, "soft", -districtFairness, unfilledPerDistrict.size(),
                        new Text("Tidak ada kecamatan yang menanggung seluruh kekurangannya sendiri",
                                "No district keeps its whole gap")),
                new ConstraintTotal(FormasiConstraints.KEEP_PREVIOUS, "soft", -previous, changed,
                        new Text("Keputusan rencana sebelumnya dipertahankan", "Keep the previous plan's decisions")));
    }

    private static Score score(List<ConstraintTotal> totals, Planner.Result result) {
        Map<String, Long> byName = new HashMap<>();
        totals.forEach(total -> byName.put(total.name(), total.total()));
        long soft = totals.stream().filter(total -> total.level().equals("soft")).mapToLong(ConstraintTotal::total).sum();
        CoreLevels levels = result.levels();
        return new Score(levels.hard(), levels.shortage(), levels.disruption(),
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

    static boolean isClosing(Post post) {
        return post.facility().status() == FacilityStatus.CLOSING;
    }
}
