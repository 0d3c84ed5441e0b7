package id.formasi.solver.plan;

/** A sentence for people: Bahasa Indonesia first, English second. */
public record Text(String id, String en) {
}
