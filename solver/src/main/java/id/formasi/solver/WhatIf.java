package id.formasi.solver;

import id.formasi.solver.exact.CoreLevels;
import id.formasi.solver.plan.Text;
import java.util.List;

/**
 * What pinning one person elsewhere would change in a solved plan. First the placement alone (everyone
 * else stays where the plan puts them): the three levels and both formations before and after. Then the
 * best plan around the pin (the exact flow with it added to the plan's pins) against the plan's optimum.
 *
 * @param plan         the plan's three levels
 * @param direct       the levels with only this person moved
 * @param directChange {@code direct} minus {@code plan}
 * @param formations   the person's formation in the plan and, when another, the wanted one
 */
public record WhatIf(String planId, String staffId, Position from, Position to, boolean samePlacement, Levels plan,
        Levels direct, Levels directChange, List<FormationEffect> formations, Reoptimized reoptimized, Text summary) {

    /** The contract's three levels: hard, shortage, disruption. */
    public record Levels(long hard, long shortage, long disruption) {
        static Levels of(CoreLevels levels) {
            return new Levels(levels.hard(), levels.shortage(), levels.disruption());
        }

        Levels minus(Levels other) {
            return new Levels(hard - other.hard, shortage - other.shortage, disruption - other.disruption);
        }
    }

    /** One formation with the people the plan places there, before and after the move. */
    public record FormationEffect(String facilityId, String job, int cap, int minimum, int priority, int placed,
            int placedAfter, long shortage, long shortageAfter) {
    }

    /** The best plan with the pin, and its change against the plan's optimum. */
    public record Reoptimized(Levels levels, Levels change) {
    }
}
