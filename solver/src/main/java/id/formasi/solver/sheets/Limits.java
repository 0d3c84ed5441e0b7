package id.formasi.solver.sheets;

/** Bounds of what an import reads, far above a province's data: a bigger input is refused, not half read. */
final class Limits {

    /** Data rows of one sheet or CSV file (a province has about 45,000 staff). */
    static final int MAX_ROWS = 200_000;
    /** Bytes a zip of CSV files may unpack to. */
    static final long MAX_UNZIPPED_BYTES = 200L * 1024 * 1024;
    /** Entries of a zip (a workbook with many pictures has a few hundred). */
    static final int MAX_ZIP_ENTRIES = 10_000;
    /** Errors listed; a note says when there are more. */
    static final int MAX_ERRORS = 1000;

    private Limits() {
    }
}
