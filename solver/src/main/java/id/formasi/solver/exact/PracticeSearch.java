package id.formasi.solver.exact;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.domain.StaffingPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Solves the plan with the rules of mutasi practice against a proven bound. The flow without the rules is
 * the relaxation: its optimum bounds every plan, and when it keeps the rules it is the optimum and the
 * search stops at once. Otherwise each round prices the departure limits and PNS floors into the contract's
 * flow (Lagrangian relaxation, {@link PracticePrices}), which tightens the bound on the hard and shortage
 * levels, and builds a plan that keeps the rules from the priced flow's movers ({@link PracticeHolds}). The
 * rounds weigh only the contract's levels, which makes them fast; the best round's holds are then solved
 * once more with every policy goal.
 */
public final class PracticeSearch {

    /** Polyak's step factor starts at 2 and halves when the bound stalls 3 rounds; below this the search ends. */
    private static final double MIN_STEP = 1.0 / 256;
    /** After the first rounds, a plan is built from the priced flow every this many rounds. */
    private static final int PRIMAL_EVERY = 3;

    private PracticeSearch() {
    }

    /**
     * The bound reached, how many rounds ran, whether the plan is proven optimal, and the contract's three
     * levels at their exact optimum without the rules (the plan's certificate), null when no search ran.
     */
    public record Outcome(Bound bound, int rounds, boolean proven, CoreLevels coreOptimum) {
    }

    /**
     * @param plan     holds the relaxation's optimum (the flow with every policy goal); the plan afterwards
     * @param deadline System.nanoTime() after which no round starts
     * @param reserve  nanoseconds kept before the deadline for the last flow with every policy goal
     * @param stop     asked before each round: a yes ends the rounds (the last flow still runs)
     */
    public static Outcome run(StaffingPlan plan, Function<StaffingPlan, HardMediumSoftScore> score, long deadline,
            long reserve, BooleanSupplier stop) {
        HardMediumSoftScore relaxedScore = score.apply(plan);
        CoreLevels relaxed = CoreLevels.of(plan);
        Bound full = new Bound(relaxed.hard(), relaxed.shortage(), (long) -relaxedScore.softScore());
        if (practiceHard(relaxedScore, relaxed) == 0) {
            return new Outcome(full, 0, true, null);
        }
        List<Post> relaxedPosts = plan.assignedPosts();
        long started = System.nanoTime();
        ExactCore.Solution core = ExactCore.solve(plan, false, null, Set.of(), () -> false);
        // A priced flow took about twice the unpriced one (its people also split by employment): the first
        // round's estimate of it, then the last one's own time.
        long pricedNanos = 2 * (System.nanoTime() - started);
        Bound coreBound = new Bound(core.levels().hard(), core.levels().shortage(), core.levels().disruption());
        Bound bound = coreBound;
        List<Post> pricedPosts = plan.assignedPosts();
        long lagrangian = value(core.levels(), core);
        long bestLagrangian = lagrangian;
        PracticePrices prices = new PracticePrices();
        List<Post> bestPosts = null;
        Set<Placement> bestHolds = null;
        long heldNanos = reserve;
        boolean bestMended = false;
        long[] best = null;
        long bestValue = Long.MAX_VALUE;
        double theta = 2;
        int stalled = 0;
        int round = 0;
        // One round at least: it makes the plan keep the rules.
        while (round == 0 || System.nanoTime() < deadline - reserve && !stop.getAsBoolean()) {
            round++;
            plan.assign(pricedPosts);
            PracticePrices.Excess excess = PracticePrices.excess(plan);
            // A priced flow that keeps the limits and floors sits at its prices' optimum: its plan is the last.
            double norm = prices.norm(excess);
            if (round <= PRIMAL_EVERY || round % PRIMAL_EVERY == 0 || norm == 0) { // the bound moves more than the plan
                List<List<Post>> guides = new ArrayList<>(List.of(pricedPosts, relaxedPosts));
                if (bestPosts != null) {
                    guides.add(1, bestPosts);
                }
                List<Candidate> candidates = new ArrayList<>();
                long holding = System.nanoTime();
                Set<Placement> held = PracticeHolds.solve(plan, PracticeHolds.holds(plan, guides), false, null);
                heldNanos = System.nanoTime() - holding;
                candidates.add(new Candidate(held, plan.assignedPosts(), false));
                // The priced flow mended where it breaks a rule, holding only there: freer than the holds above.
                if (System.nanoTime() + 3 * pricedNanos < deadline - reserve) {
                    held = PracticeHolds.solve(plan, Set.of(), false, prices.isZero() ? null : prices);
                    candidates.add(new Candidate(held, plan.assignedPosts(), true));
                }
                for (Candidate candidate : candidates) {
                    plan.assign(candidate.posts());
                    CoreLevels levels = CoreLevels.of(plan);
                    long broken = broken(plan);
                    long[] now = {levels.hard() + broken, levels.shortage(), levels.disruption()};
                    if (best == null || Arrays.compare(now, best) < 0) {
                        best = now;
                        bestHolds = candidate.held();
                        bestMended = candidate.mended();
                        bestPosts = candidate.posts();
                        bestValue = broken == 0 ? value(levels, core) : Long.MAX_VALUE;
                    }
                }
            }
            if ((best[0] == bound.hard() && best[1] == bound.shortage()) || System.nanoTime() >= deadline - reserve) {
                break; // at the bound on the hard and shortage levels, or out of time
            }
            if (norm == 0 || System.nanoTime() + pricedNanos >= deadline - reserve) {
                break; // the priced flow would not end in time
            }
            // A projected subgradient step on the priced flow's excess, of Polyak's length.
            double gap = bestValue == Long.MAX_VALUE ? core.medium() : Math.max(core.medium(), bestValue - lagrangian);
            prices.step(excess, theta * gap / core.medium() / norm, (double) core.hard() / core.medium());
            started = System.nanoTime();
            ExactCore.Solution priced = ExactCore.solve(plan, false, prices, Set.of(), () -> false);
            pricedNanos = System.nanoTime() - started;
            lagrangian = value(priced.levels(), priced) + prices.penalty(PracticePrices.excess(plan), priced.medium());
            bound = tighter(bound, decode(lagrangian, coreBound, priced.medium(), priced.hard()));
            pricedPosts = plan.assignedPosts();
            if (lagrangian > bestLagrangian) {
                bestLagrangian = lagrangian;
                stalled = 0;
            } else if (++stalled >= 3) {
                theta /= 2;
                stalled = 0;
                if (theta < MIN_STEP) {
                    break; // the steps no longer move the bound
                }
            }
        }
        // The best round's holds with every policy goal: the same hard and shortage levels, the best soft one.
        // People placed anew may part a couple there and are held round by round, each a flow: when the best
        // plan came from the holds and there is time for the flow and two such rounds, that is tried first.
        // Else (a mended plan's holds keep the rules only with its prices), or when it ends worse than the
        // best plan, one flow that keeps the rules by construction.
        plan.assign(bestPosts);
        // A flow with every goal took about three times a round's held flows (measured on a province); the
        // plan's first flow, which the reserve is, also pays for the JIT.
        long flowWithGoals = Math.min(reserve, 3 * heldNanos);
        boolean free = !bestMended && deadline - System.nanoTime() >= 3 * flowWithGoals;
        if (free) {
            PracticeHolds.solve(plan, bestHolds, true, null);
            if (worse(plan, best)) {
                plan.assign(bestPosts);
                free = false;
            }
        }
        if (!free) {
            PracticeHolds.solveKeepingRules(plan, relaxedPosts);
            if (worse(plan, best)) {
                plan.assign(bestPosts); // only a bug gets here: the best plan is one of that flow's
            }
        }
        // The soft bound is the relaxation's, which holds only for plans at its hard and shortage levels.
        boolean atRelaxed = bound.hard() == full.hard() && bound.shortage() == full.shortage();
        Bound result = new Bound(bound.hard(), bound.shortage(), atRelaxed ? full.soft() : null);
        HardMediumSoftScore finalScore = score.apply(plan);
        boolean proven = atRelaxed && -finalScore.hardScore() == result.hard()
                && -finalScore.mediumScore() == result.shortage() && -finalScore.softScore() == result.soft();
        return new Outcome(result, round, proven, core.levels());
    }

    /** A plan of one round that keeps the rules: whom it held, its posts, and whether it mended the priced flow. */
    private record Candidate(Set<Placement> held, List<Post> posts, boolean mended) {
    }

    /** Whether the plan is below {@code best} on the hard level (the rules counted) or then on shortage. */
    private static boolean worse(StaffingPlan plan, long[] best) {
        CoreLevels levels = CoreLevels.of(plan);
        long hard = levels.hard() + broken(plan);
        return hard > best[0] || hard == best[0] && levels.shortage() > best[1];
    }

    /** Hard violations of the practice rules alone: the score's hard level less the contract's. */
    public static long practiceHard(HardMediumSoftScore score, CoreLevels levels) {
        return -score.hardScore() - levels.hard();
    }

    /** Violations of the practice rules, counted as the constraints count them. */
    private static long broken(StaffingPlan plan) {
        PracticePrices.Excess excess = PracticePrices.excess(plan);
        long over = excess.departures().values().stream().mapToLong(e -> Math.max(0, e)).sum();
        long short_ = excess.pns().values().stream().mapToLong(e -> Math.max(0, e)).sum();
        return over + short_ + PracticeHolds.partedCount(plan);
    }

    /** The plan's contract levels as the flow weighs them, one number. */
    private static long value(CoreLevels levels, ExactCore.Solution weights) {
        return levels.hard() * weights.hard() + levels.shortage() * weights.medium() + levels.disruption();
    }

    /**
     * The levels a plan needs to score at least {@code value}, counting each practice rule it breaks as one
     * hard violation. Every plan's shortage and disruption together weigh less than one hard violation, so
     * its hard level is at least floor(value / hard); with that many, since its disruption is below the
     * medium weight, its shortage is at least ceil((rest - medium + 1) / medium), and with that shortage its
     * disruption at least what remains. The relaxation's own levels hold for plans at its hard level.
     */
    static Bound decode(long value, Bound relaxed, long medium, long hard) {
        long hardLevel = Math.max(relaxed.hard(), Math.floorDiv(value, hard));
        long rest = value - hardLevel * hard;
        boolean atRelaxed = hardLevel == relaxed.hard();
        long shortage = Math.max(atRelaxed ? relaxed.shortage() : 0, Math.ceilDiv(rest - medium + 1, medium));
        long soft = rest - shortage * medium;
        if (atRelaxed && shortage == relaxed.shortage() && relaxed.soft() != null) {
            soft = Math.max(soft, relaxed.soft());
        }
        return new Bound(hardLevel, shortage, soft);
    }

    /** The higher of two bounds, level by level. */
    static Bound tighter(Bound a, Bound b) {
        int order = Long.compare(a.hard(), b.hard());
        if (order == 0) {
            order = Long.compare(a.shortage(), b.shortage());
        }
        if (order == 0) {
            order = a.soft() == null ? -1 : b.soft() == null ? 1 : Long.compare(a.soft(), b.soft());
        }
        return order >= 0 ? a : b;
    }
}
