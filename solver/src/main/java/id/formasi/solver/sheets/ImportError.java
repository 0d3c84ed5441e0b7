package id.formasi.solver.sheets;

import java.util.Objects;

/**
 * One reason an import is refused (or, as a warning, one thing it ignored).
 *
 * @param cell where, as {@code sheet!A1}; a sheet's header row for a missing column; null for a value
 *             given by the call (command line or query parameter) or for the workbook as a whole
 * @param path where the value would be in the snapshot, such as {@code staff[5].birthDate}; {@code $} for
 *             the whole document
 * @param id   what is wrong, in Bahasa Indonesia
 * @param en   the same in English
 */
public record ImportError(String cell, String path, String id, String en) {

    public ImportError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(en, "en");
    }

    @Override
    public String toString() {
        return (cell == null ? "" : cell + " ") + "(" + path + "): " + id + " / " + en;
    }
}
