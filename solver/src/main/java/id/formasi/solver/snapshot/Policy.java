package id.formasi.solver.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Planning policy. The first four fields are the contract's; the weights after them are this project's
 * further soft goals (docs/scoring.md), all in km-equivalents and each zero-able. A null field takes
 * its default.
 *
 * @param minYearsAtPost          staff at their post less than this many years stay (default 2)
 * @param rotationYears           staff at their post this many years or more are due for rotation (5)
 * @param moveCost                cost of any move, in km-equivalents (20)
 * @param maxMoveKm               a move may not be farther than this; null = no limit
 * @param rotationDiscount        a move of someone due for rotation costs this much less, never below 0 (10)
 * @param homeDistanceWeight      per km a move takes someone farther from home (1)
 * @param facilityFairnessWeight  times the square of each formation's unfilled minimum positions (5)
 * @param districtFairnessWeight  times the square of each district's unfilled minimum positions (0: off)
 * @param keepPreviousWeight      per person placed differently from the previous plan, when there is one (30)
 * @param minPnsByKind            practice rule: facility kind to the PNS it keeps, at most its PNS before the
 *                                plan (null: no floor)
 * @param maxDeparturesPerFacility practice rule: at most this many people leave one facility for another in
 *                                one plan, people who must move not counted (null: no limit)
 * @param spouseMaxKm             practice rule: spouses in service work at most this many km apart, or as far
 *                                as they did before (null: off)
 */
public record Policy(
        Double minYearsAtPost,
        Double rotationYears,
        Integer moveCost,
        Double maxMoveKm,
        Integer rotationDiscount,
        Integer homeDistanceWeight,
        Integer facilityFairnessWeight,
        Integer districtFairnessWeight,
        Integer keepPreviousWeight,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Integer> minPnsByKind,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxDeparturesPerFacility,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double spouseMaxKm) {

    public static final Policy DEFAULT = new Policy(null, null, null, null, null, null, null, null, null,
            null, null, null);

    public Policy {
        minPnsByKind = minPnsByKind == null ? null : Map.copyOf(minPnsByKind);
    }

    public double minYearsAtPostOrDefault() {
        return minYearsAtPost == null ? 2 : minYearsAtPost;
    }

    public double rotationYearsOrDefault() {
        return rotationYears == null ? 5 : rotationYears;
    }

    public int moveCostOrDefault() {
        return moveCost == null ? 20 : moveCost;
    }

    public int rotationDiscountOrDefault() {
        return rotationDiscount == null ? 10 : rotationDiscount;
    }

    public int homeDistanceWeightOrDefault() {
        return homeDistanceWeight == null ? 1 : homeDistanceWeight;
    }

    public int facilityFairnessWeightOrDefault() {
        return facilityFairnessWeight == null ? 5 : facilityFairnessWeight;
    }

    public int districtFairnessWeightOrDefault() {
        return districtFairnessWeight == null ? 0 : districtFairnessWeight;
    }

    public int keepPreviousWeightOrDefault() {
        return keepPreviousWeight == null ? 30 : keepPreviousWeight;
    }

    /** The PNS floor of a facility kind: 0 when the kind has none. */
    public int minPnsOf(String kind) {
        return minPnsByKind == null ? 0 : minPnsByKind.getOrDefault(kind, 0);
    }

    /** Whether any of the three rules of mutasi practice is set. */
    public boolean hasPracticeRules() {
        return (minPnsByKind != null && minPnsByKind.values().stream().anyMatch(k -> k > 0))
                || maxDeparturesPerFacility != null || spouseMaxKm != null;
    }

    /** Only the contract's three levels count: every further soft goal weighs zero. The practice rules stay. */
    public Policy coreOnly() {
        return new Policy(minYearsAtPost, rotationYears, moveCost, maxMoveKm, 0, 0, 0, 0, 0,
                minPnsByKind, maxDeparturesPerFacility, spouseMaxKm);
    }

    /** This policy with the three practice rules set as given (each null for off). */
    public Policy withPracticeRules(Map<String, Integer> minPns, Integer maxDepartures, Double spouseKm) {
        return new Policy(minYearsAtPost, rotationYears, moveCost, maxMoveKm, rotationDiscount, homeDistanceWeight,
                facilityFairnessWeight, districtFairnessWeight, keepPreviousWeight, minPns, maxDepartures, spouseKm);
    }
}
