package id.formasi.solver.snapshot;

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
        Integer keepPreviousWeight) {

    public static final Policy DEFAULT = new Policy(null, null, null, null, null, null, null, null, null);

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

    /** Only the contract's three levels count: every further soft goal weighs zero. */
    public Policy coreOnly() {
        return new Policy(minYearsAtPost, rotationYears, moveCost, maxMoveKm, 0, 0, 0, 0, 0);
    }
}
