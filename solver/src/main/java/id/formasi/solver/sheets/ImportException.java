package id.formasi.solver.sheets;

import java.util.List;

/** A refused import with every error found, in sheet, row and column order. Nothing was stored or written. */
public final class ImportException extends RuntimeException {

    private static final int LISTED = 5;

    private final transient List<ImportError> errors;

    public ImportException(List<ImportError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public ImportException(ImportError error) {
        this(List.of(error));
    }

    /** Every error, never empty. */
    public List<ImportError> errors() {
        return errors;
    }

    private static String summary(List<ImportError> errors) {
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("an ImportException needs at least one error");
        }
        StringBuilder message = new StringBuilder("import refused, " + errors.size()
                + (errors.size() == 1 ? " error: " : " errors: "));
        for (int i = 0; i < Math.min(LISTED, errors.size()); i++) {
            message.append(i > 0 ? "; " : "").append(errors.get(i).cell()).append(' ').append(errors.get(i).en());
        }
        if (errors.size() > LISTED) {
            message.append("; and ").append(errors.size() - LISTED).append(" more");
        }
        return message.toString();
    }
}
