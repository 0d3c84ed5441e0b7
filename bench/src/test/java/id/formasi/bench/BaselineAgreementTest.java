package id.formasi.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.formasi.solver.Planner;
import id.formasi.solver.exact.CoreLevels;
import id.formasi.solver.exact.ExactCore;
import id.formasi.solver.generator.Practice;
import id.formasi.solver.generator.SnapshotGenerator;
import id.formasi.solver.generator.SnapshotGenerator.Scale;
import id.formasi.solver.rules.ProblemBuilder;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The independent check: OR-Tools' optimum, built from the contract text by this module, equals the
 * solver's exact core and the Planner's result on the three levels (further soft goals at zero).
 */
class BaselineAgreementTest {

    private static final Planner PLANNER = new Planner();
    private static final LocalDate PLANNING = LocalDate.of(2027, 1, 1);

    static Stream<Snapshot> instances() {
        Stream<Snapshot> tiny = LongStream.rangeClosed(1, 5)
                .mapToObj(seed -> Benchmark.coreOnly(SnapshotGenerator.generate(Scale.TINY, seed)));
        Stream<Snapshot> random = LongStream.rangeClosed(1, 40).mapToObj(BaselineAgreementTest::randomSnapshot);
        return Stream.concat(tiny, random);
    }

    /**
     * The contract's optimum by OR-Tools, from rules written again from the contract, is exactly the
     * solver's exact core, the Planner's levels and the Planner's certificate; greedy never beats it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void exactCoreAndPlannerReachTheOrToolsOptimum(Snapshot snapshot) {
        Contract contract = new Contract(snapshot);
        CoreLevels expected = levels(OrToolsBaseline.solve(contract));

        CoreLevels exact = ExactCore.optimize(ProblemBuilder.build(snapshot).plan(), false);
        assertEquals(expected, exact, "ExactCore.optimize vs OR-Tools on " + snapshot.snapshotId());

        Planner.Result planned = PLANNER.solve(ProblemBuilder.build(snapshot), Planner.Options.of(Duration.ofSeconds(2)));
        assertEquals(expected, planned.levels(), "Planner vs OR-Tools on " + snapshot.snapshotId());
        assertEquals(expected, planned.optimum(), "Planner's certificate vs OR-Tools on " + snapshot.snapshotId());

        Contract.Result greedy = GreedyBaseline.solve(contract);
        assertTrue(levels(greedy).compareTo(expected) >= 0,
                "greedy cannot beat the contract's optimum on " + snapshot.snapshotId());
    }

    static Stream<Snapshot> practiceInstances() {
        // PNS floors and departure limits; no couples, so the integer program holds every rule there is.
        return LongStream.rangeClosed(1, 30).mapToObj(seed -> Practice.add(randomSnapshot(seed), seed,
                Map.of("SD", 1 + (int) (seed % 3)), (int) (seed % 3), 0, null));
    }

    /**
     * With the rules of mutasi practice, the integer program's optimum (OR-Tools with SCIP, from the contract
     * text) lies between the Planner's proven bound and its plan, level by level; a plan at its bound is it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("practiceInstances")
    void thePracticeOptimumLiesBetweenThePlannersBoundAndItsPlan(Snapshot snapshot) {
        PracticeMip.Levels optimum = PracticeMip.solve(new Contract(snapshot), 30);
        assertEquals(optimum.hard(), optimum.hardBound(), "the integer program proves its hard level");
        assertEquals(optimum.shortage(), optimum.shortageBound(), "the integer program proves its shortage");
        Planner.Result planned = PLANNER.solve(ProblemBuilder.build(snapshot), Planner.Options.of(Duration.ofSeconds(2)));
        long[] plan = {-planned.score().hardScore(), -planned.score().mediumScore()};
        long[] exact = {optimum.hard(), optimum.shortage()};
        long[] bound = {planned.bound().hard(), planned.bound().shortage()};
        String label = snapshot.snapshotId() + ": bound " + Arrays.toString(bound) + ", optimum "
                + Arrays.toString(exact) + ", plan " + Arrays.toString(plan);
        assertTrue(Arrays.compare(bound, exact) <= 0, label);
        assertTrue(Arrays.compare(exact, plan) <= 0, label);
        if (Arrays.equals(bound, plan)) {
            assertArrayEquals(exact, plan, label);
        }
    }

    /**
     * Someone who must move but finds no eligible formation with room stays where they are, one hard
     * violation and no disruption: the instances exercise that, so the agreement above is not vacuous.
     */
    @org.junit.jupiter.api.Test
    void forcedMoversWithoutRoomStayWhereTheyAre() {
        Snapshot snapshot = randomSnapshot(1);
        Contract contract = new Contract(snapshot);
        Contract.Result optimum = OrToolsBaseline.solve(contract);
        assertTrue(stayingForcedMovers(contract, optimum) > 0);
        assertEquals(new CoreLevels(18, 20, 250), levels(optimum));
        assertEquals(new CoreLevels(18, 20, 250), ExactCore.optimize(ProblemBuilder.build(snapshot).plan(), false));
    }

    private static long stayingForcedMovers(Contract contract, Contract.Result optimum) {
        return optimum.unplaced() - contract.people.stream().filter(p -> p.eligible().length == 0).count();
    }

    private static CoreLevels levels(Contract.Result result) {
        return new CoreLevels(result.hard(), result.shortage(), result.disruption());
    }

    /**
     * A small snapshot that reaches the contract's corners: closing and opening facilities, people with no
     * formation for their job, protected and recently posted people, retraining, retirement and contract
     * ends on and around the planning date, formations with cap 0, maxMoveKm, fractional minYearsAtPost.
     */
    static Snapshot randomSnapshot(long seed) {
        Random rng = new Random(seed);
        List<Job> jobs = List.of(new Job("A", "A", Sector.EDUCATION, 58), new Job("B", "B", Sector.EDUCATION, 60),
                new Job("C", "C", Sector.HEALTH, 65));
        List<Facility> facilities = new ArrayList<>();
        int facilityCount = 4 + rng.nextInt(5);
        for (int f = 0; f < facilityCount; f++) {
            FacilityStatus status = switch (rng.nextInt(8)) {
                case 0 -> FacilityStatus.CLOSING;
                case 1 -> FacilityStatus.OPENING;
                default -> FacilityStatus.OPEN;
            };
            List<Formation> formations = new ArrayList<>();
            for (Job job : jobs) {
                if (rng.nextInt(3) > 0) {
                    int cap = rng.nextInt(7);
                    int minimum = cap == 0 ? 0 : rng.nextInt(cap + 1);
                    formations.add(new Formation(job.code(), cap, minimum, 1 + rng.nextInt(5)));
                }
            }
            facilities.add(new Facility("F" + f, "Facility " + f, "SD", "D" + (f % 2),
                    new Location(-1.3 + rng.nextDouble() * 0.4, 116.8 + rng.nextDouble() * 0.3), status, formations));
        }
        List<Staff> staff = new ArrayList<>();
        int staffCount = 10 + rng.nextInt(35);
        for (int s = 0; s < staffCount; s++) {
            Job job = jobs.get(rng.nextInt(jobs.size()));
            List<String> also = new ArrayList<>();
            for (Job other : jobs) {
                if (other != job && rng.nextInt(4) == 0) {
                    also.add(other.code());
                }
            }
            // Ages around retirement now and then, to the day: the month of the BUP decides.
            LocalDate birth = rng.nextInt(5) == 0
                    ? PLANNING.minusYears(job.retirementAge()).plusDays(rng.nextInt(120) - 60)
                    : LocalDate.of(1970 + rng.nextInt(25), 1 + rng.nextInt(12), 1 + rng.nextInt(28));
            // At the post around minYearsAtPost now and then, to the day.
            LocalDate posted = rng.nextInt(4) == 0
                    ? PLANNING.minusYears(2).plusDays(rng.nextInt(60) - 30)
                    : LocalDate.of(2012 + rng.nextInt(15), 1 + rng.nextInt(12), 1 + rng.nextInt(28));
            boolean pppk = rng.nextInt(4) == 0;
            LocalDate contractEnd = pppk ? PLANNING.plusDays(rng.nextInt(60) - 20) : null;
            staff.add(new Staff(String.format("%018d", 199001012020011000L + s), "Person " + s,
                    pppk ? Employment.PPPK : Employment.PNS, job.code(), also,
                    "F" + rng.nextInt(facilityCount), birth, posted, posted.minusYears(rng.nextInt(5)),
                    contractEnd, null, rng.nextInt(10) == 0 ? "tugas belajar" : null, null));
        }
        Double maxMoveKm = rng.nextInt(3) == 0 ? 15.0 + rng.nextInt(20) : null;
        Double minYears = rng.nextInt(4) == 0 ? 1.5 : 2.0;
        Policy policy = new Policy(minYears, 5.0, rng.nextInt(31), maxMoveKm, null, null, null, null, null, null, null, null)
                .coreOnly();
        return new Snapshot(1, "random-" + seed, "6471", PLANNING.minusMonths(2), PLANNING, jobs, facilities, staff,
                policy);
    }
}
