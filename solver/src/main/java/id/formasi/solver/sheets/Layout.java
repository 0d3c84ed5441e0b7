package id.formasi.solver.sheets;

import java.util.List;
import java.util.Locale;

/**
 * The sheets of the import contract (docs/import-format.md) and their columns, with the headers other
 * exports print for the same column (SIASN, Dapodik, e-Formasi). Shared by the importer, the template
 * and the writers, so that what is written is what is read.
 */
final class Layout {

    /**
     * A column.
     *
     * @param name     the contract's header
     * @param aliases  other headers read as this column
     * @param required whether the sheet must have it (a cell may still be empty where the contract allows)
     * @param personal whether its values are personal data, never quoted back in a message
     * @param hint     what goes there, for the template's header comment: Bahasa Indonesia, then English
     */
    record Column(String name, List<String> aliases, boolean required, boolean personal, String hint) {

        boolean matches(String header) {
            String key = normalize(header);
            return key.equals(normalize(name)) || aliases.stream().anyMatch(a -> key.equals(normalize(a)));
        }
    }

    record Sheet(String name, List<Column> columns) {

        int index(String column) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(column)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no column " + column + " in " + name);
        }
    }

    static final Sheet JABATAN = new Sheet("jabatan", List.of(
            column("kode", true, "Kode jabatan: A-Z, 0-9, _ (mis. GURU_KELAS_SD). / Job code: A-Z, 0-9, _.",
                    "kode jabatan", "kode_jabatan"),
            column("nama", true, "Nama jabatan. / Job name.", "nama jabatan"),
            column("sektor", true, "PENDIDIKAN, KESEHATAN atau LAINNYA. / Sector: EDUCATION, HEALTH or OTHER."),
            column("bup", true, "Batas usia pensiun, tahun (50-70). / Retirement age in years (50-70).",
                    "batas usia pensiun")));

    static final Sheet UNIT = new Sheet("unit", List.of(
            column("id", true, "Kode unit yang unik, mis. NPSN atau kode puskesmas. / Unique facility id.",
                    "npsn", "kode unit", "id unit", "kode"),
            column("nama", true, "Nama unit. / Facility name.", "nama unit", "nama sekolah", "nama satuan pendidikan"),
            column("jenis", true, "Jenis unit, mis. SD, SMP, PUSKESMAS. / Kind of facility.",
                    "bentuk pendidikan", "jenis unit"),
            column("kecamatan", true, "Kecamatan. / District.", "kec"),
            column("lat", true, "Lintang, desimal (mis. -1,2667). / Latitude, decimal.", "lintang", "latitude"),
            column("lon", true, "Bujur, desimal (mis. 116,8333). / Longitude, decimal.", "bujur", "longitude"),
            column("status", false, "BUKA, BARU atau TUTUP; kosong = BUKA. / OPEN, OPENING or CLOSING; empty = OPEN.",
                    "status unit")));

    static final Sheet FORMASI = new Sheet("formasi", List.of(
            column("unit", true, "Kode unit dari lembar unit. / Facility id from the unit sheet.",
                    "id unit", "kode unit", "npsn"),
            column("jabatan", true, "Kode jabatan dari lembar jabatan. / Job code from the jabatan sheet.",
                    "kode jabatan"),
            column("formasi", true, "Jumlah formasi (batas atas). / Authorized positions (cap).",
                    "jumlah formasi", "kuota"),
            column("kebutuhan", true, "Kebutuhan minimum pegawai, 0 sampai formasi. / Minimum staff, 0..cap.",
                    "kebutuhan minimum", "kebutuhan pegawai"),
            column("prioritas", true, "Prioritas 1-5 (5 paling penting). / Priority 1-5 (5 most important).")));

    static final Sheet PEGAWAI = new Sheet("pegawai", List.of(
            column("nip", true, "NIP 18 digit sebagai Teks, bukan angka. / 18-digit NIP as Text, not a number.",
                    "nip baru", "nip/ni pppk", "ni pppk"),
            personal("nama", true, "Nama pegawai. / Name.", "nama pegawai", "nama lengkap"),
            column("status_kepegawaian", true, "PNS atau PPPK. / Employment: PNS or PPPK.",
                    "jenis pegawai", "status pegawai"),
            column("jabatan", true, "Kode jabatan (atau nama jabatan dari lembar jabatan). / Job code (or its name).",
                    "kode jabatan", "jabatan nama", "nama jabatan"),
            column("kualifikasi_lain", false, "Kode jabatan lain yang juga bisa diisi, pisahkan dengan , atau ;."
                    + " / Other job codes this person is qualified for."),
            column("unit", true, "Kode unit tempat bertugas sekarang. / Current facility id.",
                    "unit kerja", "unor", "id unit", "kode unit"),
            personal("tanggal_lahir", true, "Tanggal lahir, mis. 21/10/1975. / Birth date, day first.",
                    "tgl lahir", "tanggal lahir"),
            column("tmt_unit", true, "Sejak kapan di unit ini, mis. 01/07/2019. / Posted here since.",
                    "tmt jabatan"),
            column("tmt_pertama", true, "Tanggal penempatan pertama. / First posting.", "tmt cpns"),
            column("akhir_kontrak", false, "Akhir perjanjian kerja PPPK; kosong untuk PNS. / PPPK contract end.",
                    "akhir perjanjian kerja"),
            personal("lat_rumah", false, "Lintang rumah, boleh kosong. / Home latitude, may be empty.",
                    "lintang rumah"),
            personal("lon_rumah", false, "Bujur rumah, boleh kosong. / Home longitude, may be empty.",
                    "bujur rumah"),
            personal("dilindungi", false, "Alasan tidak dipindah (mis. tugas belajar); kosong = tidak."
                    + " / Why this person stays; empty = not protected.")));

    static final Sheet SNAPSHOT = keyValue("snapshot",
            "snapshotId, tenant, asOf atau planningDate. / snapshotId, tenant, asOf or planningDate.");

    static final Sheet KEBIJAKAN = keyValue("kebijakan",
            "Nama kolom policy dari snapshot, mis. maxMoveKm. / A policy field by its snapshot name.");

    /** The four data sheets, in the order they are read and reported. */
    static final List<Sheet> DATA = List.of(JABATAN, UNIT, FORMASI, PEGAWAI);
    static final List<Sheet> ALL = List.of(JABATAN, UNIT, FORMASI, PEGAWAI, SNAPSHOT, KEBIJAKAN);

    private Layout() {
    }

    /** Case-insensitive, ignoring spaces, {@code _}, {@code -} and {@code .}: "Tanggal Lahir" is "tanggallahir". */
    static String normalize(String header) {
        StringBuilder key = new StringBuilder(header.length());
        for (char c : header.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c != ' ' && c != '_' && c != '-' && c != '.' && c != '\u00a0' && c != '\t') {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static Column column(String name, boolean required, String hint, String... aliases) {
        return new Column(name, List.of(aliases), required, false, hint);
    }

    private static Column personal(String name, boolean required, String hint, String... aliases) {
        return new Column(name, List.of(aliases), required, true, hint);
    }

    private static Sheet keyValue(String name, String keyHint) {
        return new Sheet(name, List.of(column("kunci", true, keyHint, "key"),
                column("nilai", true, "Nilainya. / Its value.", "value")));
    }
}
