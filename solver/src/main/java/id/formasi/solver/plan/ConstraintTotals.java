package id.formasi.solver.plan;

import id.formasi.solver.domain.District;
import id.formasi.solver.domain.FormasiConstraints;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.domain.StaffingPlan;
import id.formasi.solver.plan.PlanDocument.ConstraintTotal;
import id.formasi.solver.plan.PlanDocument.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The explanation's per-constraint totals, counted from the solution by the constraint streams' own
 * definitions: a match is whatever passes the stream's filter (zero-weight ones included), and a total is
 * what the constraint adds to its level. (Timefold's own score analysis is a commercial feature in 2.2.)
 * {@code ExplanationMatchesTest} holds both against the streams through the ConstraintVerifier.
 */
final class ConstraintTotals {

    private record Meaning(String name, Level level, Text text) {
    }

    private static final List<Meaning> MEANINGS = List.of(
            new Meaning(FormasiConstraints.OVER_CAP, Level.HARD,
                    new Text("Tidak ada pegawai di atas formasi", "Nobody above the formation's cap")),
            new Meaning(FormasiConstraints.NO_ELIGIBLE_POST, Level.HARD,
                    new Text("Setiap pegawai punya formasi yang sesuai", "Everyone has an eligible formation")),
            new Meaning(FormasiConstraints.NO_ROOM, Level.HARD,
                    new Text("Setiap pegawai yang harus pindah mendapat formasi yang masih ada ruang",
                            "Everyone who must move finds a formation with room")),
            new Meaning(FormasiConstraints.SHORTAGE, Level.MEDIUM,
                    new Text("Setiap formasi mencapai kebutuhan minimumnya (bobot prioritas)",
                            "Every formation reaches its minimum (priority-weighted)")),
            new Meaning(FormasiConstraints.DISRUPTION, Level.SOFT,
                    new Text("Setiap mutasi berbiaya tetap ditambah jaraknya (km)",
                            "Every move costs its move cost plus its distance (km)")),
            new Meaning(FormasiConstraints.ROTATION, Level.SOFT,
                    new Text("Mutasi pegawai yang sudah waktunya rotasi lebih murah",
                            "Moves of people due for rotation cost less")),
            new Meaning(FormasiConstraints.HOME_DISTANCE, Level.SOFT,
                    new Text("Mutasi tidak menjauhkan pegawai dari rumah", "Moves do not take people farther from home")),
            new Meaning(FormasiConstraints.FACILITY_FAIRNESS, Level.SOFT,
                    new Text("Tidak ada unit yang menanggung seluruh kekurangannya sendiri",
                            "No facility keeps its whole gap")),
            new Meaning(FormasiConstraints.DISTRICT_FAIRNESS, Level.SOFT,
                    new Text("Tidak ada kecamatan yang menanggung seluruh kekurangannya sendiri",
                            "No district keeps its whole gap")),
            new Meaning(FormasiConstraints.KEEP_PREVIOUS, Level.SOFT,
                    new Text("Keputusan rencana sebelumnya dipertahankan", "Keep the previous plan's decisions")));

    private ConstraintTotals() {
    }

    /** Every constraint in a fixed order, counted from the solution. */
    static List<ConstraintTotal> of(StaffingPlan plan, Map<Post, Integer> placed) {
        Map<String, Tally> tallies = new HashMap<>();
        MEANINGS.forEach(meaning -> tallies.put(meaning.name(), new Tally()));
        Map<District, Long> unfilledPerDistrict = new HashMap<>();
        for (Post post : plan.getPosts()) {
            int count = placed.getOrDefault(post, 0);
            if (count > post.getCap()) {
                tallies.get(FormasiConstraints.OVER_CAP).add(post.overCap(count));
            }
            if (count < post.getMinimum()) {
                tallies.get(FormasiConstraints.SHORTAGE).add(post.shortage(count));
                if (post.getFacilityFairnessWeight() > 0) {
                    tallies.get(FormasiConstraints.FACILITY_FAIRNESS).add(post.fairnessPenalty(count));
                }
                if (post.getDistrict().fairnessWeight() > 0) {
                    unfilledPerDistrict.merge(post.getDistrict(), post.unfilled(count), Long::sum);
                }
            }
        }
        unfilledPerDistrict.forEach((district, unfilled) ->
                tallies.get(FormasiConstraints.DISTRICT_FAIRNESS).add(district.fairnessPenalty(unfilled)));
        plan.getUnplaceable().forEach(person -> tallies.get(FormasiConstraints.NO_ELIGIBLE_POST).add(1));
        for (Placement placement : plan.getPlacements()) {
            if (placement.isNoRoom()) {
                tallies.get(FormasiConstraints.NO_ROOM).add(1);
            }
            if (placement.isMoved()) {
                tallies.get(FormasiConstraints.DISRUPTION).add(placement.disruption());
                tallies.get(FormasiConstraints.HOME_DISTANCE).add(placement.homeDistancePenalty());
                if (placement.isRotationDue()) {
                    tallies.get(FormasiConstraints.ROTATION).add(-placement.rotationDiscount());
                }
            }
            if (placement.getPrevious() != null && placement.getPost() != placement.getPrevious()) {
                tallies.get(FormasiConstraints.KEEP_PREVIOUS).add(placement.changeFromPrevious());
            }
        }
        return MEANINGS.stream().map(meaning -> {
            Tally tally = tallies.get(meaning.name());
            return new ConstraintTotal(meaning.name(), meaning.level(), -tally.penalty, tally.matches, meaning.text());
        }).toList();
    }

    /** One constraint's matches and their summed penalty (a reward counts as a negative penalty). */
    private static final class Tally {
        private long penalty;
        private int matches;

        void add(long weight) {
            penalty += weight;
            matches++;
        }
    }
}
