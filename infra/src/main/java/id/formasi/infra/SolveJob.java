package id.formasi.infra;

/** The body of a solve message: which plan to solve. Everything else is in the plan record. */
public record SolveJob(String planId) {
}
