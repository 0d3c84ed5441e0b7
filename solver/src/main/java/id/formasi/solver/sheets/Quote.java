package id.formasi.solver.sheets;

/** Values quoted in messages: short, and a NIP by its first four characters only. */
final class Quote {

    private static final int LENGTH = 40;

    private Quote() {
    }

    static String of(String text) {
        String cut = text.length() <= LENGTH ? text : text.substring(0, LENGTH) + "…";
        return "\"" + cut.replace("\"", "\\\"") + "\"";
    }

    /** "1973…": enough to find the row, not enough to name the person. */
    static String head(String nip) {
        return "\"" + (nip.length() <= 4 ? nip : nip.substring(0, 4) + "…") + "\"";
    }
}
