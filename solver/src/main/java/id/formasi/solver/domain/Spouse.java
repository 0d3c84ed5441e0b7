package id.formasi.solver.domain;

import id.formasi.solver.snapshot.Location;

/**
 * A person's spouse, when both stay in service and policy.spouseMaxKm is set.
 *
 * @param staffId   the spouse's id when the spouse is placed by the plan too; null otherwise
 * @param fixedAt   where the spouse stays when nothing can move them (no eligible formation); null otherwise
 * @param allowedKm how far apart the two may work: max(spouseMaxKm, their distance before the plan)
 */
public record Spouse(String staffId, Location fixedAt, double allowedKm) {

    /** Rounding slack, so that a couple kept exactly as far apart as before is never counted over. */
    private static final double SLACK_KM = 1e-9;

    public boolean tooFar(double km) {
        return km > allowedKm + SLACK_KM;
    }
}
