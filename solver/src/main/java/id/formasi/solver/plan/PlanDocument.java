package id.formasi.solver.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The plan as the contract defines its output (docs/plan-format.md): where everyone in service works, the
 * moves with their reasons, who leaves, every formation before and after, what stays unfilled or surplus
 * and why, the score levels, the solver's figures, the certificate against the exact optimum, and the
 * explanation.
 */
public record PlanDocument(
        String planId,
        String snapshotId,
        String tenant,
        PlanStatus status,
        Score score,
        List<Placement> placements,
        List<Move> moves,
        List<Leaving> leaving,
        List<FormationResult> formations,
        List<Unfilled> unfilled,
        List<Surplus> surplus,
        List<Violation> violations,
        SolverFigures solver,
        Certificate optimum,
        BoundGap bound,
        Explanation explanation) {

    /**
     * Score levels. {@code hard}, {@code shortage} and {@code disruption} are the contract's; the soft goals
     * follow, and {@code soft} is the solver's soft level: disruption plus the policy goals.
     */
    public record Score(long hard, long shortage, long disruption, long rotationDiscount, long homeDistance,
            long facilityFairness, long districtFairness, long keepPrevious, long soft, String solverScore) {
    }

    /** One person in service after the plan. {@code pinned}: fixed by rule or by a planner's pin. */
    public record Placement(String staffId, String facilityId, String job, boolean moved, boolean pinned) {
    }

    public record Move(String staffId, String from, String fromJob, String to, String job, long km, long cost,
            Text reason) {
    }

    public record Leaving(String staffId, String facilityId, String job, String reason, LocalDate date,
            Text explanation) {
    }

    /**
     * One formation. {@code before}: people there in the snapshot; {@code leaving}: of them, who leave;
     * {@code after}: people placed there by the plan. {@code missingBefore}, {@code missingAfter}: its unfilled
     * minimum positions, in people, if nobody moved and after the plan ("kekurangan");
     * {@code shortageBefore}, {@code shortageAfter}: the same times the priority ("kekurangan berbobot").
     */
    public record FormationResult(String facilityId, String facilityName, String district, String sector,
            String job, String jobName, int cap, int minimum, int priority, int before, int leaving, int after,
            int missingBefore, int missingAfter, long shortageBefore, long shortageAfter) {
    }

    public record Unfilled(String facilityId, String job, int missing, int priority, Text reason) {
    }

    public record Surplus(String facilityId, String job, int excess, Text reason) {
    }

    /**
     * A hard violation the plan could not remove: over cap at a formation, a person with no eligible post or
     * without room, a facility below its PNS floor, departures over the limit, or a couple parted further.
     */
    public record Violation(String kind, String facilityId, String job, String staffId, int count, Text reason) {
    }

    public record SolverFigures(long timeSpentMillis, String terminationReason, String method) {
    }

    /**
     * The exact optimum of the contract's three levels for this snapshot (with the planners' pins) and the
     * plan's gap to it. {@code optimal} when all three gaps are zero.
     */
    public record Certificate(long hard, long shortage, long disruption, long hardGap, long shortageGap,
            long disruptionGap, boolean optimal, Text summary) {
    }

    /**
     * The proven lower bound (the optimum of the flow without the rules of mutasi practice) and the plan's gap
     * to it per level. {@code soft} and {@code softGap} are null when some soft goal is left to local search,
     * so the flow's soft level bounds nothing. {@code shortageGapPercent}: the shortage gap in percent of the
     * bound, null when the bound is 0.
     */
    public record BoundGap(long hard, long shortage, Long soft, long hardGap, long shortageGap, Long softGap,
            Double shortageGapPercent, Text summary) {
    }

    /** Per-constraint totals that add up to the solver's score, and a summary. */
    public record Explanation(Text summary, List<ConstraintTotal> constraints) {
    }

    /**
     * {@code total}: the constraint's signed contribution to its level; {@code matches}: how many matches
     * the constraint stream has, zero-weight ones included, as Timefold's score analysis counts them.
     */
    public record ConstraintTotal(String name, Level level, long total, int matches, Text meaning) {
    }

    /** The score level a constraint counts on; written in lower case ("hard", "medium", "soft"). */
    public enum Level {
        HARD, MEDIUM, SOFT;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
