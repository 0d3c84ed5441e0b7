package id.formasi.solver.plan;

import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.domain.Unplaceable;
import id.formasi.solver.exact.CoreLevels;
import id.formasi.solver.plan.PlanDocument.Certificate;
import id.formasi.solver.plan.PlanDocument.FormationResult;
import id.formasi.solver.rules.Leaving;
import id.formasi.solver.rules.Problem;
import id.formasi.solver.snapshot.FacilityStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The plan's sentences, Bahasa Indonesia first, English second. Names people by nothing personal. */
final class Reasons {

    private Reasons() {
    }

    static Text move(Placement placement, Problem problem, Map<Post, Integer> placed) {
        Post target = placement.getPost();
        int targetCurrent = problem.currentCount().getOrDefault(target, 0);
        int targetAfter = placed.getOrDefault(target, 0);
        String targetFigures = figures(target, targetCurrent, targetAfter);
        long km = placement.kmTo(target);
        String why;
        String whyEn;
        if (placement.getCurrent() == null) {
            why = "unit asal tidak punya formasi " + placement.getStaff().job() + ", jadi harus ditempatkan";
            whyEn = "the current facility has no formation for " + placement.getStaff().job() + ", so the person must be placed";
        } else if (placement.getCurrentFacility().status() == FacilityStatus.CLOSING) {
            why = "unit asal ditutup, semua pegawai harus pindah";
            whyEn = "the current facility is closing, everyone must move";
        } else if (targetAfter <= target.getMinimum()) {
            why = "mengisi kekurangan " + target.getJob().name() + " di " + target.getFacility().name()
                    + " (prioritas " + target.getPriority() + ")";
            whyEn = "fills a shortage of " + target.getJob().name() + " at " + target.getFacility().name()
                    + " (priority " + target.getPriority() + ")";
        } else {
            why = "menyeimbangkan formasi dalam batas formasi tujuan";
            whyEn = "rebalances staff within the destination's cap";
        }
        if (!placement.getStaff().job().equals(target.getJob().code())) {
            // The job's name where the plan knows it (a formation of it at the current facility), else its code.
            String from = placement.getCurrent() == null ? placement.getStaff().job() : placement.getCurrent().getJob().name();
            why += "; alih fungsi dari " + from + " ke " + target.getJob().name();
            whyEn += "; retraining from " + from + " to " + target.getJob().name();
        }
        String source = "";
        String sourceEn = "";
        if (placement.getCurrent() != null) {
            Post from = placement.getCurrent();
            String fromFigures = figures(from, problem.currentCount().getOrDefault(from, 0), placed.getOrDefault(from, 0));
            source = "; asal " + placement.getCurrentFacility().name() + " " + fromFigures;
            sourceEn = "; source " + placement.getCurrentFacility().name() + " " + fromFiguresEn(fromFigures);
            if (placed.getOrDefault(from, 0) < from.getMinimum() && from.getPriority() <= target.getPriority()) {
                // Same or lower priority at the source: the move shares the gap instead of leaving it whole.
                source += ", turun di bawah minimum agar kekurangan terbagi lebih merata";
                sourceEn += ", falls below its minimum so that the gap is shared more evenly";
            }
        }
        return new Text(
                capitalize(why) + ". Tujuan " + targetFigures + source + "; jarak " + km + " km.",
                capitalize(whyEn) + ". Destination " + fromFiguresEn(targetFigures) + sourceEn + "; " + km + " km.");
    }

    /** "12 -> 11 (minimum 10, formasi 12)": people before and after the plan against minimum and cap. */
    private static String figures(Post post, int before, int after) {
        return before + " → " + after + " (minimum " + post.getMinimum() + ", formasi " + post.getCap() + ")";
    }

    private static String fromFiguresEn(String figures) {
        return figures.replace("formasi", "cap");
    }

    static Text leaving(Leaving person) {
        return switch (person.reason()) {
            case RETIREMENT -> new Text("Pensiun (BUP) per " + person.date(), "Retires (BUP) on " + person.date());
            case CONTRACT_END -> new Text("Kontrak PPPK berakhir " + person.date(),
                    "PPPK contract ends on " + person.date());
        };
    }

    static Text unplaceable(Unplaceable unplaceable) {
        String job = unplaceable.staff().job();
        return new Text(
                "Tidak ada formasi " + job + " (atau jabatan lain yang sesuai kualifikasinya) di unit yang buka"
                        + " dalam jangkauan; pegawai tetap di tempat dan perlu keputusan manual",
                "No formation for " + job + " (or another job they are qualified for) at an open facility within"
                        + " reach; the person stays where they are and needs a manual decision");
    }

    static Text noRoom(Placement placement) {
        String why = placement.getCurrent() == null ? "unit asal tidak punya formasi " + placement.getStaff().job()
                : "unit asal ditutup";
        String whyEn = placement.getCurrent() == null ? "the current facility has no formation for " + placement.getStaff().job()
                : "the current facility is closing";
        return new Text(
                "Harus pindah (" + why + "), tetapi tidak ada formasi yang sesuai dengan ruang dalam jangkauan;"
                        + " tetap di tempat dan perlu keputusan manual",
                "Must move (" + whyEn + "), but no eligible formation within reach has room; stays where they are"
                        + " and needs a manual decision");
    }

    static Text unfilled(Post post, Candidates candidates) {
        if (post.getFacility().status() == FacilityStatus.CLOSING) {
            return new Text("Unit ditutup: tidak ada yang boleh ditempatkan di sini",
                    "The facility is closing: nobody may be placed here");
        }
        int eligible = candidates.unfilled(post).eligible();
        int needed = candidates.unfilled(post).needed();
        if (eligible == 0) {
            return new Text("Tidak ada pegawai yang memenuhi syarat dan bisa dipindah dalam jangkauan"
                            + " (yang ada terkunci: dilindungi, masa kerja di unit kurang dari minimum, atau disematkan)",
                    "No eligible staff who may move within reach"
                            + " (the others are fixed: protected, too short at their post, or pinned)");
        }
        if (needed == eligible) {
            return new Text("Semua " + eligible + " pegawai yang memenuhi syarat dan bisa dipindah dibutuhkan di"
                            + " formasi yang juga belum atau pas memenuhi minimum, dengan prioritas sama atau lebih"
                            + " tinggi; memindahkan mereka hanya memindahkan kekurangan",
                    "All " + eligible + " eligible staff who may move are needed at formations that are at or below"
                            + " their own minimum, of equal or higher priority; moving them would only move the"
                            + " shortage");
        }
        return new Text(eligible + " pegawai memenuhi syarat dan bisa dipindah; " + needed
                        + " di antaranya dibutuhkan di formasi dengan prioritas sama atau lebih tinggi, yang lain"
                        + " terlalu jauh atau lebih berguna di tempatnya (keadilan antar unit, biaya mutasi)",
                eligible + " eligible staff may move; " + needed
                        + " of them are needed at formations of equal or higher priority, the others are too far or"
                        + " worth more where they are (fairness between facilities, move cost)");
    }

    static Text overCap(Post post, Candidates candidates, int after) {
        int fixed = candidates.holders(post).fixed();
        return new Text(
                after + " pegawai untuk formasi " + post.getCap() + "; " + fixed
                        + " di antaranya terkunci di sini dan tidak ada formasi lain yang sesuai dengan ruang",
                after + " staff for a cap of " + post.getCap() + "; " + fixed
                        + " of them are fixed here and no other eligible formation has room");
    }

    static Text surplus(Post post, Candidates candidates, int after) {
        int excess = after - post.getMinimum();
        int fixed = candidates.holders(post).fixed();
        int couldFillAShortage = candidates.holders(post).couldFillAShortage();
        if (fixed >= after) {
            return new Text(excess + " di atas kebutuhan minimum; semua " + after
                            + " pegawai di sini terkunci (dilindungi, kurang dari masa minimum di unit, atau disematkan)",
                    excess + " above the minimum need; all " + after
                            + " staff here are fixed (protected, too short at their post, or pinned)");
        }
        if (couldFillAShortage == 0) {
            return new Text(excess + " di atas kebutuhan minimum (" + fixed + " terkunci); tidak ada formasi yang"
                            + " kekurangan dan sesuai kualifikasi mereka dalam jangkauan",
                    excess + " above the minimum need (" + fixed + " fixed); no formation they are qualified for"
                            + " is short within reach");
        }
        return new Text(excess + " di atas kebutuhan minimum; " + couldFillAShortage
                        + " di antaranya bisa mengisi kekurangan, tetapi waktu pencarian habis sebelum itu",
                excess + " above the minimum need; " + couldFillAShortage
                        + " of them could fill a shortage, but the search ran out of time first");
    }

    static Text certificate(long hardGap, long shortageGap, long disruptionGap) {
        if (hardGap == 0 && shortageGap == 0 && disruptionGap == 0) {
            return new Text("optimal", "optimal");
        }
        if (hardGap != 0 || shortageGap != 0) {
            return new Text(hardGap + " pelanggaran keras dan " + shortageGap + " kekurangan berbobot lebih dari"
                    + " optimum", hardGap + " hard violations and " + shortageGap + " weighted shortage above the optimum");
        }
        return new Text("kekurangan berbobot optimal; gangguan " + disruptionGap + " lebih dari optimum"
                        + " (ditukar dengan tujuan kebijakan lain)",
                "weighted shortage optimal; disruption " + disruptionGap + " above the optimum (traded for other policy goals)");
    }

    /** The gap to the proven lower bound in words, per level, e.g. "kekurangan 0,4% di atas batas bawah terbukti". */
    static Text bound(long hardGap, long shortageGap, Double shortagePercent, Long softGap) {
        if (hardGap == 0 && shortageGap == 0 && (softGap == null || softGap == 0)) {
            return softGap == null
                    ? new Text("pelanggaran keras dan kekurangan pada batas bawah terbukti",
                            "hard violations and shortage at the proven lower bound")
                    : new Text("pada batas bawah terbukti: optimal", "at the proven lower bound: optimal");
        }
        // A lower level's gap only means something when the levels above it are at the bound.
        String id;
        String en;
        if (hardGap != 0) {
            id = "pelanggaran keras " + hardGap;
            en = "hard violations " + hardGap;
        } else if (shortageGap != 0) {
            String percent = shortagePercent == null ? null : String.format(Locale.ROOT, "%.2f%%", shortagePercent);
            id = "kekurangan " + (percent == null ? shortageGap : percent.replace('.', ','));
            en = "shortage " + (percent == null ? shortageGap : percent);
        } else {
            id = "tingkat lunak " + softGap;
            en = "soft level " + softGap;
        }
        return new Text(id + " di atas batas bawah terbukti", en + " above the proven lower bound");
    }

    static Text summary(int moves, int leaving, List<FormationResult> formations, CoreLevels levels, long hard,
            Certificate certificate) {
        long before = formations.stream().mapToLong(FormationResult::shortageBefore).sum();
        long unfilledBefore = formations.stream().mapToLong(FormationResult::missingBefore).sum();
        long unfilledAfter = formations.stream().mapToLong(FormationResult::missingAfter).sum();
        return new Text(
                moves + " mutasi; " + leaving + " pegawai keluar (pensiun atau kontrak berakhir); kekurangan (posisi"
                        + " minimum kosong) " + unfilledBefore + " → " + unfilledAfter + " orang (berbobot prioritas "
                        + before + " → " + levels.shortage() + "); pelanggaran keras " + hard + "; " + certificate.summary().id() + ".",
                moves + " moves; " + leaving + " people leaving (retirement or contract end); unfilled minimum positions "
                        + unfilledBefore + " → " + unfilledAfter + " (priority-weighted " + before + " → "
                        + levels.shortage() + "); hard violations " + hard + "; " + certificate.summary().en()
                        + ".");
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
