package id.formasi.solver.generator;

import id.formasi.solver.generator.Geography.City;
import id.formasi.solver.generator.Geography.District;
import id.formasi.solver.generator.People.Trait;
import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Formation;
import id.formasi.solver.snapshot.Location;
import id.formasi.solver.snapshot.Staff;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds one Balikpapan-shaped city: its schools, puskesmas and hospitals with their formations, and the
 * staff at each. Formations follow the norms of docs/domain.md; head counts are drawn around the
 * minimum so that the city as a whole is short by several hundred teachers, some schools are over
 * their cap, and puskesmas lack doctors and nurses.
 */
final class CityBuilder {

    /** Shares of people drawn as leaving or protected (see {@link Trait}). */
    static final double RETIRING_SHARE = 0.025;
    static final double CONTRACT_ENDING_SHARE = 0.012;
    static final double PROTECTED_SHARE = 0.003;

    /** SMPN 27 and 28 opened in the 2025/26 school year (docs/domain.md). */
    private static final LocalDate NEW_SMP_OPENED = LocalDate.of(2025, 7, 1);

    /** SMP weekly lessons (JP) per rombel, Kurikulum Merdeka; BK goes by pupils instead. */
    private static final List<String> SMP_SUBJECTS = List.of(Jobs.GURU_PAI, Jobs.GURU_PPKN, Jobs.GURU_BAHASA_INDONESIA,
            Jobs.GURU_MATEMATIKA, Jobs.GURU_IPA, Jobs.GURU_IPS, Jobs.GURU_BAHASA_INGGRIS, Jobs.GURU_PJOK,
            Jobs.GURU_INFORMATIKA);
    private static final int[] SMP_JP = {3, 3, 6, 5, 5, 4, 4, 3, 3};

    /** Permenkes minimum per puskesmas (docs/domain.md): job, non-inpatient, inpatient. */
    private static final List<String> PUSKESMAS_JOBS = List.of(Jobs.DOKTER, Jobs.DOKTER_GIGI, Jobs.PERAWAT, Jobs.BIDAN,
            Jobs.PROMKES, Jobs.SANITARIAN, Jobs.ATLM, Jobs.NUTRISIONIS, Jobs.APOTEKER);
    private static final int[] PUSKESMAS_MIN = {1, 1, 5, 4, 2, 1, 1, 1, 1};
    private static final int[] PUSKESMAS_INPATIENT_MIN = {2, 1, 8, 7, 2, 1, 1, 2, 2};

    /** Hospital minimum staff: job, general hospital (class C, about 300 beds), mother-and-child hospital. */
    private static final List<String> HOSPITAL_JOBS = List.of(Jobs.DOKTER, Jobs.DOKTER_SPESIALIS, Jobs.DOKTER_GIGI,
            Jobs.PERAWAT, Jobs.BIDAN, Jobs.APOTEKER, Jobs.ATLM, Jobs.NUTRISIONIS, Jobs.SANITARIAN, Jobs.PROMKES);
    private static final int[] RSUD_MIN = {30, 50, 5, 240, 45, 18, 25, 10, 5, 4};
    private static final int[] RSKIA_MIN = {14, 16, 2, 100, 80, 7, 10, 4, 3, 3};

    private final Rng rng;
    private final People people;
    private final Set<String> usedNpsn;
    final List<Facility> facilities = new ArrayList<>();
    final List<Staff> staff = new ArrayList<>();

    CityBuilder(Rng rng, People people, Set<String> usedNpsn) {
        this.rng = rng;
        this.people = people;
        this.usedNpsn = usedNpsn;
    }

    void build(City city) {
        List<Facility> sds = new ArrayList<>();
        for (int i = 0; i < Geography.BALIKPAPAN.size(); i++) {
            District d = Geography.BALIKPAPAN.get(i);
            for (int n = 1; n <= d.sd(); n++) {
                // The last SD of Kota is being merged into a neighbour: small, and everyone must move.
                boolean closing = d.suffix().equals("Kota") && n == d.sd();
                sds.add(closing ? closingSd(city, d, n) : sd(city, d, n));
            }
        }
        smps(city);
        for (int i = 0; i < Geography.BALIKPAPAN.size(); i++) {
            District d = Geography.BALIKPAPAN.get(i);
            for (int n = 0; n < d.puskesmas().size(); n++) {
                puskesmas(city, d, i + 1, n);
            }
        }
        hospitals(city);
        englishTeachersAtSd(city, sds);
    }

    // ---- schools

    /** SD rombel: 1 to 4 parallel classes per grade, sometimes one more or less, 6..24 in all. */
    private int sdRombel() {
        int parallel = 1 + rng.weighted(new double[] {0.15, 0.38, 0.28, 0.19});
        int rombel = 6 * parallel + (rng.chance(0.5) ? 0 : rng.between(-2, 2));
        return Math.max(6, Math.min(24, rombel));
    }

    /** Teachers need per subject: sum over rombel of the weekly JP, over 24 JP a teacher; at least one. */
    private static int byLessons(int rombel, int jp) {
        return Math.max(1, (int) Math.round(rombel * jp / 24.0));
    }

    private Facility sd(City city, District d, int n) {
        int rombel = sdRombel();
        // Teachers prefer the old centre: its schools are fuller, the edges of the city emptier.
        double bias = d.central() ? 0.08 : -0.08;
        Formation kelas = new Formation(Jobs.GURU_KELAS_SD, rombel + rng.between(0, 2), rombel, priority(Jobs.GURU_KELAS_SD));
        Formation pai = smallFormation(Jobs.GURU_PAI, byLessons(rombel, 4));
        Formation pjok = smallFormation(Jobs.GURU_PJOK, byLessons(rombel, 3));
        Facility f = new Facility(npsn(), String.format(Locale.ROOT, "SD Negeri %03d %s", n, city.district(d)), "SD",
                city.district(d), Geography.site(rng, city, d), FacilityStatus.OPEN, List.of(kelas, pai, pjok));
        facilities.add(f);
        staff(f, city, kelas, withSurplus(kelas, headcount(kelas.minimum(), 0.88 + bias, 0.15), d.central() ? 0.10 : 0.03, 3), null);
        staff(f, city, pai, withSurplus(pai, headcount(pai.minimum(), 0.60 + bias, 0.30), 0.02, 1), null);
        staff(f, city, pjok, withSurplus(pjok, headcount(pjok.minimum(), 0.50 + bias, 0.30), 0.03, 1), null);
        return f;
    }

    private Formation smallFormation(String job, int minimum) {
        return new Formation(job, minimum + rng.between(0, 1), minimum, priority(job));
    }

    /** A small SD being merged away: no formations left, its few teachers must all be placed elsewhere. */
    private Facility closingSd(City city, District d, int n) {
        Facility f = new Facility(npsn(), String.format(Locale.ROOT, "SD Negeri %03d %s", n, city.district(d)), "SD",
                city.district(d), Geography.site(rng, city, d), FacilityStatus.CLOSING, List.of());
        facilities.add(f);
        people(f, city, Jobs.GURU_KELAS_SD, rng.between(4, 6), null, true);
        people(f, city, Jobs.GURU_PAI, 1, null, true);
        people(f, city, Jobs.GURU_PJOK, rng.between(0, 1), null, true);
        return f;
    }

    /** SMPN 1-26 across the kecamatan, SMPN 27 and 28 opened in 2025, SMPN 29 opening now without staff. */
    private void smps(City city) {
        List<District> placement = new ArrayList<>();
        for (District d : Geography.BALIKPAPAN) {
            for (int i = 0; i < d.smp(); i++) {
                placement.add(d);
            }
        }
        shuffle(placement);
        for (int i = 0; i < placement.size(); i++) {
            int rombel = Math.max(9, Math.min(33, (int) Math.round(28 + 4 * rng.gaussian())));
            smp(city, placement.get(i), i + 1, rombel, FacilityStatus.OPEN, null);
        }
        smp(city, district("Utara"), placement.size() + 1, 8, FacilityStatus.OPEN, NEW_SMP_OPENED);
        smp(city, district("Timur"), placement.size() + 2, 8, FacilityStatus.OPEN, NEW_SMP_OPENED);
        smp(city, district("Barat"), placement.size() + 3, 4, FacilityStatus.OPENING, null);
    }

    private void smp(City city, District d, int number, int rombel, FacilityStatus status, LocalDate opened) {
        List<Formation> formations = new ArrayList<>();
        for (int s = 0; s < SMP_SUBJECTS.size(); s++) {
            formations.add(smallFormation(SMP_SUBJECTS.get(s), byLessons(rombel, SMP_JP[s])));
        }
        // One counsellor per 150 pupils, 32 pupils a rombel.
        formations.add(smallFormation(Jobs.GURU_BK, Math.max(1, (int) Math.round(rombel * 32 / 150.0))));
        Facility f = new Facility(npsn(), "SMP Negeri " + number + " " + city.name(), "SMP", city.district(d),
                Geography.site(rng, city, d), status, formations);
        facilities.add(f);
        if (status == FacilityStatus.OPENING) {
            return; // new: formations to fill, nobody there yet
        }
        double bias = d.central() ? 0.04 : -0.04;
        for (Formation formation : formations) {
            double mean = switch (formation.job()) {
                case Jobs.GURU_BK -> 0.80;          // the biggest SMP gaps: counselling and informatics
                case Jobs.GURU_INFORMATIKA -> 0.65;
                default -> 1.00;
            };
            if (opened != null) {
                mean = 0.55; // staffed by the few teachers moved there at opening
            }
            int n = withSurplus(formation, headcount(formation.minimum(), mean + bias, 0.15), opened == null ? 0.05 : 0, 2);
            staff(f, city, formation, n, opened);
        }
    }

    // ---- health

    private void puskesmas(City city, District d, int districtCode, int n) {
        boolean inpatient = n == 0; // one inpatient puskesmas per kecamatan
        String place = d.puskesmas().get(n);
        String name = city.isBalikpapan() ? "Puskesmas " + place
                : "Puskesmas " + city.district(d) + " " + (n + 1);
        String id = String.format(Locale.ROOT, "P%s%02d01%02d", city.regionCode(), districtCode, n + 1);
        List<Formation> formations = new ArrayList<>();
        for (int j = 0; j < PUSKESMAS_JOBS.size(); j++) {
            int minimum = inpatient ? PUSKESMAS_INPATIENT_MIN[j] : PUSKESMAS_MIN[j];
            String job = PUSKESMAS_JOBS.get(j);
            // Caps (from workload analysis) a bit above the minimum; more room for the large nursing posts.
            int room = job.equals(Jobs.PERAWAT) || job.equals(Jobs.BIDAN) ? rng.between(2, 4) : 1 + rng.between(0, minimum / 4);
            formations.add(new Formation(job, minimum + room, minimum, priority(job)));
        }
        Facility f = new Facility(id, name, inpatient ? "PUSKESMAS_RAWAT_INAP" : "PUSKESMAS", city.district(d),
                Geography.site(rng, city, d), FacilityStatus.OPEN, formations);
        facilities.add(f);
        for (Formation formation : formations) {
            // Almost no puskesmas meets the standard: doctors, nurses and the smaller professions are short.
            double mean = switch (formation.job()) {
                case Jobs.BIDAN -> 1.20;
                case Jobs.PERAWAT -> 0.90;
                case Jobs.DOKTER, Jobs.SANITARIAN, Jobs.NUTRISIONIS, Jobs.APOTEKER -> 0.80;
                default -> 0.72;
            };
            double surplus = formation.job().equals(Jobs.BIDAN) || formation.job().equals(Jobs.PERAWAT) ? 0.05 : 0;
            staff(f, city, formation, withSurplus(formation, headcount(formation.minimum(), mean, 0.25), surplus, 2), null);
        }
    }

    private void hospitals(City city) {
        for (int h = 0; h < 2; h++) {
            boolean general = h == 0;
            int[] minima = general ? RSUD_MIN : RSKIA_MIN;
            List<Formation> formations = new ArrayList<>();
            for (int j = 0; j < HOSPITAL_JOBS.size(); j++) {
                String job = HOSPITAL_JOBS.get(j);
                int minimum = Math.max(1, (int) Math.round(minima[j] * rng.uniform(0.9, 1.1)));
                int cap = minimum + Math.max(1, (int) Math.round(minimum * rng.uniform(0.1, 0.2)));
                formations.add(new Formation(job, cap, minimum, priority(job)));
            }
            Location site = Geography.HOSPITAL_SITES.get(h);
            Facility f = new Facility(String.format(Locale.ROOT, "RS%s%03d", city.regionCode(), h + 1),
                    city.hospitals().get(h), general ? "RSUD" : "RSKIA",
                    city.name() + (general ? " Tengah" : " Kota"),
                    Geography.location(site.lat() + city.dLat(), site.lon() + city.dLon()), FacilityStatus.OPEN, formations);
            facilities.add(f);
            for (Formation formation : formations) {
                double mean = switch (formation.job()) {
                    case Jobs.DOKTER_SPESIALIS -> 0.85; // specialists are scarce everywhere
                    case Jobs.PERAWAT -> 0.93;
                    case Jobs.BIDAN -> 1.00;
                    case Jobs.DOKTER -> 0.95;
                    default -> 0.90;
                };
                staff(f, city, formation, headcount(formation.minimum(), mean, 0.08), null);
            }
        }
    }

    /** English is no longer a required SD subject: a few English teachers sit at SDs with no post for them. */
    private void englishTeachersAtSd(City city, List<Facility> sds) {
        int count = rng.between(4, 7);
        for (int i = 0; i < count; i++) {
            Facility f = rng.pick(sds);
            people(f, city, Jobs.GURU_BAHASA_INGGRIS, 1, null, f.status() == FacilityStatus.CLOSING);
        }
    }

    // ---- head counts and people

    /** Staff around the minimum: minimum times a normal fill ratio, rounded at random so small posts vary too. */
    private int headcount(int minimum, double mean, double spread) {
        double ratio = Math.max(0, mean + spread * rng.gaussian());
        return (int) Math.floor(minimum * ratio + rng.uniform());
    }

    /** Now and then a post is well over its cap: a favoured school, an old appointment never undone. */
    private int withSurplus(Formation formation, int n, double chance, int maxOver) {
        return rng.chance(chance) ? Math.max(n, formation.cap() + rng.between(1, maxOver)) : n;
    }

    private void staff(Facility f, City city, Formation formation, int n, LocalDate postedNotBefore) {
        people(f, city, formation.job(), n, postedNotBefore, false);
    }

    private void people(Facility f, City city, String job, int n, LocalDate postedNotBefore, boolean closing) {
        Jobs.Spec spec = Jobs.spec(job);
        for (int i = 0; i < n; i++) {
            staff.add(people.create(spec, f.id(), f.location(), city, postedNotBefore, trait(closing)));
        }
    }

    private Trait trait(boolean closing) {
        double u = rng.uniform();
        if (u < RETIRING_SHARE) {
            return Trait.RETIRING;
        }
        u -= RETIRING_SHARE;
        if (u < CONTRACT_ENDING_SHARE) {
            return Trait.CONTRACT_ENDING;
        }
        u -= CONTRACT_ENDING_SHARE;
        // Protection keeps a person at their post, which a closing school cannot offer.
        return !closing && u < PROTECTED_SHARE ? Trait.PROTECTED : Trait.NORMAL;
    }

    private static int priority(String job) {
        return Jobs.spec(job).priority();
    }

    private static District district(String suffix) {
        for (District d : Geography.BALIKPAPAN) {
            if (d.suffix().equals(suffix)) {
                return d;
            }
        }
        throw new IllegalArgumentException(suffix);
    }

    /** An unused NPSN-like school id: 304 and five digits. */
    private String npsn() {
        while (true) {
            String id = String.format(Locale.ROOT, "304%05d", rng.between(0, 99_999));
            if (usedNpsn.add(id)) {
                return id;
            }
        }
    }

    private <T> void shuffle(List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = rng.between(0, i);
            items.set(j, items.set(i, items.get(j)));
        }
    }
}
