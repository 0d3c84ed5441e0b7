package id.formasi.solver.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.formasi.solver.snapshot.SnapshotException.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class SnapshotReaderTest {

    /** Two jobs, two facilities, three people; no policy. Every test below breaks one thing in it. */
    static final String VALID = """
            {
              "schemaVersion": 1,
              "snapshotId": "balikpapan-2026-10",
              "tenant": "6471",
              "asOf": "2026-10-21",
              "planningDate": "2027-01-01",
              "jobs": [
                { "code": "GURU_KELAS_SD", "name": "Guru Kelas SD", "sector": "EDUCATION", "retirementAge": 60 },
                { "code": "PERAWAT", "name": "Perawat", "sector": "HEALTH", "retirementAge": 58 }
              ],
              "facilities": [
                { "id": "30401234", "name": "SD Negeri 001 Balikpapan Kota", "kind": "SD",
                  "district": "Balikpapan Kota", "location": { "lat": -1.2667, "lon": 116.8289 },
                  "status": "OPEN",
                  "formations": [ { "job": "GURU_KELAS_SD", "cap": 12, "minimum": 10, "priority": 3 } ] },
                { "id": "P6471010", "name": "Puskesmas Baru Utara", "kind": "PUSKESMAS",
                  "district": "Balikpapan Utara", "location": { "lat": -1.21, "lon": 116.86 },
                  "status": "OPENING",
                  "formations": [ { "job": "PERAWAT", "cap": 5.0, "minimum": 4, "priority": 5 } ] }
              ],
              "staff": [
                { "id": "198503122010011004", "name": "Siti Rahmawati", "employment": "PNS",
                  "job": "GURU_KELAS_SD", "alsoQualifiedFor": ["PERAWAT"], "facility": "30401234",
                  "birthDate": "1985-03-12", "postedSince": "2019-07-01", "firstPostingSince": "2010-01-01",
                  "contractEnd": null, "home": { "lat": -1.2501, "lon": 116.8512 },
                  "protected": "tugas belajar" },
                { "id": "199001012022212001", "name": "Dewi Lestari", "employment": "PPPK",
                  "job": "PERAWAT", "alsoQualifiedFor": [], "facility": "P6471010",
                  "birthDate": "1990-01-01", "postedSince": "2022-03-01", "firstPostingSince": "2022-03-01",
                  "contractEnd": "2027-02-28", "home": null, "protected": null },
                { "id": "196701151990031002", "name": "Budi Santoso", "employment": "PNS",
                  "job": "GURU_KELAS_SD", "facility": "30401234",
                  "birthDate": "1967-01-15", "postedSince": "1995-08-01", "firstPostingSince": "1990-03-01" }
              ]
            }
            """;

    private final SnapshotReader reader = new SnapshotReader();

    // ---- a valid snapshot ----------------------------------------------------------------------

    @Test
    void validSnapshotReadsToRecords() {
        Snapshot snapshot = reader.read(bytes(VALID));

        assertEquals(1, snapshot.schemaVersion());
        assertEquals("balikpapan-2026-10", snapshot.snapshotId());
        assertEquals("6471", snapshot.tenant());
        assertEquals(LocalDate.of(2026, 10, 21), snapshot.asOf());
        assertEquals(LocalDate.of(2027, 1, 1), snapshot.planningDate());
        assertEquals(new Job("PERAWAT", "Perawat", Sector.HEALTH, 58), snapshot.jobs().get(1));

        Facility puskesmas = snapshot.facilities().get(1);
        assertEquals(FacilityStatus.OPENING, puskesmas.status());
        assertEquals(new Location(-1.21, 116.86), puskesmas.location());
        assertEquals(List.of(new Formation("PERAWAT", 5, 4, 5)), puskesmas.formations());

        Staff siti = snapshot.staff().get(0);
        assertEquals("198503122010011004", siti.id());
        assertEquals(Employment.PNS, siti.employment());
        assertEquals(List.of("PERAWAT"), siti.alsoQualifiedFor());
        assertEquals(LocalDate.of(1985, 3, 12), siti.birthDate());
        assertEquals(LocalDate.of(2019, 7, 1), siti.postedSince());
        assertEquals(LocalDate.of(2010, 1, 1), siti.firstPostingSince());
        assertNull(siti.contractEnd());
        assertEquals(new Location(-1.2501, 116.8512), siti.home());
        assertEquals("tugas belajar", siti.protectedReason());

        Staff dewi = snapshot.staff().get(1);
        assertEquals(Employment.PPPK, dewi.employment());
        assertEquals(LocalDate.of(2027, 2, 28), dewi.contractEnd());
        assertNull(dewi.home());
        assertNull(dewi.protectedReason());

        Staff budi = snapshot.staff().get(2);
        assertEquals(List.of(), budi.alsoQualifiedFor());
        assertNull(budi.protectedReason());
    }

    @Test
    void absentPolicyTakesTheDefaults() {
        Policy policy = reader.read(bytes(VALID)).policy();

        assertEquals(Policy.DEFAULT, policy);
        assertEquals(2, policy.minYearsAtPostOrDefault());
        assertEquals(5, policy.rotationYearsOrDefault());
        assertEquals(20, policy.moveCostOrDefault());
        assertNull(policy.maxMoveKm());
    }

    @Test
    void partialPolicyKeepsItsValuesAndNullsTakeDefaults() {
        Policy policy = reader.read(with(root -> root.putObject("policy")
                .put("minYearsAtPost", 1.5).put("moveCost", 30.0).putNull("maxMoveKm")
                .put("keepPreviousWeight", 0))).policy();

        assertEquals(1.5, policy.minYearsAtPostOrDefault());
        assertEquals(30, policy.moveCostOrDefault());
        assertNull(policy.maxMoveKm());
        assertEquals(0, policy.keepPreviousWeightOrDefault());
        assertEquals(5, policy.rotationYearsOrDefault());
    }

    @Test
    void unknownFieldsAreIgnored() {
        Snapshot snapshot = reader.read(with(root -> {
            root.put("exportedBy", "SIASN");
            staff(root, 0).put("golongan", "III/b");
            formation(root, 0, 0).putObject("note").put("text", "ABK 2025");
        }));

        assertEquals(3, snapshot.staff().size());
    }

    @Test
    void validateReturnsNoErrorsForAValidSnapshot() {
        assertEquals(List.of(), reader.validate(bytes(VALID)));
    }

    @Test
    void readFromFileGivesTheSameSnapshot(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("snapshot.json");
        Files.writeString(file, VALID);

        assertEquals(reader.read(bytes(VALID)), reader.read(file));
    }

    // ---- malformed and too large ---------------------------------------------------------------

    @Test
    void malformedJsonIsReportedWithLineAndColumn() {
        String broken = """
                {
                  "schemaVersion": 1,
                  "jobs": [,]
                }
                """;

        SnapshotException e = assertThrows(SnapshotException.class, () -> reader.read(bytes(broken)));

        assertEquals(Kind.MALFORMED, e.kind());
        ValidationError error = single(e.errors());
        assertEquals("$", error.path());
        assertTrue(error.messageEn().startsWith("line 3, column 12: unexpected character ','"), error.messageEn());
        assertNoJacksonInternals(e.getMessage());
    }

    @Test
    void unclosedDocumentIsMalformed() {
        SnapshotException e = assertThrows(SnapshotException.class,
                () -> reader.read(bytes("{\n  \"tenant\": \"6471\",\n  \"jobs\": [")));

        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(single(e.errors()).messageEn().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("not closed"), e.getMessage());
        assertNoJacksonInternals(e.getMessage());
    }

    @Test
    void unquotedWordIsMalformedAndNotEchoed() {
        SnapshotException e = assertThrows(SnapshotException.class,
                () -> reader.read(bytes("{\"name\": Siti}")));

        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().matches(".*line 1, column \\d+: unexpected word.*"), e.getMessage());
        assertFalse(e.getMessage().contains("Siti"), e.getMessage());
    }

    @Test
    void duplicateFieldInOneObjectIsMalformed() {
        SnapshotException e = assertThrows(SnapshotException.class,
                () -> reader.read(bytes("{\"tenant\": \"6471\", \"tenant\": \"6472\"}")));

        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(single(e.errors()).messageEn().endsWith("duplicate field \"tenant\""), e.getMessage());
    }

    @Test
    void contentAfterTheDocumentIsMalformed() {
        SnapshotException e = assertThrows(SnapshotException.class, () -> reader.read(bytes("{} {}")));

        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("more content after the end"), e.getMessage());
        assertNoJacksonInternals(e.getMessage());
    }

    @Test
    void emptyDocumentIsMalformed() {
        SnapshotException e = assertThrows(SnapshotException.class, () -> reader.read(bytes("  \n")));

        assertEquals(Kind.MALFORMED, e.kind());
        assertEquals(new ValidationError("$", "the document is empty"), single(e.errors()));
    }

    @Test
    void missingFileIsMalformed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");

        SnapshotException e = assertThrows(SnapshotException.class, () -> reader.read(missing));

        assertEquals(Kind.MALFORMED, e.kind());
        assertEquals(new ValidationError("$", "cannot read the file " + missing + ": it does not exist"),
                single(e.errors()));
    }

    @Test
    void documentOverMaxBytesIsTooLargeBeforeParsing() {
        SnapshotReader small = new SnapshotReader(100, Limits.MAX_DEPTH);
        // Not even JSON: the size is checked first.
        byte[] big = bytes("x".repeat(101));

        SnapshotException e = assertThrows(SnapshotException.class, () -> small.read(big));

        assertEquals(Kind.TOO_LARGE, e.kind());
        assertEquals(new ValidationError("$", "the document is 101 bytes, more than the limit of 100 bytes"),
                single(e.errors()));
    }

    @Test
    void fileOverMaxBytesIsTooLarge(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("snapshot.json");
        Files.writeString(file, VALID);

        SnapshotException e = assertThrows(SnapshotException.class, () -> new SnapshotReader(100, 32).read(file));

        assertEquals(Kind.TOO_LARGE, e.kind());
        assertTrue(single(e.errors()).messageEn().contains("more than the limit of 100 bytes"), e.getMessage());
    }

    @Test
    void nestingDeeperThanMaxDepthIsTooLarge() {
        // Even inside a field the reader ignores: the limit protects the parser itself.
        String deep = "{\"extra\": " + "[".repeat(40) + "]".repeat(40) + "}";

        SnapshotException e = assertThrows(SnapshotException.class, () -> reader.read(bytes(deep)));

        assertEquals(Kind.TOO_LARGE, e.kind());
        ValidationError error = single(e.errors());
        assertEquals("$", error.path());
        assertTrue(error.messageEn().matches("line 1, column \\d+: nested deeper than 32 levels of objects and arrays"),
                error.messageEn());
        assertNoJacksonInternals(e.getMessage());
    }

    @Test
    void numberWithTooManyDigitsIsTooLarge() {
        SnapshotException e = assertThrows(SnapshotException.class,
                () -> reader.read(bytes("{\"extra\": " + "9".repeat(2000) + "}")));

        assertEquals(Kind.TOO_LARGE, e.kind());
        assertNoJacksonInternals(e.getMessage());
    }

    @Test
    void numberWithAHugeExponentIsTooLarge() {
        SnapshotException e = assertThrows(SnapshotException.class,
                () -> reader.read(bytes("{\"extra\": 1e99999999999}")));

        assertEquals(Kind.TOO_LARGE, e.kind());
        assertTrue(e.getMessage().contains("a number is too large to read"), e.getMessage());
    }

    @Test
    void validateReportsMalformedInsteadOfThrowing() {
        List<ValidationError> errors = reader.validate(bytes("{"));

        assertEquals("$", single(errors).path());
    }

    // ---- invalid: one test per rule ------------------------------------------------------------

    @Test
    void documentMustBeAnObject() {
        assertSingleError(bytes("[1, 2]"), "$", "a snapshot must be a JSON object, got an array");
    }

    @Test
    void requiredFieldMissing() {
        assertSingleError(with(root -> facility(root, 1).remove("district")),
                "facilities[1].district", "is required but missing");
    }

    @Test
    void requiredFieldNull() {
        assertSingleError(with(root -> job(root, 0).putNull("name")), "jobs[0].name", "is required but null");
    }

    @Test
    void textWhereNumberExpectedIsWrongType() {
        assertSingleError(with(root -> formation(root, 0, 0).put("cap", "12")),
                "facilities[0].formations[0].cap", "must be a number, got text \"12\"");
    }

    @Test
    void numberWhereTextExpectedIsWrongType() {
        assertSingleError(with(root -> root.put("tenant", 6471)), "tenant", "must be a text, got a number 6471");
    }

    @Test
    void tenantIsARegionCodeOfTwoToSixDigits() {
        for (String bad : List.of("../..", "a/b", "1", "1234567", "64 71", "６４７１", "6471\n")) {
            assertSingleError(with(root -> root.put("tenant", bad)), "tenant",
                    "tenant " + SnapshotValidator.quote(bad) + " must be a region code of 2 to 6 digits, e.g. 6471");
        }
        for (String good : List.of("64", "6471", "647101")) {
            assertEquals(good, reader.read(with(root -> root.put("tenant", good))).tenant());
        }
    }

    @Test
    void objectWhereArrayExpectedIsWrongType() {
        assertSingleError(with(root -> root.putObject("jobs")), "jobs", "must be an array, got an object");
    }

    @Test
    void unreadableJobsAreNotReportedAgainAsUnknownReferences() {
        List<ValidationError> errors = reader.validate(with(root -> job(root, 1).put("code", 7)));

        assertEquals(List.of(new ValidationError("jobs[1].code", "must be a text, got a number 7")), errors);
    }

    @Test
    void fractionForAnIntegerFieldIsAnError() {
        assertSingleError(with(root -> formation(root, 0, 0).put("priority", 2.5)),
                "facilities[0].formations[0].priority", "must be a whole number, got 2.5");
    }

    @Test
    void unsupportedSchemaVersion() {
        assertSingleError(with(root -> root.put("schemaVersion", 2)),
                "schemaVersion", "schemaVersion 2 is not supported, only 1");
    }

    @Test
    void snapshotIdMustMatchItsPattern() {
        assertSingleError(with(root -> root.put("snapshotId", "balikpapan 2026/10")),
                "snapshotId", "snapshotId \"balikpapan 2026/10\" must be 1 to 64 of A-Z a-z 0-9 . _ -");
    }

    @Test
    void emptyTenantIsAnError() {
        assertSingleError(with(root -> root.put("tenant", " ")), "tenant", "must not be empty");
    }

    @Test
    void unknownEnumValue() {
        assertSingleError(with(root -> staff(root, 1).put("employment", "ASN")),
                "staff[1].employment", "\"ASN\" is not one of PNS, PPPK");
    }

    @Test
    void enumValuesAreCaseSensitive() {
        assertSingleError(with(root -> facility(root, 0).put("status", "open")),
                "facilities[0].status", "\"open\" is not one of OPEN, OPENING, CLOSING");
    }

    @Test
    void atLeastOneJob() {
        List<ValidationError> errors = reader.validate(with(root -> root.putArray("jobs")));

        assertTrue(errors.contains(new ValidationError("jobs", "must list at least one job, got an empty array")),
                errors.toString());
    }

    @Test
    void jobCodeMustMatchItsPattern() {
        List<ValidationError> errors = reader.validate(with(root -> job(root, 1).put("code", "perawat")));

        assertTrue(errors.contains(new ValidationError("jobs[1].code",
                "job code \"perawat\" must be 1 to 40 of A-Z 0-9 _")), errors.toString());
    }

    @Test
    void retirementAgeOutOfRange() {
        assertSingleError(with(root -> job(root, 0).put("retirementAge", 45)),
                "jobs[0].retirementAge", "retirementAge 45 is outside 50..70");
    }

    @Test
    void hugeNumberIsARangeError() {
        assertSingleError(with(root -> job(root, 0).put("retirementAge", new java.math.BigDecimal("1e400"))),
                "jobs[0].retirementAge", "retirementAge 1E+400 is outside 50..70");
    }

    @Test
    void duplicateJobCode() {
        assertSingleError(with(root -> ((ArrayNode) root.get("jobs")).add(job(root, 0).deepCopy().put("name", "Guru"))),
                "jobs[2].code", "duplicate job code \"GURU_KELAS_SD\", first at jobs[0].code");
    }

    @Test
    void duplicateFacilityId() {
        assertSingleError(with(root -> ((ArrayNode) root.get("facilities")).add(facility(root, 0).deepCopy())),
                "facilities[2].id", "duplicate facility id \"30401234\", first at facilities[0].id");
    }

    @Test
    void duplicateStaffIdDoesNotQuoteTheNip() {
        assertSingleError(with(root -> staff(root, 2).put("id", "198503122010011004")),
                "staff[2].id", "duplicate staff id, first at staff[0].id");
    }

    @Test
    void duplicateFormationForOneJob() {
        assertSingleError(with(root -> formations(root, 0).addObject()
                        .put("job", "GURU_KELAS_SD").put("cap", 1).put("minimum", 0).put("priority", 1)),
                "facilities[0].formations[1].job",
                "duplicate formation for job \"GURU_KELAS_SD\" in this facility,"
                        + " first at facilities[0].formations[0].job");
    }

    @Test
    void staffFacilityMustBeKnown() {
        assertSingleError(with(root -> staff(root, 0).put("facility", "30409999")),
                "staff[0].facility", "unknown facility \"30409999\"");
    }

    @Test
    void staffJobMustBeKnown() {
        assertSingleError(with(root -> staff(root, 1).put("job", "BIDAN")), "staff[1].job", "unknown job \"BIDAN\"");
    }

    @Test
    void alsoQualifiedForMustBeKnownJobs() {
        assertSingleError(with(root -> ((ArrayNode) staff(root, 0).get("alsoQualifiedFor")).add("GURU_PJOK")),
                "staff[0].alsoQualifiedFor[1]", "unknown job \"GURU_PJOK\"");
    }

    @Test
    void alsoQualifiedForMayRepeatTheOwnJob() {
        assertEquals(List.of(), reader.validate(with(root ->
                ((ArrayNode) staff(root, 0).get("alsoQualifiedFor")).add("GURU_KELAS_SD").add("PERAWAT"))));
    }

    @Test
    void formationJobMustBeKnown() {
        assertSingleError(with(root -> formation(root, 1, 0).put("job", "DOKTER")),
                "facilities[1].formations[0].job", "unknown job \"DOKTER\"");
    }

    @Test
    void minimumAboveCap() {
        assertSingleError(with(root -> formation(root, 0, 0).put("minimum", 12).put("cap", 10)),
                "facilities[0].formations[0].minimum", "minimum 12 is above cap 10");
    }

    @Test
    void negativeCap() {
        List<ValidationError> errors = reader.validate(with(root -> formation(root, 0, 0).put("cap", -1)));

        assertEquals(new ValidationError("facilities[0].formations[0].cap", "cap -1 is outside 0..100000"),
                single(errors));
    }

    @Test
    void priorityOutOfRange() {
        assertSingleError(with(root -> formation(root, 0, 0).put("priority", 0)),
                "facilities[0].formations[0].priority", "priority 0 is outside 1..5");
    }

    @Test
    void notADate() {
        assertSingleError(with(root -> root.put("asOf", "21-10-2026")),
                "asOf", "\"21-10-2026\" is not a date in the form YYYY-MM-DD");
    }

    @Test
    void notARealCalendarDate() {
        assertSingleError(with(root -> root.put("planningDate", "2027-02-30")),
                "planningDate", "\"2027-02-30\" is not a real calendar date");
    }

    @Test
    void dateOutOfYearRange() {
        assertSingleError(with(root -> staff(root, 1).put("contractEnd", "2300-01-01")),
                "staff[1].contractEnd", "\"2300-01-01\" is outside the years 1900..2200");
    }

    @Test
    void planningDateBeforeAsOf() {
        assertSingleError(with(root -> root.put("planningDate", "2026-01-01")),
                "planningDate", "planningDate 2026-01-01 is before asOf 2026-10-21");
    }

    @Test
    void facilityLatitudeOutOfRange() {
        assertSingleError(with(root -> ((ObjectNode) facility(root, 0).get("location")).put("lat", 91.5)),
                "facilities[0].location.lat", "lat 91.5 is outside -90..90");
    }

    @Test
    void homeLongitudeOutOfRangeDoesNotQuoteTheHome() {
        assertSingleError(with(root -> ((ObjectNode) staff(root, 0).get("home")).put("lon", 216.85)),
                "staff[0].home.lon", "lon is outside -180..180");
    }

    @Test
    void nipTooShort() {
        assertSingleError(with(root -> staff(root, 0).put("id", "19850312201001100")),
                "staff[0].id", "NIP must be 18 digits, got 17 characters \"1985…\"");
    }

    @Test
    void nipWithANonDigit() {
        assertSingleError(with(root -> staff(root, 0).put("id", "19850312201001100X")),
                "staff[0].id", "NIP must be 18 digits, got a character other than 0-9 in \"1985…\"");
    }

    @Test
    void nipAsJsonNumber() {
        assertSingleError(with(root -> staff(root, 0).put("id", 198503122010011004L)),
                "staff[0].id", "NIP must be 18 digits as text, got a JSON number 1985… (18 characters)");
    }

    @Test
    void pnsWithContractEnd() {
        assertSingleError(with(root -> staff(root, 0).put("contractEnd", "2030-01-01")),
                "staff[0].contractEnd", "contractEnd is only for PPPK, this person is PNS");
    }

    @Test
    void birthDateMustBeBeforePostedSince() {
        assertSingleError(with(root -> staff(root, 1).put("postedSince", "1989-01-01")
                        .put("firstPostingSince", "1989-01-01")),
                "staff[1].birthDate", "birthDate is not before postedSince 1989-01-01");
    }

    @Test
    void firstPostingSinceNotAfterPostedSince() {
        assertSingleError(with(root -> staff(root, 0).put("firstPostingSince", "2020-01-01")),
                "staff[0].firstPostingSince", "firstPostingSince 2020-01-01 is after postedSince 2019-07-01");
    }

    @Test
    void postedSinceNotAfterPlanningDate() {
        assertSingleError(with(root -> staff(root, 1).put("postedSince", "2027-03-01")),
                "staff[1].postedSince", "postedSince 2027-03-01 is after planningDate 2027-01-01");
    }

    @Test
    void ageAtAsOfOutOfRangeDoesNotQuoteTheBirthDate() {
        assertSingleError(with(root -> staff(root, 1).put("birthDate", "2015-01-01")),
                "staff[1].birthDate", "birthDate gives an age outside 15..80 years at asOf 2026-10-21");
    }

    @Test
    void badBirthDateIsNotQuoted() {
        assertSingleError(with(root -> staff(root, 1).put("birthDate", "1990-02-30")),
                "staff[1].birthDate", "birthDate is not a real calendar date");
    }

    @Test
    void emptyProtectedReason() {
        assertSingleError(with(root -> staff(root, 0).put("protected", "")),
                "staff[0].protected", "must be null or a reason text, got an empty text");
    }

    @Test
    void policyOutOfRange() {
        assertSingleError(with(root -> root.putObject("policy").put("moveCost", 100001)),
                "policy.moveCost", "moveCost 100001 is outside 0..100000");
    }

    @Test
    void maxMoveKmMustBePositive() {
        assertSingleError(with(root -> root.putObject("policy").put("maxMoveKm", 0)),
                "policy.maxMoveKm", "maxMoveKm 0 must be above 0 and at most 100000 (null means no limit)");
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        byte[] json = with(root -> {
            root.put("schemaVersion", "1");
            staff(root, 0).put("facility", "30409999");
            staff(root, 1).put("employment", "ASN");
            formation(root, 0, 0).put("minimum", 13);
            staff(root, 2).put("id", 196701151990031002L);
        });

        SnapshotException e = assertThrows(SnapshotException.class, () -> reader.read(json));

        assertEquals(Kind.INVALID, e.kind());
        assertEquals(List.of(
                new ValidationError("schemaVersion", "must be a number, got text \"1\""),
                new ValidationError("facilities[0].formations[0].minimum", "minimum 13 is above cap 12"),
                new ValidationError("staff[0].facility", "unknown facility \"30409999\""),
                new ValidationError("staff[1].employment", "\"ASN\" is not one of PNS, PPPK"),
                new ValidationError("staff[2].id",
                        "NIP must be 18 digits as text, got a JSON number 1967… (18 characters)")),
                e.errors());
        e.errors().forEach(SnapshotReaderTest::assertIndonesian);
        assertEquals("unit \"30409999\" tidak dikenal", e.errors().get(2).message());
        assertTrue(e.getMessage().startsWith("snapshot has 5 errors: schemaVersion: must be a number"), e.getMessage());
    }

    @Test
    void errorsStopAfterAThousandWithANote() {
        List<ValidationError> errors = reader.validate(with(root -> {
            ArrayNode jobs = (ArrayNode) root.get("jobs");
            for (int i = 0; i < 1100; i++) {
                jobs.addObject().put("code", "J" + i).put("name", "x").put("sector", "OTHER").put("retirementAge", 1);
            }
        }));

        assertEquals(1001, errors.size());
        errors.forEach(SnapshotReaderTest::assertIndonesian);
        assertEquals(new ValidationError("jobs[2].retirementAge", "retirementAge 1 is outside 50..70"), errors.get(0));
        assertEquals(new ValidationError("$", "more than 1000 errors; only the first 1000 are listed"), errors.get(1000));
    }

    @Test
    void messagesNeverCarryNamesOrBirthDates() {
        byte[] json = with(root -> {
            staff(root, 0).put("name", 5).put("birthDate", "12-03-1985");
            ((ObjectNode) staff(root, 0).get("home")).put("lat", "-1.2501");
            staff(root, 0).put("protected", 7);
            staff(root, 1).put("birthDate", 19900101).put("name", List.of().size());
        });

        List<ValidationError> errors = reader.validate(json);
        errors.forEach(SnapshotReaderTest::assertIndonesian);
        String all = errors + " " + errors.stream().map(ValidationError::message).toList();

        for (String personal : List.of("Siti", "Dewi", "1985", "1990", "-1.25")) {
            assertFalse(all.contains(personal), personal + " in " + all);
        }
        assertTrue(all.contains("staff[0].name: must be a text, got a number"), all);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void assertSingleError(byte[] json, String path, String message) {
        SnapshotException e = assertThrows(SnapshotException.class, () -> reader.read(json));
        assertEquals(Kind.INVALID, e.kind());
        assertEquals(List.of(new ValidationError(path, message)), e.errors());
        assertEquals(e.errors(), reader.validate(json));
        e.errors().forEach(SnapshotReaderTest::assertIndonesian);
    }

    /** Every message the reader gives has its own Bahasa Indonesia, not the notice for an unknown one. */
    static void assertIndonesian(ValidationError error) {
        assertTrue(Messages.known(error.messageEn()), "no Indonesian for: " + error.messageEn());
        assertFalse(error.message().equals(error.messageEn()), error.message());
    }

    private static void assertNoJacksonInternals(String message) {
        for (String internal : List.of("Jackson", "jackson", "`", "Feature", "StreamRead", "Source", "Exception")) {
            assertFalse(message.contains(internal), internal + " in " + message);
        }
    }

    private static ValidationError single(List<ValidationError> errors) {
        assertEquals(1, errors.size(), errors.toString());
        assertIndonesian(errors.get(0));
        return errors.get(0);
    }

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The valid snapshot with one change. */
    static byte[] with(Consumer<ObjectNode> change) {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(VALID);
        change.accept(root);
        return Json.MAPPER.writeValueAsBytes(root);
    }

    private static ObjectNode job(JsonNode root, int index) {
        return (ObjectNode) root.get("jobs").get(index);
    }

    private static ObjectNode facility(JsonNode root, int index) {
        return (ObjectNode) root.get("facilities").get(index);
    }

    private static ArrayNode formations(JsonNode root, int facility) {
        return (ArrayNode) facility(root, facility).get("formations");
    }

    private static ObjectNode formation(JsonNode root, int facility, int index) {
        return (ObjectNode) formations(root, facility).get(index);
    }

    private static ObjectNode staff(JsonNode root, int index) {
        return (ObjectNode) root.get("staff").get(index);
    }
}
