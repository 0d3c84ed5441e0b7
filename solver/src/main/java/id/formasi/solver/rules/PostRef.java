package id.formasi.solver.rules;

/** Names a formation: a job at a facility. Used for pins and for a previous plan's placements. */
public record PostRef(String facilityId, String job) {
}
