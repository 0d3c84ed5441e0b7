package id.formasi.solver.domain;

/** A kecamatan, with the weight of its squared unfilled minimum positions (fairness across districts). */
public record District(String name, int fairnessWeight) {

    public long fairnessPenalty(long unfilled) {
        return fairnessWeight * unfilled * unfilled;
    }
}
