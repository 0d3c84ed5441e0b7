package id.formasi.solver.generator;

import id.formasi.solver.generator.Geography.City;
import id.formasi.solver.generator.Geography.District;
import id.formasi.solver.rules.Rules;
import id.formasi.solver.snapshot.Employment;
import id.formasi.solver.snapshot.Location;
import id.formasi.solver.snapshot.Staff;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws one civil servant at a time: name, NIP, dates, home. Dates hang together the way the source
 * systems have them: the NIP holds the birth date and the CPNS (or PPPK) start month, the first posting
 * starts on that month, the current posting on or after it, and nobody is retired or out of contract on
 * the data date.
 */
final class People {

    /** What a person is drawn to be, so that the generator controls how many of each there are. */
    enum Trait {
        NORMAL,
        /** Reaches retirement age (BUP) between the data date and the planning date. */
        RETIRING,
        /** PPPK whose contract ends between the data date and the planning date, renewal not decided. */
        CONTRACT_ENDING,
        /** Stays where they are, with a reason. */
        PROTECTED
    }

    /** Share of PPPK on part-time (paruh waktu) one-year contracts; the rest have five-year ones. */
    static final double PART_TIME_SHARE = 0.08;

    /** PPPK intakes of recent years (start month, weight). Balikpapan appointed PPPK from 2022 on. */
    private static final List<YearMonth> REGULAR_INTAKES = List.of(
            YearMonth.of(2022, 1), YearMonth.of(2022, 7), YearMonth.of(2023, 3), YearMonth.of(2023, 10),
            YearMonth.of(2024, 4), YearMonth.of(2024, 12), YearMonth.of(2025, 6));
    private static final double[] REGULAR_INTAKE_WEIGHTS = {0.20, 0.10, 0.20, 0.10, 0.15, 0.10, 0.15};
    private static final List<YearMonth> PART_TIME_INTAKES = List.of(YearMonth.of(2025, 10), YearMonth.of(2026, 1));

    /** CPNS start months: January and March are the usual TMT. */
    private static final double[] START_MONTH_WEIGHTS = {0.25, 0.05, 0.20, 0.10, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05};

    /** The 2024 CPNS intake took office in 2025: the latest PNS start before the data date. */
    private static final int LAST_CPNS_YEAR = 2025;

    private static final List<String> PROTECTED_REASONS = List.of("tugas belajar", "sakit berkepanjangan");

    private final Rng rng;
    private final LocalDate asOf;
    private final LocalDate planningDate;
    /** Share of people whose home is not recorded (the contract's home is optional). */
    private final double noHomeShare;
    /** Share of people also qualified for another job. */
    private final double alsoQualifiedShare;
    /** Last sequence number used per NIP prefix (birth date, start month, gender); only looked up. */
    private final Map<String, Integer> nipSequence = new HashMap<>();

    People(Rng rng, LocalDate asOf, LocalDate planningDate, double noHomeShare, double alsoQualifiedShare) {
        this.rng = rng;
        this.asOf = asOf;
        this.planningDate = planningDate;
        this.noHomeShare = noHomeShare;
        this.alsoQualifiedShare = alsoQualifiedShare;
    }

    /**
     * @param site            the facility's location, for the home
     * @param postedNotBefore the facility's opening, when it is new; else null
     */
    Staff create(Jobs.Spec spec, String facilityId, Location site, City city, LocalDate postedNotBefore, Trait trait) {
        int bup = spec.job().retirementAge();
        boolean female = rng.chance(spec.femaleShare());
        // Study leave and long sick leave are PNS matters; an open renewal is a PPPK one.
        boolean pppk = trait == Trait.CONTRACT_ENDING || (trait != Trait.PROTECTED && rng.chance(spec.pppkShare()));
        boolean partTime = pppk && rng.chance(PART_TIME_SHARE);
        int contractYears = partTime ? 1 : 5;

        YearMonth start;
        LocalDate birth;
        if (pppk) {
            start = trait == Trait.CONTRACT_ENDING ? endingIntake(partTime) : intake(partTime);
            birth = trait == Trait.RETIRING ? retiringBirth(bup) : pppkBirth(spec, start);
        } else {
            birth = trait == Trait.RETIRING ? retiringBirth(bup) : pnsBirth(spec);
            start = pnsStart(spec, birth);
        }
        LocalDate firstPosting = start.atDay(1);
        LocalDate contractEnd = pppk
                ? contractEnd(firstPosting, contractYears, trait, Rules.retirementDate(birth, bup)) : null;

        String title = switch (spec.code()) {
            case Jobs.DOKTER, Jobs.DOKTER_SPESIALIS -> "dr.";
            case Jobs.DOKTER_GIGI -> "drg.";
            case Jobs.APOTEKER -> "apt.";
            default -> null;
        };
        List<String> also = !spec.alsoQualified().isEmpty() && rng.chance(alsoQualifiedShare)
                ? List.of(rng.pick(spec.alsoQualified())) : List.of();
        String reason = trait == Trait.PROTECTED ? rng.pick(PROTECTED_REASONS) : null;

        return new Staff(nip(birth, start, female), Names.draw(rng, female, title),
                pppk ? Employment.PPPK : Employment.PNS, spec.code(), also, facilityId, birth,
                postedSince(firstPosting, pppk, postedNotBefore), firstPosting, contractEnd, home(site, city), reason,
                null);
    }

    /** Born in a month whose retirement (first of the next month) falls after the data date, by the planning date. */
    private LocalDate retiringBirth(int bup) {
        YearMonth reached = rng.month(YearMonth.from(asOf), YearMonth.from(planningDate).minusMonths(1));
        return rng.day(reached.minusYears(bup));
    }

    /**
     * PNS ages (at the planning year) from 23 up to the retirement age, minus those already leaving: many
     * over 50 (the hiring waves of the 1990s), fewer in their thirties (years of hiring freezes), more
     * again under 30 (the large CPNS intakes since 2019).
     */
    private LocalDate pnsBirth(Jobs.Spec spec) {
        int bup = spec.job().retirementAge();
        int minAge = spec.startAge() + 2;
        int age = drawAge(minAge, bup, new double[] {1.0, 0.75, 0.9, 1.15});
        return birthInYear(planningDate.getYear() - age, bup);
    }

    /** PPPK were mostly long-serving honorary staff: many in their thirties and forties. */
    private LocalDate pppkBirth(Jobs.Spec spec, YearMonth start) {
        int bup = spec.job().retirementAge();
        int minAge = spec.startAge() + (planningDate.getYear() - start.getYear());
        int age = drawAge(Math.min(minAge, bup), bup, new double[] {0.6, 1.2, 1.1, 0.6});
        return birthInYear(planningDate.getYear() - age, bup);
    }

    /** Ages minAge..maxAge weighted by band: under 30, 30s, 40s, 50 and over. */
    private int drawAge(int minAge, int maxAge, double[] bandWeights) {
        double[] weights = new double[maxAge - minAge + 1];
        for (int age = minAge; age <= maxAge; age++) {
            weights[age - minAge] = bandWeights[Math.min(3, Math.max(0, age / 10 - 2))];
        }
        return minAge + rng.weighted(weights);
    }

    /** A day in the year, not so early that the person would already be leaving by the planning date. */
    private LocalDate birthInYear(int year, int bup) {
        LocalDate earliest = planningDate.withDayOfMonth(1).minusYears(bup);
        LocalDate birth = rng.day(YearMonth.of(year, rng.between(1, 12)));
        return birth.isBefore(earliest) ? earliest.plusDays(rng.between(0, 27)) : birth;
    }

    /**
     * CPNS start: at startAge..startAge+12 (most in between), never after 2025 (the 2024 intake); the
     * young ones started soon after their studies.
     */
    private YearMonth pnsStart(Jobs.Spec spec, LocalDate birth) {
        int spread = Math.max(0, Math.min(12, LAST_CPNS_YEAR - birth.getYear() - spec.startAge()));
        int year = Math.min(birth.getYear() + spec.startAge() + (rng.between(0, spread) + rng.between(0, spread)) / 2,
                LAST_CPNS_YEAR);
        YearMonth start = YearMonth.of(year, 1 + rng.weighted(START_MONTH_WEIGHTS));
        YearMonth adult = YearMonth.from(birth.plusYears(spec.startAge() - 1));
        return start.isBefore(adult) ? adult : start;
    }

    private YearMonth intake(boolean partTime) {
        return partTime ? rng.pick(PART_TIME_INTAKES) : REGULAR_INTAKES.get(rng.weighted(REGULAR_INTAKE_WEIGHTS));
    }

    /** A start whose contract term ends in the last weeks before the planning date. */
    private YearMonth endingIntake(boolean partTime) {
        YearMonth last = YearMonth.from(planningDate).minusYears(partTime ? 1 : 5);
        return last.minusMonths(rng.weighted(new double[] {0.8, 0.1, 0.1}));
    }

    /**
     * Terms run back to back from the start; a term that ended before the data date was renewed. An
     * ending term is left open (renewal not yet decided); any other is taken as renewed past the planning
     * date. A contract never runs past retirement.
     */
    private LocalDate contractEnd(LocalDate start, int years, Trait trait, LocalDate retirement) {
        LocalDate mustReach = trait == Trait.CONTRACT_ENDING ? asOf : planningDate;
        int terms = 1;
        while (start.plusYears((long) terms * years).minusDays(1).isBefore(mustReach)) {
            terms++;
        }
        LocalDate end = start.plusYears((long) terms * years).minusDays(1);
        LocalDate lastDay = retirement.minusDays(1);
        return end.isAfter(lastDay) ? lastDay : end;
    }

    /**
     * Start at the current post. New staff are still at their first post; otherwise a person moved in the
     * last two years (these are fixed on the planning date), never moved, or moved some time earlier.
     */
    private LocalDate postedSince(LocalDate firstPosting, boolean pppk, LocalDate postedNotBefore) {
        if (postedNotBefore != null && postedNotBefore.isAfter(firstPosting)) {
            return postedNotBefore;
        }
        YearMonth first = YearMonth.from(firstPosting);
        YearMonth twoYearsBefore = YearMonth.from(planningDate.minusYears(2));
        if (!first.isBefore(twoYearsBefore)) {
            return firstPosting;
        }
        if (rng.chance(pppk ? 0.05 : 0.12)) {
            return rng.month(twoYearsBefore.plusMonths(1), YearMonth.from(asOf)).atDay(1);
        }
        if (rng.chance(0.35)) {
            return firstPosting;
        }
        return rng.month(first, twoYearsBefore).atDay(1);
    }

    /** Most live near their post, many elsewhere in the city, a few across the bay or up the coast. */
    private Location home(Location site, City city) {
        double u = rng.uniform();
        if (u < noHomeShare) {
            return null;
        }
        if (u < 0.60) {
            return Geography.near(rng, site, 2.0);
        }
        if (u < 0.97) {
            double[] weights = Geography.BALIKPAPAN.stream().mapToDouble(District::sd).toArray();
            District d = Geography.BALIKPAPAN.get(rng.weighted(weights));
            return Geography.site(rng, city, d);
        }
        Location town = rng.pick(Geography.COMMUTER_TOWNS);
        return Geography.near(rng, Geography.location(town.lat() + city.dLat(), town.lon() + city.dLon()), 3.0);
    }

    /** NIP: birth date YYYYMMDD, start YYYYMM, gender (1 male, 2 female), sequence 001.. per prefix. */
    private String nip(LocalDate birth, YearMonth start, boolean female) {
        String prefix = String.format(Locale.ROOT, "%04d%02d%02d%04d%02d%d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), start.getYear(), start.getMonthValue(), female ? 2 : 1);
        int seq = nipSequence.merge(prefix, 1, Integer::sum);
        if (seq > 999) {
            throw new IllegalStateException("NIP sequence exhausted for " + prefix);
        }
        return prefix + String.format(Locale.ROOT, "%03d", seq);
    }
}
