package id.formasi.solver.generator;

import id.formasi.solver.generator.Geography.City;
import id.formasi.solver.generator.Geography.District;
import id.formasi.solver.generator.People.Trait;
import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Formation;
import id.formasi.solver.snapshot.Job;
import id.formasi.solver.snapshot.Policy;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.Staff;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Seeded generator of realistic synthetic snapshots, shaped by docs/domain.md. The same scale and seed
 * give the same snapshot, on any JDK: all randomness comes from one {@link java.util.Random}, and all
 * output follows list order.
 */
public final class SnapshotGenerator {

    public enum Scale {
        /** Six facilities, about 40 staff, three jobs: small enough to check by hand. */
        TINY,
        /** One Balikpapan-shaped city: 195 facilities and about 4,500 staff. */
        BALIKPAPAN,
        /** Ten such cities of Kalimantan Timur in one tenant (64): about 45,000 staff, for benchmarks. */
        PROVINCE
    }

    public static final LocalDate AS_OF = LocalDate.of(2026, 10, 21);
    public static final LocalDate PLANNING_DATE = LocalDate.of(2027, 1, 1);
    /** The tiny sample's tenant: no province has code 99, so it can never be a real region's. */
    public static final String TINY_TENANT = "9901";

    /** The contract's defaults, written out; the project's further weights stay at their defaults. */
    static final Policy POLICY = new Policy(2.0, 5.0, 20, null, null, null, null, null, null, null, null, null);

    private SnapshotGenerator() {
    }

    public static Snapshot generate(Scale scale, long seed) {
        return switch (scale) {
            case TINY -> tiny(seed);
            case BALIKPAPAN -> cities("synthetic-balikpapan-" + seed, "6471", List.of(Geography.BALIKPAPAN_CITY), seed);
            case PROVINCE -> cities("synthetic-province-" + seed, "64", Geography.PROVINCE, seed);
        };
    }

    private static Snapshot cities(String id, String tenant, List<City> cities, long seed) {
        Rng rng = new Rng(seed);
        People people = new People(rng, AS_OF, PLANNING_DATE, 0.01, 0.05);
        CityBuilder builder = new CityBuilder(rng, people, new HashSet<>());
        for (City city : cities) {
            builder.build(city);
        }
        List<Job> jobs = Jobs.ALL.stream().map(Jobs.Spec::job).toList();
        return new Snapshot(1, id, tenant, AS_OF, PLANNING_DATE, jobs, builder.facilities, builder.staff, POLICY);
    }

    /**
     * A fixed layout with seeded personal details. Four SD (one closing) and two puskesmas in Balikpapan
     * Kota and Tengah; class teachers, PJOK teachers and nurses. SD 001 is short of class teachers and
     * has no PJOK teacher; SD 002 has one class teacher and one PJOK teacher over cap, and one of its
     * class teachers is also qualified for PJOK; a class teacher at SD 003 retires; SD 004 closes; a
     * nurse at the first puskesmas is protected; one at the inpatient puskesmas has a contract ending.
     * Its tenant is {@link #TINY_TENANT}, not Balikpapan's, so tests of one tenant's data never touch the
     * sample city's plans.
     */
    private static Snapshot tiny(long seed) {
        Rng rng = new Rng(seed);
        People people = new People(rng, AS_OF, PLANNING_DATE, 0, 0);
        City city = Geography.BALIKPAPAN_CITY;
        District kota = Geography.BALIKPAPAN.get(1);
        District tengah = Geography.BALIKPAPAN.get(3);
        Set<String> usedIds = new HashSet<>();
        List<Facility> facilities = new ArrayList<>();
        List<Staff> staff = new ArrayList<>();

        Facility sd1 = tinyFacility(rng, usedIds, "SD Negeri 001 Balikpapan Kota", "SD", city, kota, FacilityStatus.OPEN,
                List.of(new Formation(Jobs.GURU_KELAS_SD, 9, 8, 5), new Formation(Jobs.GURU_PJOK, 1, 1, 3)));
        Facility sd2 = tinyFacility(rng, usedIds, "SD Negeri 002 Balikpapan Kota", "SD", city, kota, FacilityStatus.OPEN,
                List.of(new Formation(Jobs.GURU_KELAS_SD, 7, 6, 5), new Formation(Jobs.GURU_PJOK, 1, 1, 3)));
        Facility sd3 = tinyFacility(rng, usedIds, "SD Negeri 003 Balikpapan Tengah", "SD", city, tengah, FacilityStatus.OPEN,
                List.of(new Formation(Jobs.GURU_KELAS_SD, 10, 9, 5), new Formation(Jobs.GURU_PJOK, 2, 1, 3)));
        Facility sd4 = tinyFacility(rng, usedIds, "SD Negeri 004 Balikpapan Tengah", "SD", city, tengah,
                FacilityStatus.CLOSING, List.of());
        Facility pkm1 = new Facility("P6471020102", "Puskesmas Klandasan Ulu", "PUSKESMAS", city.district(kota),
                Geography.site(rng, city, kota), FacilityStatus.OPEN, List.of(new Formation(Jobs.PERAWAT, 6, 5, 4)));
        Facility pkm2 = new Facility("P6471040101", "Puskesmas Karang Rejo", "PUSKESMAS_RAWAT_INAP", city.district(tengah),
                Geography.site(rng, city, tengah), FacilityStatus.OPEN, List.of(new Formation(Jobs.PERAWAT, 10, 8, 4)));
        facilities.addAll(List.of(sd1, sd2, sd3, sd4, pkm1, pkm2));

        tinyStaff(people, staff, sd1, city, Jobs.GURU_KELAS_SD, 6, Trait.NORMAL);
        tinyStaff(people, staff, sd2, city, Jobs.GURU_KELAS_SD, 8, Trait.NORMAL);
        Staff dual = staff.get(staff.size() - 1);
        staff.set(staff.size() - 1, new Staff(dual.id(), dual.name(), dual.employment(), dual.job(),
                List.of(Jobs.GURU_PJOK), dual.facility(), dual.birthDate(), dual.postedSince(),
                dual.firstPostingSince(), dual.contractEnd(), dual.home(), dual.protectedReason(), null));
        tinyStaff(people, staff, sd2, city, Jobs.GURU_PJOK, 2, Trait.NORMAL);
        tinyStaff(people, staff, sd3, city, Jobs.GURU_KELAS_SD, 1, Trait.RETIRING);
        tinyStaff(people, staff, sd3, city, Jobs.GURU_KELAS_SD, 8, Trait.NORMAL);
        tinyStaff(people, staff, sd3, city, Jobs.GURU_PJOK, 1, Trait.NORMAL);
        tinyStaff(people, staff, sd4, city, Jobs.GURU_KELAS_SD, 3, Trait.NORMAL);
        tinyStaff(people, staff, sd4, city, Jobs.GURU_PJOK, 1, Trait.NORMAL);
        tinyStaff(people, staff, pkm1, city, Jobs.PERAWAT, 1, Trait.PROTECTED);
        tinyStaff(people, staff, pkm1, city, Jobs.PERAWAT, 2, Trait.NORMAL);
        tinyStaff(people, staff, pkm2, city, Jobs.PERAWAT, 1, Trait.CONTRACT_ENDING);
        tinyStaff(people, staff, pkm2, city, Jobs.PERAWAT, 9, Trait.NORMAL);

        List<Job> jobs = List.of(Jobs.spec(Jobs.GURU_KELAS_SD).job(), Jobs.spec(Jobs.GURU_PJOK).job(),
                Jobs.spec(Jobs.PERAWAT).job());
        return new Snapshot(1, "synthetic-tiny-" + seed, TINY_TENANT, AS_OF, PLANNING_DATE, jobs, facilities, staff, POLICY);
    }

    private static Facility tinyFacility(Rng rng, Set<String> usedIds, String name, String kind, City city, District d,
                                         FacilityStatus status, List<Formation> formations) {
        String id;
        do {
            id = String.format(Locale.ROOT, "304%05d", rng.between(0, 99_999));
        } while (!usedIds.add(id));
        return new Facility(id, name, kind, city.district(d), Geography.site(rng, city, d), status, formations);
    }

    private static void tinyStaff(People people, List<Staff> staff, Facility f, City city, String job, int n, Trait trait) {
        for (int i = 0; i < n; i++) {
            staff.add(people.create(Jobs.spec(job), f.id(), f.location(), city, null, trait));
        }
    }
}
