package id.formasi.solver.sheets;

import id.formasi.solver.snapshot.Messages;
import id.formasi.solver.snapshot.ValidationError;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The snapshot validator's errors (English) as import errors: the same English, and Bahasa Indonesia for
 * the rules a spreadsheet can break in the sheets' own words; anything else as {@link Messages} has it.
 */
final class ValidatorMessages {

    private record Rule(Pattern en, String id) {
    }

    private static final List<Rule> RULES = List.of(
            rule("is required but (missing|null)", "wajib diisi, tetapi kosong"),
            rule("must not be empty", "tidak boleh kosong"),
            rule("unknown job (\".*\")", "jabatan $1 tidak ada di lembar jabatan"),
            rule("unknown facility (\".*\")", "unit $1 tidak ada di lembar unit"),
            rule("duplicate job code (\".*\"), first at (.*)", "kode jabatan $1 ganda, pertama di $2"),
            rule("duplicate facility id (\".*\"), first at (.*)", "kode unit $1 ganda, pertama di $2"),
            rule("duplicate staff id, first at (.*)", "NIP ganda, pertama di $1"),
            rule("duplicate formation for job (\".*\") in this facility, first at (.*)",
                    "formasi jabatan $1 ganda di unit ini, pertama di $2"),
            rule("minimum (\\S+) is above cap (\\S+)", "kebutuhan $1 melebihi formasi $2"),
            rule("must be a whole number, got (\\S+)", "harus bilangan bulat, bukan $1"),
            rule("(\\w+) (\\S+) is outside (\\S+)", "$1 $2 di luar rentang $3"),
            rule("(\\w+) is outside (\\S+)", "$1 di luar rentang $2"),
            rule("job code (\".*\") must be 1 to 40 of A-Z 0-9 _", "kode jabatan $1 harus 1-40 karakter A-Z 0-9 _"),
            rule("snapshotId (\".*\") must be 1 to 64 of A-Z a-z 0-9 \\. _ -",
                    "snapshotId $1 harus 1-64 karakter A-Z a-z 0-9 . _ -"),
            rule("NIP must be 18 digits, got (\\d+) characters (\".*\")", "NIP harus 18 digit, tertulis $1 karakter $2"),
            rule("NIP must be 18 digits, got a character other than 0-9 in (\".*\")",
                    "NIP harus 18 digit, ada karakter selain 0-9 di $1"),
            rule("planningDate (\\S+) is before asOf (\\S+)", "planningDate $1 sebelum asOf $2"),
            rule("birthDate is not before postedSince (\\S+)", "tanggal lahir tidak sebelum tmt_unit $1"),
            rule("firstPostingSince (\\S+) is after postedSince (\\S+)", "tmt_pertama $1 sesudah tmt_unit $2"),
            rule("postedSince (\\S+) is after planningDate (\\S+)", "tmt_unit $1 sesudah planningDate $2"),
            rule("birthDate gives an age outside (\\S+) years at asOf (\\S+)",
                    "tanggal lahir memberi usia di luar $1 tahun pada asOf $2"),
            rule("contractEnd is only for PPPK, this person is PNS", "akhir_kontrak hanya untuk PPPK, pegawai ini PNS"),
            rule("must list at least one job, got an empty array", "lembar jabatan harus berisi paling sedikit satu"
                    + " jabatan"),
            rule("(.*) is outside the years (\\S+)", "$1 di luar tahun $2"),
            rule("maxMoveKm (\\S+) must be above 0 and at most (\\d+) \\(null means no limit\\)",
                    "maxMoveKm $1 harus di atas 0 dan paling besar $2 (null = tanpa batas)"));

    private static final List<String> CALL_FIELDS = List.of("snapshotId", "tenant", "asOf", "planningDate");

    private ValidatorMessages() {
    }

    private static final Pattern FIRST_AT = Pattern.compile("first at (\\S+)$");

    /**
     * @param cellOf the cell of a snapshot path: the error's own, and the first occurrence a duplicate names
     */
    static ImportError toImport(ValidationError error, UnaryOperator<String> cellOf) {
        String cell = cellOf.apply(error.path());
        String en = error.messageEn();
        Matcher first = FIRST_AT.matcher(en);
        if (first.find() && cellOf.apply(first.group(1)) != null) {
            en = en.substring(0, first.start(1)) + cellOf.apply(first.group(1));
        }
        if (cell == null && CALL_FIELDS.contains(error.path()) && en.startsWith("is required")) {
            return new ImportError(null, error.path(), error.path() + " tidak ada: tambahkan baris " + error.path()
                    + " di lembar snapshot atau berikan nilainya pada perintah", error.path() + " is missing: add a "
                    + error.path() + " row to the snapshot sheet or give it with the command or request");
        }
        for (Rule rule : RULES) {
            Matcher m = rule.en().matcher(en);
            if (m.matches()) {
                return new ImportError(cell, error.path(), m.replaceFirst(rule.id()), en);
            }
        }
        return new ImportError(cell, error.path(), Messages.indonesian(en), en);
    }

    private static Rule rule(String en, String id) {
        return new Rule(Pattern.compile(en), id);
    }
}
