package id.formasi.solver.snapshot;

/** Great-circle distance, as the contract defines it: haversine on a sphere of radius 6371.0 km. */
public final class Geo {

    public static final double EARTH_RADIUS_KM = 6371.0;

    private Geo() {
    }

    public static double km(Location a, Location b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat()))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }

    /** Distance rounded to the nearest km, as each move's disruption counts it. */
    public static long roundedKm(Location a, Location b) {
        return Math.round(km(a, b));
    }
}
