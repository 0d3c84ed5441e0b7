package id.formasi.solver.domain;

import id.formasi.solver.snapshot.Policy;

/** The policy's per-person prices, resolved from their defaults once. */
public record Costs(int moveCost, int rotationDiscount, int homeDistanceWeight, int keepPreviousWeight) {

    public static Costs of(Policy policy) {
        return new Costs(policy.moveCostOrDefault(), policy.rotationDiscountOrDefault(),
                policy.homeDistanceWeightOrDefault(), policy.keepPreviousWeightOrDefault());
    }
}
