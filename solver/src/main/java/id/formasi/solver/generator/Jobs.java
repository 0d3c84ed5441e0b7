package id.formasi.solver.generator;

import id.formasi.solver.snapshot.Job;
import id.formasi.solver.snapshot.Sector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The job catalogue (docs/domain.md) and the per-job facts the generator draws people from. */
final class Jobs {

    /**
     * @param priority      weight of an unfilled minimum position: core service higher
     * @param femaleShare   share of women in the job
     * @param pppkShare     share of PPPK (contract) staff in the job
     * @param startAge      youngest age at the first posting; the oldest is {@code startAge + 12}
     * @param alsoQualified jobs a few of them are also qualified for (dual certification, retraining)
     */
    record Spec(Job job, int priority, double femaleShare, double pppkShare, int startAge, List<String> alsoQualified) {
        String code() {
            return job.code();
        }
    }

    static final String GURU_KELAS_SD = "GURU_KELAS_SD";
    static final String GURU_PAI = "GURU_PAI";
    static final String GURU_PJOK = "GURU_PJOK";
    static final String GURU_BAHASA_INDONESIA = "GURU_BAHASA_INDONESIA";
    static final String GURU_MATEMATIKA = "GURU_MATEMATIKA";
    static final String GURU_IPA = "GURU_IPA";
    static final String GURU_IPS = "GURU_IPS";
    static final String GURU_BAHASA_INGGRIS = "GURU_BAHASA_INGGRIS";
    static final String GURU_BK = "GURU_BK";
    static final String GURU_INFORMATIKA = "GURU_INFORMATIKA";
    static final String GURU_PPKN = "GURU_PPKN";
    static final String DOKTER = "DOKTER";
    static final String DOKTER_GIGI = "DOKTER_GIGI";
    static final String PERAWAT = "PERAWAT";
    static final String BIDAN = "BIDAN";
    static final String PROMKES = "PROMKES";
    static final String SANITARIAN = "SANITARIAN";
    static final String NUTRISIONIS = "NUTRISIONIS";
    static final String ATLM = "ATLM";
    static final String APOTEKER = "APOTEKER";
    static final String DOKTER_SPESIALIS = "DOKTER_SPESIALIS";

    /** In the order they appear in a snapshot. */
    static final List<Spec> ALL = List.of(
            teacher(GURU_KELAS_SD, "Guru Kelas SD", 5, 0.80, 0.40, List.of(GURU_PJOK)),
            teacher(GURU_PAI, "Guru Pendidikan Agama Islam", 4, 0.55, 0.40, List.of()),
            teacher(GURU_PJOK, "Guru Pendidikan Jasmani, Olahraga dan Kesehatan", 3, 0.25, 0.40, List.of(GURU_KELAS_SD)),
            teacher(GURU_BAHASA_INDONESIA, "Guru Bahasa Indonesia", 4, 0.75, 0.35, List.of()),
            teacher(GURU_MATEMATIKA, "Guru Matematika", 4, 0.60, 0.35, List.of(GURU_INFORMATIKA)),
            teacher(GURU_IPA, "Guru Ilmu Pengetahuan Alam", 4, 0.65, 0.35, List.of(GURU_MATEMATIKA)),
            teacher(GURU_IPS, "Guru Ilmu Pengetahuan Sosial", 3, 0.65, 0.35, List.of(GURU_PPKN)),
            teacher(GURU_BAHASA_INGGRIS, "Guru Bahasa Inggris", 3, 0.75, 0.35, List.of()),
            teacher(GURU_BK, "Guru Bimbingan dan Konseling", 3, 0.75, 0.45, List.of()),
            teacher(GURU_INFORMATIKA, "Guru Informatika", 2, 0.50, 0.55, List.of(GURU_MATEMATIKA)),
            teacher(GURU_PPKN, "Guru Pendidikan Pancasila dan Kewarganegaraan", 3, 0.60, 0.35, List.of(GURU_IPS)),
            health(DOKTER, "Dokter", 60, 5, 0.60, 0.20, 25, List.of()),
            health(DOKTER_GIGI, "Dokter Gigi", 60, 3, 0.70, 0.25, 25, List.of()),
            health(PERAWAT, "Perawat", 58, 4, 0.70, 0.35, 22, List.of()),
            health(BIDAN, "Bidan", 58, 4, 1.00, 0.40, 21, List.of(PERAWAT)),
            health(PROMKES, "Penyuluh Kesehatan Masyarakat", 58, 2, 0.60, 0.40, 23, List.of(NUTRISIONIS)),
            health(SANITARIAN, "Sanitarian", 58, 2, 0.50, 0.40, 22, List.of(PROMKES)),
            health(NUTRISIONIS, "Nutrisionis", 58, 2, 0.85, 0.40, 22, List.of(PROMKES)),
            health(ATLM, "Ahli Teknologi Laboratorium Medik", 58, 3, 0.70, 0.35, 22, List.of()),
            health(APOTEKER, "Apoteker", 60, 3, 0.75, 0.30, 24, List.of()),
            health(DOKTER_SPESIALIS, "Dokter Spesialis", 65, 5, 0.50, 0.10, 30, List.of()));

    private static final Map<String, Spec> BY_CODE = new HashMap<>();

    static {
        for (Spec spec : ALL) {
            BY_CODE.put(spec.code(), spec);
        }
    }

    private Jobs() {
    }

    static Spec spec(String code) {
        Spec spec = BY_CODE.get(code);
        if (spec == null) {
            throw new IllegalArgumentException("unknown job " + code);
        }
        return spec;
    }

    /** Teachers retire at 60 (UU 14/2005 ps 30(4)) and start at 22 or later. */
    private static Spec teacher(String code, String name, int priority, double female, double pppk, List<String> also) {
        return new Spec(new Job(code, name, Sector.EDUCATION, 60), priority, female, pppk, 22, also);
    }

    private static Spec health(String code, String name, int bup, int priority, double female, double pppk,
                               int startAge, List<String> also) {
        return new Spec(new Job(code, name, Sector.HEALTH, bup), priority, female, pppk, startAge, also);
    }
}
