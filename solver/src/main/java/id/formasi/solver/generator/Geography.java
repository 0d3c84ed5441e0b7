package id.formasi.solver.generator;

import id.formasi.solver.snapshot.Location;
import java.util.List;

/**
 * Where things are. Balikpapan's six kecamatan as coordinate boxes inside the built-up area
 * (lat -1.29..-1.08, lon 116.80..117.06, docs/domain.md), and the province's other cities as the same
 * layout moved to their own centre.
 */
final class Geography {

    /** A lat/lon rectangle. */
    record Box(double latMin, double latMax, double lonMin, double lonMax) {
        Location draw(Rng rng, double dLat, double dLon) {
            return location(rng.uniform(latMin, latMax) + dLat, rng.uniform(lonMin, lonMax) + dLon);
        }
    }

    /**
     * A kecamatan in Balikpapan's frame.
     *
     * @param suffix     the part after the city name: "Barat", "Kota", ...
     * @param area       the whole kecamatan
     * @param dense      its built-up part, where most schools and homes are
     * @param denseShare share of facilities and homes in the built-up part
     * @param central    old town centre: teachers prefer it, so its schools are better staffed
     * @param sd         public SD there (2019 count, plus one in Utara for the 137 of 2024)
     * @param smp        public SMP there (26 in all, before SMPN 27-29)
     * @param puskesmas  puskesmas named after kelurahan; the first is the inpatient one
     */
    record District(String suffix, Box area, Box dense, double denseShare, boolean central, int sd, int smp,
                    List<String> puskesmas) {
    }

    static final List<District> BALIKPAPAN = List.of(
            // Barat: large and mostly undeveloped (Kariangau); people live in the south by the bay.
            new District("Barat", new Box(-1.255, -1.110, 116.800, 116.840), new Box(-1.255, -1.215, 116.805, 116.840),
                    0.85, false, 22, 4, List.of("Baru Ulu", "Margo Mulyo", "Baru Tengah", "Marga Sari", "Kariangau")),
            // Kota: the south-central coast, the old centre (Klandasan).
            new District("Kota", new Box(-1.285, -1.262, 116.812, 116.860), new Box(-1.285, -1.262, 116.812, 116.860),
                    1.0, true, 15, 4, List.of("Klandasan Ilir", "Klandasan Ulu", "Prapatan", "Telaga Sari")),
            // Selatan: the coast east of Kota up to the airport (Sepinggan).
            new District("Selatan", new Box(-1.282, -1.232, 116.860, 116.915), new Box(-1.282, -1.232, 116.860, 116.915),
                    1.0, true, 15, 5, List.of("Sepinggan Baru", "Sepinggan", "Gunung Bahagia", "Sungai Nangka", "Damai Bahagia")),
            // Tengah: dense, just inland of Kota (Gunung Sari, Karang Rejo).
            new District("Tengah", new Box(-1.262, -1.238, 116.822, 116.858), new Box(-1.262, -1.238, 116.822, 116.858),
                    1.0, true, 30, 4, List.of("Karang Rejo", "Gunung Sari Ilir", "Gunung Sari Ulu", "Mekar Sari", "Karang Jati")),
            // Timur: the coast to the east (Manggar, Lamaru, Teritip), built up along the coast road.
            new District("Timur", new Box(-1.262, -1.160, 116.915, 117.060), new Box(-1.262, -1.215, 116.915, 117.060),
                    0.75, false, 21, 4, List.of("Manggar", "Manggar Baru", "Lamaru", "Teritip")),
            // Utara: inland along the Samarinda road (Batu Ampar, Karang Joang), growing.
            new District("Utara", new Box(-1.238, -1.100, 116.835, 116.915), new Box(-1.238, -1.185, 116.835, 116.915),
                    0.75, false, 34, 5, List.of("Karang Joang", "Batu Ampar", "Muara Rapak", "Gunung Samarinda")));

    /** Balikpapan's centre (docs/domain.md); other cities are the same layout moved to their centre. */
    static final Location BALIKPAPAN_CENTRE = new Location(-1.2768, 116.8277);

    /**
     * A city (kota/kabupaten) of the province.
     *
     * @param regionCode Kemendagri code, e.g. 6471
     * @param centre     where its layout is placed; chosen near the real seat so that cities do not overlap
     * @param hospitals  hospital names; Balikpapan's are the real ones
     */
    record City(String name, String regionCode, Location centre, List<String> hospitals) {
        double dLat() {
            return centre.lat() - BALIKPAPAN_CENTRE.lat();
        }

        double dLon() {
            return centre.lon() - BALIKPAPAN_CENTRE.lon();
        }

        String district(District d) {
            return name + " " + d.suffix();
        }

        boolean isBalikpapan() {
            return regionCode.equals("6471");
        }
    }

    static final City BALIKPAPAN_CITY = new City("Balikpapan", "6471", BALIKPAPAN_CENTRE,
            List.of("RSUD Beriman", "RSKIA Sayang Ibu"));

    /** The ten kota/kabupaten of Kalimantan Timur, Balikpapan first. */
    static final List<City> PROVINCE = List.of(
            BALIKPAPAN_CITY,
            city("Samarinda", "6472", -0.5022, 117.1536),
            city("Bontang", "6474", 0.1333, 117.5000),
            city("Kutai Kartanegara", "6403", -0.2500, 116.5500),
            city("Kutai Timur", "6404", 0.5000, 117.5500),
            city("Kutai Barat", "6402", -0.2333, 115.7000),
            city("Berau", "6405", 2.1500, 117.4833),
            city("Paser", "6401", -1.9000, 116.2000),
            city("Penajam Paser Utara", "6409", -1.5000, 116.5000),
            city("Mahakam Ulu", "6411", 0.6500, 114.9500));

    /** Balikpapan's hospitals, in Balikpapan's frame: RSUD Beriman in Tengah, RSKIA Sayang Ibu in Kota. */
    static final List<Location> HOSPITAL_SITES = List.of(new Location(-1.2530, 116.8420), new Location(-1.2700, 116.8380));

    /** Towns across the bay (Penajam) and up the coast (Samboja) where a few staff live. */
    static final List<Location> COMMUTER_TOWNS = List.of(new Location(-1.2550, 116.7150), new Location(-1.0500, 117.0200));

    private Geography() {
    }

    private static City city(String name, String code, double lat, double lon) {
        return new City(name, code, new Location(lat, lon), List.of("RSUD " + name, "RSKIA " + name));
    }

    /** Coordinates to 5 decimals (about a metre): the JSON stays short and reads back to the same double. */
    static Location location(double lat, double lon) {
        return new Location(Math.round(lat * 1e5) / 1e5, Math.round(lon * 1e5) / 1e5);
    }

    /** A place in the district: mostly in its built-up part. */
    static Location site(Rng rng, City city, District d) {
        Box box = rng.chance(d.denseShare()) ? d.dense() : d.area();
        return box.draw(rng, city.dLat(), city.dLon());
    }

    /** A point about {@code km} from {@code at} (normal in each axis, 1 degree ~ 111 km). */
    static Location near(Rng rng, Location at, double km) {
        double deg = km / 111.0;
        return location(at.lat() + rng.gaussian() * deg, at.lon() + rng.gaussian() * deg);
    }
}
