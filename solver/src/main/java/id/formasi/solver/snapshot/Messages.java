package id.formasi.solver.snapshot;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bahasa Indonesia for the English messages of the validator, the reader, pins and the API. The code writes
 * each message once, in English (tests and logs read that); this table gives the Indonesian the user reads
 * first. A message with no rule gets a plain Indonesian notice pointing to the English, never a mixed text.
 */
public final class Messages {

    /** The Indonesian for a message no rule knows; {@link #known} tells the two apart. */
    public static final String UNKNOWN = "isian ditolak; rinciannya dalam bahasa Inggris (messageEn)";

    private record Rule(Pattern en, String id) {
    }

    private static final Pattern AT_LINE = Pattern.compile("line (\\d+), column (\\d+): (.*)", Pattern.DOTALL);

    private static final List<Rule> RULES = List.of(
            // Fields of a snapshot or a request.
            rule("is required but missing", "wajib ada, tetapi tidak ada"),
            rule("is required but null", "wajib diisi, tetapi null"),
            rule("is required", "wajib diisi"),
            rule("must not be empty", "tidak boleh kosong"),
            rule("must be a text, got (.*)", "harus berupa teks, bukan {1}"),
            rule("must be a text", "harus berupa teks"),
            rule("must be a number, got (.*)", "harus berupa angka, bukan {1}"),
            rule("must be a whole number, the plan version you saw", "harus bilangan bulat: versi rencana yang Anda lihat"),
            rule("must be a whole number, got (\\S+)", "harus bilangan bulat, bukan {1}"),
            rule("must be an integer (\\S+)", "harus bilangan bulat {1}"),
            rule("must be an integer", "harus bilangan bulat"),
            rule("must be an array, got (.*)", "harus berupa larik (array), bukan {1}"),
            rule("must be an object, got (.*)", "harus berupa objek, bukan {1}"),
            rule("must be an object or null, got (.*)", "harus berupa objek atau null, bukan {1}"),
            rule("must be an object", "harus berupa objek"),
            rule("must be an object with lat and lon, got (.*)", "harus berupa objek dengan lat dan lon, bukan {1}"),
            rule("must be null or a reason text, got an empty text", "harus null atau teks alasan, bukan teks kosong"),
            rule("must be null or a reason text, got (.*)", "harus null atau teks alasan, bukan {1}"),
            rule("must be one of (.*), got (.*)", "harus salah satu dari {1}, bukan {2}"),
            rule("must be one of (.*)", "harus salah satu dari {1}"),
            rule("(\".*\") is not one of (.*)", "{1} bukan salah satu dari {2}"),
            rule("(\\S+) is not a date in the form YYYY-MM-DD", "{1} bukan tanggal berbentuk YYYY-MM-DD"),
            rule("(\\S+) is not a real calendar date", "{1} bukan tanggal yang ada di kalender"),
            rule("(\\S+) is outside the years (\\S+)", "{1} di luar tahun {2}"),
            rule("(\\w+) (\\S+) is outside (\\S+)", "{1} {2} di luar rentang {3}"),
            rule("(\\w+) is outside (\\S+)", "{1} di luar rentang {2}"),
            rule("must be an ISO date", "harus tanggal ISO (YYYY-MM-DD)"),
            rule("must match (\\S+) and not start with a dot", "harus sesuai pola {1} dan tidak diawali titik"),
            rule("must match (.*)", "harus sesuai pola {1}"),
            rule("must be 1\\.\\.(\\d+) seconds", "harus 1..{1} detik"),
            rule("must be 1\\.\\.(\\d+) bytes", "harus 1..{1} byte"),
            rule("is (\\d+) characters; at most (\\d+)", "panjangnya {1} karakter; paling banyak {2}"),
            rule("is required: the snapshotId written in the file", "wajib diisi: snapshotId yang tertulis di berkas"),
            rule("is required: the file's length in bytes", "wajib diisi: panjang berkas dalam byte"),
            rule("must be 1\\.\\.(\\d+) visible ASCII characters", "harus 1..{1} karakter ASCII yang terlihat"),
            // Snapshot rules.
            rule("a snapshot must be a JSON object, got (.*)", "snapshot harus berupa objek JSON, bukan {1}"),
            rule("more than (\\d+) errors; only the first (\\d+) are listed",
                    "lebih dari {1} kesalahan; hanya {2} yang pertama dicantumkan"),
            rule("snapshotId (\".*\") must be 1 to 64 of A-Z a-z 0-9 \\. _ -",
                    "snapshotId {1} harus 1-64 karakter A-Z a-z 0-9 . _ -"),
            rule("tenant (\".*\") must be a region code of 2 to 6 digits, e\\.g\\. (\\d+)",
                    "tenant {1} harus kode wilayah 2 sampai 6 digit, misalnya {2}"),
            rule("planningDate (\\S+) is before asOf (\\S+)", "planningDate {1} sebelum asOf {2}"),
            rule("must list at least one job, got an empty array", "harus memuat paling sedikit satu jabatan"),
            rule("job code (\".*\") must be 1 to 40 of A-Z 0-9 _", "kode jabatan {1} harus 1-40 karakter A-Z 0-9 _"),
            rule("duplicate job code (\".*\"), first at (.*)", "kode jabatan {1} ganda, pertama di {2}"),
            rule("duplicate facility id (\".*\"), first at (.*)", "kode unit {1} ganda, pertama di {2}"),
            rule("duplicate staff id, first at (.*)", "NIP ganda, pertama di {1}"),
            rule("duplicate formation for job (\".*\") in this facility, first at (.*)",
                    "formasi jabatan {1} ganda di unit ini, pertama di {2}"),
            rule("minimum (\\S+) is above cap (\\S+)", "kebutuhan minimum {1} melebihi formasi {2}"),
            rule("unknown facility (\".*\")", "unit {1} tidak dikenal"),
            rule("unknown job (\".*\")", "jabatan {1} tidak dikenal"),
            rule("birthDate is not before postedSince (\\S+)", "birthDate tidak sebelum postedSince {1}"),
            rule("firstPostingSince (\\S+) is after postedSince (\\S+)", "firstPostingSince {1} sesudah postedSince {2}"),
            rule("postedSince (\\S+) is after planningDate (\\S+)", "postedSince {1} sesudah planningDate {2}"),
            rule("birthDate gives an age outside (\\S+) years at asOf (\\S+)",
                    "birthDate memberi usia di luar {1} tahun pada asOf {2}"),
            rule("contractEnd is only for PPPK, this person is PNS", "contractEnd hanya untuk PPPK, pegawai ini PNS"),
            rule("maxMoveKm (\\S+) must be above 0 and at most (\\d+) \\(null means no limit\\)",
                    "maxMoveKm {1} harus di atas 0 dan paling besar {2} (null berarti tanpa batas)"),
            rule("schemaVersion (\\S+) is not supported, only (\\S+)", "schemaVersion {1} tidak didukung, hanya {2}"),
            rule("NIP must be (\\d+) digits as text, got a JSON number (.*) \\((\\d+) characters\\)",
                    "NIP harus {1} digit sebagai teks, bukan angka JSON {2} ({3} karakter)"),
            rule("NIP must be (\\d+) digits, got (\\d+) characters (\".*\")", "NIP harus {1} digit, tertulis {2} karakter {3}"),
            rule("NIP must be (\\d+) digits, got a character other than 0-9 in (\".*\")",
                    "NIP harus {1} digit, ada karakter selain 0-9 di {2}"),
            // Reading the document.
            rule("the document is empty", "dokumen kosong"),
            rule("the document is (\\d+) bytes, more than the limit of (\\d+) bytes",
                    "dokumen berukuran {1} byte, melebihi batas {2} byte"),
            rule("the file (.*) is (\\d+) bytes, more than the limit of (\\d+) bytes",
                    "berkas {1} berukuran {2} byte, melebihi batas {3} byte"),
            rule("cannot read the file (.*): it does not exist", "berkas {1} tidak dapat dibaca: tidak ada"),
            rule("cannot read the file (.*): permission denied", "berkas {1} tidak dapat dibaca: izin ditolak"),
            rule("cannot read the file (.*): it is a directory", "berkas {1} tidak dapat dibaca: itu sebuah folder"),
            rule("cannot read the file (.*): it cannot be read", "berkas {1} tidak dapat dibaca"),
            rule("a number is too large to read", "sebuah angka terlalu besar untuk dibaca"),
            rule("nested deeper than (\\d+) levels of objects and arrays",
                    "bersarang lebih dalam dari {1} tingkat objek dan larik"),
            rule("a number has more digits than the reader accepts", "sebuah angka memiliki terlalu banyak digit"),
            rule("a text is longer than the reader accepts", "sebuah teks terlalu panjang"),
            rule("a field name is longer than the reader accepts", "sebuah nama isian terlalu panjang"),
            rule("over a limit of the reader", "melewati batas pembaca"),
            rule("the document ends too early: a text, array or object is not closed",
                    "dokumen berakhir terlalu cepat: teks, larik atau objek belum ditutup"),
            rule("unexpected character (\\S+)(?: in a number)?: comments are not allowed in JSON",
                    "karakter {1} tidak terduga: komentar tidak diizinkan dalam JSON"),
            rule("unexpected character (\\S+) in a number(?:: .*)?", "karakter {1} tidak terduga dalam angka"),
            rule("unexpected character (\\S+)(?:: .*)?", "karakter {1} tidak terduga"),
            rule("duplicate field (\".*\")", "isian {1} ganda"),
            rule("unexpected word: .*", "kata tidak terduga: nilai harus teks dalam tanda kutip ganda, angka, objek,"
                    + " larik, true, false atau null"),
            rule("NaN and Infinity are not JSON numbers", "NaN dan Infinity bukan angka JSON"),
            rule("more content after the end of the document", "ada isi lain sesudah akhir dokumen"),
            rule("a control character .*", "karakter kendali (misalnya pindah baris) di dalam teks harus ditulis"
                    + " sebagai escape seperti \\n"),
            rule("not valid JSON", "bukan JSON yang sah"),
            // Pins, what-ifs and snapshot changes.
            rule("unknown staff id", "NIP tidak dikenal"),
            rule("this person leaves service before the planning date", "pegawai ini berhenti sebelum tanggal rencana"),
            rule("this person has no eligible formation at all", "pegawai ini tidak memenuhi syarat formasi mana pun"),
            rule("no formation named", "formasi tidak disebut"),
            rule("no formation (\\S+) at facility (\".*\")", "tidak ada formasi {1} di unit {2}"),
            rule("the person stays at their post by rule .*", "pegawai ini tetap di tempatnya menurut aturan"
                    + " (dilindungi atau belum minYearsAtPost di sana)"),
            rule("the person may not be placed at (\\S+) .*", "pegawai ini tidak boleh ditempatkan di {1} (bukan"
                    + " jabatan atau kualifikasinya, unit ditutup, atau melebihi maxMoveKm)"),
            rule("is pinned twice", "dipatok dua kali"),
            rule("needs staffId, facilityId and job(?: as texts)?", "memerlukan staffId, facilityId dan job"),
            rule("is not placed by this plan", "tidak ditempatkan oleh rencana ini"),
            rule("must be a non-empty array of changes", "harus berupa larik perubahan yang tidak kosong"),
            rule("is not in the snapshot", "tidak ada di snapshot"),
            rule("is not a facility of the snapshot", "bukan unit di snapshot ini"),
            rule("is not a well-formed staff value", "bukan data pegawai yang sah"),
            rule("is required for a new formation", "wajib diisi untuk formasi baru"),
            rule("is already in the snapshot", "sudah ada di snapshot"),
            rule("the changes are missing", "perubahan tidak ada"),
            rule("(\\d+) change\\(s\\) cannot be applied", "{1} perubahan tidak dapat diterapkan"),
            rule("(\\d+) pin\\(s\\) are not possible", "{1} patokan tidak mungkin"),
            // Requests to the API.
            rule("the plan request has (\\d+) error\\(s\\)", "permintaan rencana memuat {1} kesalahan"),
            rule("the pins request has (\\d+) error\\(s\\)", "permintaan patokan memuat {1} kesalahan"),
            rule("the change request has (\\d+) error\\(s\\)", "permintaan perubahan memuat {1} kesalahan"),
            rule("the decision has (\\d+) error\\(s\\)", "keputusan memuat {1} kesalahan"),
            rule("the import has (\\d+) error\\(s\\)", "impor memuat {1} kesalahan"),
            rule("the upload request has (\\d+) error\\(s\\)", "permintaan unggah memuat {1} kesalahan"),
            rule("the body is not valid UTF-8 \\(byte (\\d+)\\)", "badan permintaan bukan UTF-8 yang sah (byte ke-{1})"),
            rule("the request headers are larger than (\\d+) bytes", "header permintaan lebih besar dari {1} byte"),
            rule("the query is longer than (\\d+) characters", "kueri lebih panjang dari {1} karakter"),
            rule("the resolve request has errors", "permintaan hitung ulang memuat kesalahan"),
            rule("the what-if needs staffId, facilityId and job", "simulasi memerlukan staffId, facilityId dan job"),
            rule("the snapshot has (\\d+) validation error\\(s\\)", "snapshot memuat {1} kesalahan"),
            rule("the snapshot is too large", "snapshot terlalu besar"),
            rule("the snapshot is not a well-formed snapshot document", "snapshot bukan dokumen snapshot yang sah"),
            rule("a JSON body is required", "badan permintaan JSON wajib ada"),
            rule("the body is not well-formed JSON", "badan permintaan bukan JSON yang sah"),
            rule("the body must be a JSON object", "badan permintaan harus berupa objek JSON"),
            rule("the body is not valid base64", "badan permintaan bukan base64 yang sah"),
            rule("the body is larger than (\\d+) bytes", "badan permintaan lebih besar dari {1} byte"),
            rule("larger than (\\d+) bytes", "lebih besar dari {1} byte"),
            rule("the body must be one of (.*)", "badan permintaan harus salah satu dari {1}"),
            rule("a workbook \\(\\.xlsx\\) or a zip of CSV files is required",
                    "buku kerja (.xlsx) atau zip berkas CSV wajib ada"),
            rule("the body must be JSON \\(Content-Type: application/json\\)",
                    "badan permintaan harus JSON (Content-Type: application/json)"),
            rule("must be an array of \\{ staffId, facilityId, job \\}", "harus larik { staffId, facilityId, job }"),
            rule("is required \\(an empty array removes every pin\\)", "wajib ada (larik kosong menghapus semua patokan)"),
            rule("must be approve or reject", "harus approve atau reject"),
            rule("is required: the plan version you reviewed", "wajib ada: versi rencana yang Anda tinjau"),
            rule("give the snapshot inline, or the snapshotId of a stored one",
                    "sertakan snapshot secara langsung, atau snapshotId dari snapshot yang tersimpan"),
            rule("the snapshot id is too long to number; give a snapshotId",
                    "snapshotId terlalu panjang untuk diberi nomor; berikan snapshotId"),
            rule("give a snapshotId", "berikan snapshotId"),
            rule("used for another body", "sudah dipakai untuk badan permintaan lain"),
            rule("this Idempotency-Key was used within 24 hours for another request body; use a new key for a new"
                    + " request", "Idempotency-Key ini sudah dipakai dalam 24 jam untuk badan permintaan lain; pakai"
                    + " kunci baru untuk permintaan baru"),
            rule("a request with this Idempotency-Key is still being handled; try again shortly",
                    "permintaan dengan Idempotency-Key ini masih diproses; coba lagi sebentar lagi"),
            rule("no plan (.*)", "tidak ada rencana {1}"),
            rule("no snapshot (.*)", "tidak ada snapshot {1}"),
            rule("no asset (.*)", "tidak ada berkas {1}"),
            rule("no route (.*)", "tidak ada rute {1}"),
            rule("(\\S+) is not allowed on (\\S+); use (.*)", "{1} tidak diizinkan pada {2}; gunakan {3}"),
            rule("plan (\\S+): its stored data was damaged and has been set aside .*",
                    "data tersimpan rencana {1} rusak dan telah disisihkan (quarantine/ di folder data); hitung ulang"
                    + " atau kirim lagi"),
            rule("plan (\\S+) has no solved document \\(status (\\S+)\\)",
                    "rencana {1} belum punya dokumen hasil (status {2})"),
            rule("plan (\\S+) is (\\S+); only a QUEUED or SOLVING plan can be stopped",
                    "rencana {1} berstatus {2}; hanya rencana QUEUED atau SOLVING yang dapat dihentikan"),
            rule("plan (\\S+) is (\\S+); an approved plan is kept as the record of the decision",
                    "rencana {1} berstatus {2}; rencana yang disetujui disimpan sebagai catatan keputusan"),
            rule("plan (\\S+) is (\\S+); stop it first \\(POST (\\S+)\\)", "rencana {1} berstatus {2}; hentikan dulu"
                    + " (POST {3})"),
            rule("plan (\\S+) is STALE: a later snapshot replaced its data.*",
                    "rencana {1} usang: snapshot yang lebih baru menggantikan datanya; tinjau rencana untuk data baru"),
            rule("plan (\\S+) is STALE: snapshot (\\S+) \\(version (\\S+)\\) replaced its data.*",
                    "rencana {1} usang: snapshot {2} (versi {3}) menggantikan datanya; tinjau rencana untuk data baru"),
            rule("plan (\\S+) is (\\S+); resolve it to plan anew", "rencana {1} berstatus {2}; hitung ulang untuk"
                    + " merencanakan kembali"),
            rule("plan (\\S+) is (\\S+); only a SOLVED plan can be decided",
                    "rencana {1} berstatus {2}; hanya rencana SOLVED yang dapat diputuskan"),
            rule("plan (\\S+) is at version (\\S+), not (\\S+); reload it and review again",
                    "rencana {1} ada di versi {2}, bukan {3}; muat ulang dan tinjau lagi"),
            rule("plan (\\S+) changed meanwhile; reload it and try again",
                    "rencana {1} berubah sementara itu; muat ulang dan coba lagi"),
            rule("the snapshot of plan (\\S+) has changed since; plan the new one",
                    "snapshot rencana {1} sudah berubah; buat rencana untuk snapshot baru"),
            rule("snapshot (\\S+) exists with other content; a changed snapshot needs a new snapshotId",
                    "snapshot {1} sudah ada dengan isi lain; snapshot yang berubah memerlukan snapshotId baru"),
            rule("snapshot (\\S+) exists already", "snapshot {1} sudah ada"),
            rule("snapshot (\\S+) is taken; a new snapshot needs a snapshotId of its own",
                    "snapshot {1} sudah dipakai; snapshot baru memerlukan snapshotId sendiri"),
            rule("the snapshot is of tenant (\\S+), the request is for tenant (\\S+)",
                    "snapshot ini milik tenant {1}, permintaan ini untuk tenant {2}"),
            rule("the token names no tenant \\(claim (\\S+)\\)", "token tidak menyebut tenant (klaim {1})"),
            rule("the token's tenant \\(claim (\\S+)\\) must be a region code of 2 to 6 digits, e\\.g\\. (\\d+)",
                    "tenant pada token (klaim {1}) harus kode wilayah 2 sampai 6 digit, misalnya {2}"),
            rule("X-Formasi-Tenant must be a region code of 2 to 6 digits, e\\.g\\. (\\d+)",
                    "X-Formasi-Tenant harus kode wilayah 2 sampai 6 digit, misalnya {1}"),
            rule("snapshot (\\S+) is being written", "snapshot {1} sedang ditulis"),
            rule("snapshot (\\S+) is stored under another key", "snapshot {1} tersimpan dengan kunci lain"),
            rule("snapshot (\\S+) version (\\S+) is gone", "snapshot {1} versi {2} sudah tidak ada"));

    private Messages() {
    }

    /** The Bahasa Indonesia of an English message. */
    public static String indonesian(String en) {
        Matcher at = AT_LINE.matcher(en);
        if (at.matches()) {
            return "baris " + at.group(1) + ", kolom " + at.group(2) + ": " + indonesian(at.group(3));
        }
        for (Rule rule : RULES) {
            Matcher m = rule.en().matcher(en);
            if (m.matches()) {
                String id = rule.id();
                for (int i = m.groupCount(); i >= 1; i--) {
                    String group = m.group(i) == null ? "" : m.group(i);
                    id = id.replace("bukan {" + i + "}", "bukan " + value(group)).replace("{" + i + "}", group);
                }
                return id;
            }
        }
        return UNKNOWN;
    }

    /** The validator's "got ..." description of a JSON value. */
    private static String value(String en) {
        for (String[] word : VALUE_WORDS) {
            if (en.equals(word[0]) || en.startsWith(word[0] + " ")) {
                return word[1] + en.substring(word[0].length());
            }
        }
        return en;
    }

    private static final String[][] VALUE_WORDS = {{"a text", "teks"}, {"text", "teks"}, {"a number", "angka"},
        {"an array", "larik"}, {"an object", "objek"}, {"an empty text", "teks kosong"}};

    /** Whether a rule gives {@code en} its own Indonesian. */
    public static boolean known(String en) {
        return !indonesian(en).endsWith(UNKNOWN);
    }

    private static Rule rule(String en, String id) {
        return new Rule(Pattern.compile(en, Pattern.DOTALL), id);
    }
}
