package id.formasi.solver.exact;

/**
 * A proven lower bound on a plan's levels: the optimum of the relaxation the flow solves exactly, which
 * leaves out the rules of mutasi practice. No plan has fewer hard violations than {@code hard}; no plan with
 * that many has less shortage than {@code shortage}; and when {@code soft} is not null (every soft goal is
 * one the flow solves exactly), no plan with those two has a lower soft level.
 */
public record Bound(long hard, long shortage, Long soft) {
}
