package id.formasi.bench;

import id.formasi.solver.generator.SnapshotGenerator;
import id.formasi.solver.generator.SnapshotGenerator.Scale;
import id.formasi.solver.sheets.CsvWriter;
import id.formasi.solver.sheets.SheetImport;
import id.formasi.solver.sheets.SheetsWriter;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.Staff;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The spreadsheet import of a 5,000-staff workbook (the Balikpapan sample with 455 people more, copies under
 * new NIPs) and of the same as a zip of CSV files: the first import in this JVM, then the best and median
 * of five more. Target: under 3 s for the workbook on this machine.
 */
final class SheetsImport {

    static final int STAFF = 5_000;
    private static final int REPEATS = 5;

    private SheetsImport() {
    }

    static void run() {
        Snapshot snapshot = fiveThousand();
        byte[] xlsx = SheetsWriter.workbook(snapshot);
        byte[] zip = CsvWriter.zip(snapshot);
        System.out.println();
        System.out.printf(Locale.ROOT, "Spreadsheet import, %d staff, %d facilities, %d formations%n",
                snapshot.staff().size(), snapshot.facilities().size(),
                snapshot.facilities().stream().mapToInt(f -> f.formations().size()).sum());
        System.out.printf(Locale.ROOT, "%-10s %10s %10s %10s %10s%n", "input", "KB", "first ms", "best ms", "median ms");
        time("xlsx", xlsx, snapshot);
        time("csv zip", zip, snapshot);
    }

    private static void time(String name, byte[] bytes, Snapshot expected) {
        long[] ms = new long[REPEATS + 1];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            Snapshot imported = SheetImport.read(bytes, SheetImport.Fields.NONE).snapshot();
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            if (imported.staff().size() != expected.staff().size()) {
                throw new IllegalStateException("the import lost staff: " + imported.staff().size());
            }
        }
        long[] again = Arrays.copyOfRange(ms, 1, ms.length);
        Arrays.sort(again);
        System.out.printf(Locale.ROOT, "%-10s %10d %10d %10d %10d%n", name, bytes.length / 1024, ms[0], again[0],
                again[again.length / 2]);
    }

    /** The Balikpapan sample and copies of its first people under NIPs it does not have, to 5,000 staff. */
    static Snapshot fiveThousand() {
        Snapshot sample = SnapshotGenerator.generate(Scale.BALIKPAPAN, 6471);
        List<Staff> staff = new ArrayList<>(sample.staff());
        Set<String> ids = new HashSet<>();
        staff.forEach(s -> ids.add(s.id()));
        for (int i = 0; staff.size() < STAFF; i++) {
            Staff s = sample.staff().get(i);
            String id = s.id();
            for (int sequence = 999; ids.contains(id); sequence--) {
                id = s.id().substring(0, 15) + String.format(Locale.ROOT, "%03d", sequence);
            }
            ids.add(id);
            staff.add(new Staff(id, s.name(), s.employment(), s.job(), s.alsoQualifiedFor(), s.facility(),
                    s.birthDate(), s.postedSince(), s.firstPostingSince(), s.contractEnd(), s.home(),
                    s.protectedReason(), null));
        }
        return new Snapshot(sample.schemaVersion(), sample.snapshotId(), sample.tenant(), sample.asOf(),
                sample.planningDate(), sample.jobs(), sample.facilities(), staff, sample.policy());
    }
}
