package id.formasi.solver;

/** A formation named by its facility and job, as the API writes it. */
public record Position(String facilityId, String job) {
}
