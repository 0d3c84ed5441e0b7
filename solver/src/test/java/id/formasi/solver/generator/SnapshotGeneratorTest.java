package id.formasi.solver.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.formasi.solver.generator.SnapshotGenerator.Scale;
import id.formasi.solver.rules.Rules;
import id.formasi.solver.snapshot.Employment;
import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Formation;
import id.formasi.solver.snapshot.Job;
import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Limits;
import id.formasi.solver.snapshot.Location;
import id.formasi.solver.snapshot.Sector;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.Staff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotGeneratorTest {

    private static final Pattern NIP = Pattern.compile("\\d{18}");

    // ---- determinism

    @Test
    void sameSeedGivesTheSameSnapshot() {
        for (Scale scale : List.of(Scale.TINY, Scale.BALIKPAPAN)) {
            assertEquals(SnapshotGenerator.generate(scale, 42), SnapshotGenerator.generate(scale, 42), scale.name());
            assertEquals(Json.write(SnapshotGenerator.generate(scale, 42)), Json.write(SnapshotGenerator.generate(scale, 42)));
        }
    }

    @Test
    void differentSeedsGiveDifferentSnapshots() {
        Snapshot a = SnapshotGenerator.generate(Scale.BALIKPAPAN, 1);
        Snapshot b = SnapshotGenerator.generate(Scale.BALIKPAPAN, 2);
        assertNotEquals(a.staff(), b.staff());
        assertNotEquals(a.facilities(), b.facilities());
        assertNotEquals(SnapshotGenerator.generate(Scale.TINY, 1).staff(), SnapshotGenerator.generate(Scale.TINY, 2).staff());
    }

    // ---- the contract

    @ParameterizedTest
    @ValueSource(strings = {"TINY", "BALIKPAPAN"})
    void satisfiesTheContract(String scale) {
        for (long seed : new long[] {1, 7, 6471}) {
            assertContract(SnapshotGenerator.generate(Scale.valueOf(scale), seed));
        }
    }

    @Test
    /** How long generating takes is the bench's to print (its end-to-end rows), not a test's to assert. */
    void provinceSatisfiesTheContract() {
        Snapshot province = SnapshotGenerator.generate(Scale.PROVINCE, 64);
        assertTrue(province.staff().size() >= 40_000 && province.staff().size() <= 60_000, "staff " + province.staff().size());
        assertEquals("64", province.tenant());
        assertEquals(10, province.facilities().stream().map(f -> f.district().split(" (Barat|Kota|Selatan|Tengah|Timur|Utara)$")[0])
                .distinct().count());
        assertEquals(60, province.facilities().stream().map(Facility::district).distinct().count());
        assertContract(province);
    }

    static void assertContract(Snapshot s) {
        assertEquals(1, s.schemaVersion());
        assertTrue(Limits.SNAPSHOT_ID.matcher(s.snapshotId()).matches(), s.snapshotId());
        assertEquals(SnapshotGenerator.AS_OF, s.asOf());
        assertEquals(SnapshotGenerator.PLANNING_DATE, s.planningDate());
        assertTrue(s.asOf().isBefore(s.planningDate()));

        Map<String, Job> jobs = new HashMap<>();
        for (Job job : s.jobs()) {
            assertTrue(Limits.JOB_CODE.matcher(job.code()).matches(), job.code());
            assertNotNull(job.sector());
            assertFalse(job.name().isBlank());
            assertTrue(job.retirementAge() >= 50 && job.retirementAge() <= 70, job.code());
            assertNull(jobs.put(job.code(), job), "duplicate job " + job.code());
        }

        Map<String, Facility> facilities = new HashMap<>();
        for (Facility f : s.facilities()) {
            assertNull(facilities.put(f.id(), f), "duplicate facility " + f.id());
            assertFalse(f.name().isBlank());
            assertFalse(f.kind().isBlank());
            assertFalse(f.district().isBlank());
            assertNotNull(f.status());
            assertLocation(f.location());
            Set<String> formationJobs = new HashSet<>();
            for (Formation formation : f.formations()) {
                assertTrue(jobs.containsKey(formation.job()), formation.job());
                assertTrue(formationJobs.add(formation.job()), "two formations of " + formation.job() + " at " + f.id());
                assertTrue(formation.minimum() >= 0 && formation.minimum() <= formation.cap(), f.id() + " " + formation);
                assertTrue(formation.priority() >= 1 && formation.priority() <= 5, f.id() + " " + formation);
            }
        }

        Set<String> staffIds = new HashSet<>();
        Map<String, Integer> staffPerFacility = new HashMap<>();
        for (Staff p : s.staff()) {
            String id = p.id();
            assertTrue(staffIds.add(id), "duplicate staff id");
            assertTrue(NIP.matcher(id).matches(), id);
            assertFalse(p.name().isBlank());
            assertNotNull(p.employment());
            Job job = jobs.get(p.job());
            assertNotNull(job, p.job());
            for (String also : p.alsoQualifiedFor()) {
                assertTrue(jobs.containsKey(also), also);
                assertNotEquals(p.job(), also);
            }
            Facility f = facilities.get(p.facility());
            assertNotNull(f, p.facility());
            staffPerFacility.merge(f.id(), 1, Integer::sum);

            // The NIP carries the birth date, the start month and the gender.
            assertEquals(p.birthDate(), LocalDate.parse(id.substring(0, 4) + "-" + id.substring(4, 6) + "-" + id.substring(6, 8)));
            assertEquals(YearMonth.from(p.firstPostingSince()), YearMonth.of(Integer.parseInt(id.substring(8, 12)),
                    Integer.parseInt(id.substring(12, 14))));
            assertTrue(id.charAt(14) == '1' || id.charAt(14) == '2', id);
            assertEquals(1, p.firstPostingSince().getDayOfMonth());

            assertTrue(p.birthDate().plusYears(18).isBefore(p.firstPostingSince()), "too young at first posting");
            assertFalse(p.postedSince().isBefore(p.firstPostingSince()), "posted before the first posting");
            assertFalse(p.postedSince().isAfter(s.asOf()), "posted after the data date");
            // Nobody on the list has retired or lost their contract by the data date.
            assertTrue(Rules.retirementDate(p.birthDate(), job.retirementAge()).isAfter(s.asOf()), "retired at asOf");
            if (p.employment() == Employment.PPPK) {
                assertNotNull(p.contractEnd());
                assertFalse(p.contractEnd().isBefore(s.asOf()), "contract over at asOf");
                assertTrue(p.contractEnd().isAfter(p.firstPostingSince()));
            } else {
                assertNull(p.contractEnd());
            }
            if (p.home() != null) {
                assertLocation(p.home());
            }
            if (p.protectedReason() != null) {
                assertFalse(p.protectedReason().isBlank());
                assertNotEquals(FacilityStatus.CLOSING, f.status(), "protected at a closing facility");
            }
        }
        for (Facility f : s.facilities()) {
            if (f.status() == FacilityStatus.OPENING) {
                assertFalse(staffPerFacility.containsKey(f.id()), "staff at opening " + f.id());
                assertFalse(f.formations().isEmpty());
            }
            if (f.status() == FacilityStatus.CLOSING) {
                assertTrue(staffPerFacility.containsKey(f.id()), "nobody to move out of " + f.id());
                assertTrue(f.formations().isEmpty());
            }
        }
    }

    private static void assertLocation(Location l) {
        assertNotNull(l);
        assertTrue(l.lat() >= -90 && l.lat() <= 90 && l.lon() >= -180 && l.lon() <= 180, l.toString());
    }

    // ---- Balikpapan's shape

    @Test
    void balikpapanHasTheCitysFacilities() {
        Snapshot s = SnapshotGenerator.generate(Scale.BALIKPAPAN, 6471);
        assertEquals("6471", s.tenant());
        assertEquals("synthetic-balikpapan-6471", s.snapshotId());
        Map<String, Long> sdPerDistrict = new TreeMap<>();
        for (Facility f : s.facilities()) {
            if (f.kind().equals("SD")) {
                sdPerDistrict.merge(f.district(), 1L, Long::sum);
            }
            Location l = f.location();
            assertTrue(l.lat() >= -1.29 && l.lat() <= -1.08 && l.lon() >= 116.80 && l.lon() <= 117.06, f.name());
            assertTrue(f.district().startsWith("Balikpapan "), f.district());
        }
        assertEquals(Map.of("Balikpapan Barat", 22L, "Balikpapan Kota", 15L, "Balikpapan Selatan", 15L,
                "Balikpapan Tengah", 30L, "Balikpapan Timur", 21L, "Balikpapan Utara", 34L), sdPerDistrict);
        List<Facility> smp = kind(s, "SMP");
        assertTrue(smp.size() >= 26 && smp.size() <= 30, "SMP " + smp.size());
        assertEquals(1, smp.stream().filter(f -> f.status() == FacilityStatus.OPENING).count());
        assertEquals(27, kind(s, "PUSKESMAS").size() + kind(s, "PUSKESMAS_RAWAT_INAP").size());
        assertEquals(6, kind(s, "PUSKESMAS_RAWAT_INAP").stream().map(Facility::district).distinct().count());
        assertEquals(List.of("RSUD Beriman", "RSKIA Sayang Ibu"),
                s.facilities().stream().filter(f -> f.id().startsWith("RS")).map(Facility::name).toList());
        assertEquals(1, s.facilities().stream().filter(f -> f.status() == FacilityStatus.CLOSING).count());
        for (Facility f : s.facilities()) {
            if (f.kind().equals("SD") || f.kind().equals("SMP")) {
                assertTrue(f.id().matches("304\\d{5}"), f.id());
            } else if (f.kind().startsWith("PUSKESMAS")) {
                assertTrue(f.id().matches("P6471\\d{6}"), f.id());
            } else {
                assertTrue(f.id().matches("RS6471\\d{3}"), f.id());
            }
        }
        assertEquals(21, s.jobs().size());
    }

    /** Realism targets from docs/domain.md, for the sample's seed and a few others. */
    @ParameterizedTest
    @ValueSource(longs = {6471, 1, 2, 3})
    void balikpapanIsRealistic(long seed) {
        Snapshot s = SnapshotGenerator.generate(Scale.BALIKPAPAN, seed);
        Figures f = Figures.of(s);
        System.out.println("seed " + seed + ": " + f);

        assertTrue(f.staff >= 4_300 && f.staff <= 5_500, "staff " + f.staff);
        assertTrue(f.teachers > 0.6 * f.staff && f.teachers < 0.8 * f.staff, "teachers " + f.teachers);
        assertTrue(f.pppk > 0.32 * f.staff && f.pppk < 0.42 * f.staff, "PPPK " + f.pppk);
        // March 2025: 761 teachers short, SD 629, SMP 130.
        assertTrue(f.shortageSd >= 450 && f.shortageSd <= 850, "SD shortage " + f.shortageSd);
        assertTrue(f.shortageSmp >= 80 && f.shortageSmp <= 220, "SMP shortage " + f.shortageSmp);
        assertTrue(f.surplusEducation >= 30 && f.surplusEducation <= 300, "surplus " + f.surplusEducation);
        assertTrue(f.schoolsOverCap >= 10, "schools over cap " + f.schoolsOverCap);
        // More than a hundred ASN retire each year.
        assertTrue(f.retiring >= 90 && f.retiring <= 160, "retiring " + f.retiring);
        assertTrue(f.contractEnding >= 25 && f.contractEnding <= 100, "contract ends " + f.contractEnding);
        assertTrue(f.fixedShare >= 0.15 && f.fixedShare <= 0.25, "fixed share " + f.fixedShare);
        assertTrue(f.protectedCount >= 3 && f.protectedCount <= 40, "protected " + f.protectedCount);
        assertTrue(f.alsoQualified > 0.01 * f.staff && f.alsoQualified < 0.06 * f.staff, "also qualified " + f.alsoQualified);
        // Almost no puskesmas meets the standard; doctors and nurses among the gaps.
        assertTrue(f.puskesmasShortOfDoctor >= 3, "puskesmas short of a doctor " + f.puskesmasShortOfDoctor);
        assertTrue(f.puskesmasShortOfNurse >= 6, "puskesmas short of nurses " + f.puskesmasShortOfNurse);
        assertTrue(f.puskesmasMeetingStandard <= 5, "puskesmas meeting the standard " + f.puskesmasMeetingStandard);
        // Most posts are staffed near their minimum, some over, many under.
        assertTrue(f.medianFill >= 0.8 && f.medianFill <= 1.1, "median fill " + f.medianFill);
        assertTrue(f.mustMove >= 5 && f.mustMove <= 20, "must move " + f.mustMove);
        assertTrue(f.newSmpMinimum >= 8, "opening SMP minimum " + f.newSmpMinimum);
    }

    @Test
    void tinyIsSmallAndCoversTheRules() {
        Snapshot s = SnapshotGenerator.generate(Scale.TINY, 1);
        assertEquals(6, s.facilities().size());
        assertEquals(43, s.staff().size());
        assertEquals("9901", s.tenant(), "a tenant of its own, not Balikpapan's");
        assertEquals(List.of("GURU_KELAS_SD", "GURU_PJOK", "PERAWAT"), s.jobs().stream().map(Job::code).toList());
        Figures f = Figures.of(s);
        System.out.println("TINY: " + f);
        assertEquals(1, f.retiring);
        assertEquals(1, f.contractEnding);
        assertEquals(1, f.protectedCount);
        assertEquals(1, f.alsoQualified);
        assertEquals(4, f.mustMove);
        assertEquals(2, f.surplusEducation);
        assertEquals(3, f.shortageSd);
    }

    // ---- the committed samples

    @Test
    void balikpapanSampleIsWhatTheGeneratorProduces() throws IOException {
        Path file = assertSampleIsGenerated("balikpapan.json", Scale.BALIKPAPAN, 6471);
        System.out.println("samples/balikpapan.json: " + Files.size(file) + " bytes");
        assertTrue(Files.size(file) < 6_000_000);
    }

    @Test
    void tinySampleIsWhatTheGeneratorProduces() throws IOException {
        assertSampleIsGenerated("tiny.json", Scale.TINY, 1);
    }

    /** The committed sample equals what the generator makes of its scale and seed, in the contract's JSON. */
    private static Path assertSampleIsGenerated(String name, Scale scale, long seed) throws IOException {
        Path file = samples().resolve(name);
        Snapshot sample = Json.MAPPER.readValue(Files.readString(file), Snapshot.class);
        assertEquals(SnapshotGenerator.generate(scale, seed), sample);
        assertJsonShape(Files.readString(file));
        return file;
    }

    /** Contract field names and ISO date strings, as written by {@link Json}. */
    private static void assertJsonShape(String json) {
        assertTrue(json.contains("\"protected\""), "no \"protected\" field");
        assertFalse(json.contains("protectedReason"));
        assertTrue(Pattern.compile("\"asOf\"\\s*:\\s*\"2026-10-21\"").matcher(json).find());
        assertTrue(Pattern.compile("\"birthDate\"\\s*:\\s*\"\\d{4}-\\d{2}-\\d{2}\"").matcher(json).find());
        assertTrue(Pattern.compile("\"contractEnd\"\\s*:\\s*null").matcher(json).find());
        assertTrue(Pattern.compile("\"id\"\\s*:\\s*\"\\d{18}\"").matcher(json).find(), "NIP not written as text");
    }

    private static Path samples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("samples"))) {
                return dir.resolve("samples");
            }
        }
        throw new IllegalStateException("no samples folder above " + Path.of("").toAbsolutePath());
    }

    private static List<Facility> kind(Snapshot s, String kind) {
        return s.facilities().stream().filter(f -> f.kind().equals(kind)).toList();
    }

    // ---- figures

    /** The figures the realism targets speak of, computed from the snapshot alone. */
    record Figures(int staff, int teachers, int health, int pppk, int shortageSd, int shortageSmp,
                   int shortageHealth, int shortageSdAfterLeaving, int shortageSmpAfterLeaving, int surplusEducation,
                   int surplusHealth, int schoolsOverCap, int retiring, int contractEnding, double fixedShare,
                   int protectedCount, int alsoQualified, int noHome, int puskesmasShortOfDoctor,
                   int puskesmasShortOfNurse, int puskesmasMeetingStandard, double medianFill, int mustMove,
                   int newSmpMinimum) {

        static Figures of(Snapshot s) {
            Map<String, Job> jobs = new HashMap<>();
            s.jobs().forEach(j -> jobs.put(j.code(), j));
            Map<String, Integer> now = new HashMap<>();
            Map<String, Integer> staying = new HashMap<>();
            int teachers = 0, health = 0, pppk = 0, retiring = 0, ending = 0, fixed = 0, prot = 0, also = 0, noHome = 0;
            for (Staff p : s.staff()) {
                Job job = jobs.get(p.job());
                teachers += job.sector() == Sector.EDUCATION ? 1 : 0;
                health += job.sector() == Sector.HEALTH ? 1 : 0;
                pppk += p.employment() == Employment.PPPK ? 1 : 0;
                boolean retires = !Rules.retirementDate(p.birthDate(), job.retirementAge()).isAfter(s.planningDate());
                boolean ends = p.contractEnd() != null && p.contractEnd().isBefore(s.planningDate());
                retiring += retires ? 1 : 0;
                ending += ends && !retires ? 1 : 0;
                fixed += p.postedSince().plusYears(2).isAfter(s.planningDate()) ? 1 : 0;
                prot += p.protectedReason() != null ? 1 : 0;
                also += p.alsoQualifiedFor().isEmpty() ? 0 : 1;
                noHome += p.home() == null ? 1 : 0;
                String key = p.facility() + "/" + p.job();
                now.merge(key, 1, Integer::sum);
                if (!retires && !ends) {
                    staying.merge(key, 1, Integer::sum);
                }
            }
            int sd = 0, smp = 0, hl = 0, sdAfter = 0, smpAfter = 0, surplusEdu = 0, surplusHealth = 0, overCap = 0;
            int noDoctor = 0, fewNurses = 0, meeting = 0, mustMove = 0, newSmp = 0;
            List<Double> fills = new ArrayList<>();
            Set<String> formationKeys = new HashSet<>();
            for (Facility f : s.facilities()) {
                boolean over = false;
                boolean short_ = false;
                for (Formation formation : f.formations()) {
                    String key = f.id() + "/" + formation.job();
                    formationKeys.add(key);
                    int n = now.getOrDefault(key, 0);
                    int gap = Math.max(0, formation.minimum() - n);
                    int gapAfter = Math.max(0, formation.minimum() - staying.getOrDefault(key, 0));
                    int surplus = Math.max(0, n - formation.cap());
                    over |= surplus > 0;
                    short_ |= gap > 0;
                    if (f.status() == FacilityStatus.OPENING) {
                        newSmp += formation.minimum();
                    } else if (formation.minimum() > 0) {
                        fills.add((double) n / formation.minimum());
                    }
                    if (jobs.get(formation.job()).sector() == Sector.EDUCATION) {
                        surplusEdu += surplus;
                        if (f.kind().equals("SD")) {
                            sd += gap;
                            sdAfter += gapAfter;
                        } else {
                            smp += gap;
                            smpAfter += gapAfter;
                        }
                    } else {
                        hl += gap;
                        surplusHealth += surplus;
                    }
                    if (f.kind().startsWith("PUSKESMAS") && gap > 0) {
                        noDoctor += formation.job().equals(Jobs.DOKTER) ? 1 : 0;
                        fewNurses += formation.job().equals(Jobs.PERAWAT) ? 1 : 0;
                    }
                }
                boolean school = f.kind().equals("SD") || f.kind().equals("SMP");
                overCap += school && over ? 1 : 0;
                meeting += f.kind().startsWith("PUSKESMAS") && !short_ ? 1 : 0;
            }
            for (Staff p : s.staff()) {
                mustMove += formationKeys.contains(p.facility() + "/" + p.job()) ? 0 : 1;
            }
            fills.sort(null);
            double median = fills.isEmpty() ? 0 : fills.get(fills.size() / 2);
            return new Figures(s.staff().size(), teachers, health, pppk, sd, smp, hl, sdAfter, smpAfter, surplusEdu,
                    surplusHealth, overCap, retiring, ending, Math.round(1000.0 * fixed / s.staff().size()) / 1000.0,
                    prot, also, noHome, noDoctor, fewNurses, meeting, median, mustMove, newSmp);
        }
    }
}
