package id.formasi.solver;

import id.formasi.solver.snapshot.Employment;
import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Formation;
import id.formasi.solver.snapshot.Job;
import id.formasi.solver.snapshot.Location;
import id.formasi.solver.snapshot.Policy;
import id.formasi.solver.snapshot.Sector;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.Staff;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Small snapshots written out in tests. Every facility sits on the meridian 116.8 E, so distances are
 * 111.19 km per degree of latitude: 0.1 degree = 11.12 km (rounds to 11), 0.2 = 22, 0.3 = 33, 1.0 = 111.
 * People default to: born 1980-01-01, at their post since 2023-01-01 (4 years on the planning date
 * 2027-01-01: movable, not due for rotation), PNS, no home, not protected. The policy defaults to the
 * contract's three levels only (moveCost 20, every further weight 0).
 */
public final class SnapshotBuilder {

    public static final LocalDate PLANNING_DATE = LocalDate.of(2027, 1, 1);
    public static final double LON = 116.8;

    private final List<Job> jobs = new ArrayList<>();
    private final List<Facility> facilities = new ArrayList<>();
    private final List<Staff> staff = new ArrayList<>();
    private Policy policy = Policy.DEFAULT.coreOnly();
    private LocalDate planningDate = PLANNING_DATE;

    public SnapshotBuilder job(String code) {
        return job(code, 60);
    }

    public SnapshotBuilder job(String code, int retirementAge) {
        jobs.add(new Job(code, code, Sector.EDUCATION, retirementAge));
        return this;
    }

    public SnapshotBuilder facility(String id, double lat, Formation... formations) {
        return facility(id, lat, FacilityStatus.OPEN, "D", formations);
    }

    public SnapshotBuilder facility(String id, double lat, FacilityStatus status, String district,
            Formation... formations) {
        facilities.add(new Facility(id, "Facility " + id, "SD", district, new Location(lat, LON), status,
                List.of(formations)));
        return this;
    }

    /**
     * GURU formations at A, B and C in a row, 11.12 km apart (latitudes -1.0, -1.1, -1.2), with maxMoveKm
     * 15 and only the contract's levels: a neighbour is within reach, A and C are not.
     */
    public static SnapshotBuilder gurusInARow(Formation a, Formation b, Formation c) {
        return new SnapshotBuilder().job("GURU")
                .policy(policy(15.0, 0, 0, 0, 0, 0))
                .facility("A", -1.0, a)
                .facility("B", -1.1, b)
                .facility("C", -1.2, c);
    }

    public static Formation formation(String job, int cap, int minimum, int priority) {
        return new Formation(job, cap, minimum, priority);
    }

    public SnapshotBuilder staff(Person... people) {
        for (Person person : people) {
            staff.add(person.toStaff());
        }
        return this;
    }

    public SnapshotBuilder policy(Policy policy) {
        this.policy = policy;
        return this;
    }

    public SnapshotBuilder planningDate(LocalDate planningDate) {
        this.planningDate = planningDate;
        return this;
    }

    public Snapshot build() {
        return new Snapshot(1, "test", "6471", planningDate.minusMonths(2), planningDate, jobs, facilities, staff,
                policy);
    }

    /** Policy with every field given: contract fields first, then the project's weights. */
    public static Policy policy(Double maxMoveKm, int rotationDiscount, int homeDistanceWeight,
            int facilityFairnessWeight, int districtFairnessWeight, int keepPreviousWeight) {
        return new Policy(2.0, 5.0, 20, maxMoveKm, rotationDiscount, homeDistanceWeight, facilityFairnessWeight,
                districtFairnessWeight, keepPreviousWeight, null, null, null);
    }

    public static Person person(String id, String job, String facility) {
        return new Person(id, job, facility);
    }

    /** A staff record with fluent changes to its defaults. */
    public static final class Person {
        private final String id;
        private final String job;
        private final String facility;
        private Employment employment = Employment.PNS;
        private List<String> alsoQualifiedFor = List.of();
        private LocalDate birthDate = LocalDate.of(1980, 1, 1);
        private LocalDate postedSince = LocalDate.of(2023, 1, 1);
        private LocalDate contractEnd;
        private Location home;
        private String protectedReason;
        private String spouseId;

        private Person(String id, String job, String facility) {
            this.id = id;
            this.job = job;
            this.facility = facility;
        }

        public Person alsoQualifiedFor(String... jobs) {
            alsoQualifiedFor = List.of(jobs);
            return this;
        }

        public Person born(LocalDate date) {
            birthDate = date;
            return this;
        }

        public Person postedSince(LocalDate date) {
            postedSince = date;
            return this;
        }

        /** At the post less than two years on the planning date: fixed (unless closing / no formation). */
        public Person newcomer() {
            return postedSince(LocalDate.of(2026, 1, 1));
        }

        /** At the post ten years on the planning date: due for rotation. */
        public Person dueForRotation() {
            return postedSince(LocalDate.of(2017, 1, 1));
        }

        public Person contract(LocalDate end) {
            employment = Employment.PPPK;
            contractEnd = end;
            return this;
        }

        public Person home(double lat) {
            home = new Location(lat, LON);
            return this;
        }

        public Person protect(String reason) {
            protectedReason = reason;
            return this;
        }

        public Person spouse(String id) {
            spouseId = id;
            return this;
        }

        public Staff toStaff() {
            return new Staff(id, "Person " + id, employment, job, alsoQualifiedFor, facility, birthDate, postedSince,
                    LocalDate.of(2010, 1, 1), contractEnd, home, protectedReason, spouseId);
        }
    }
}
