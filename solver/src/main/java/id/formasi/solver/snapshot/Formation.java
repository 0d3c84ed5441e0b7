package id.formasi.solver.snapshot;

/**
 * Authorized positions (formasi) of one job at one facility.
 *
 * @param cap      authorized positions, at least 0
 * @param minimum  staff needed for service, 0..cap
 * @param priority 1..5, the weight of each unfilled minimum position
 */
public record Formation(String job, int cap, int minimum, int priority) {
}
