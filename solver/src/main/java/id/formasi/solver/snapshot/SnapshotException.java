package id.formasi.solver.snapshot;

import java.util.List;

/** A snapshot that cannot be used, with every error found. Messages never carry Jackson internals. */
public final class SnapshotException extends RuntimeException {

    public enum Kind {
        /** Not JSON (or an unreadable file): the errors say where, by line and column. */
        MALFORMED,
        /** JSON, but it breaks the snapshot's rules: the errors say which, by JSON path. */
        INVALID,
        /** Over a limit of the reader: size in bytes, nesting depth or the length of one number. */
        TOO_LARGE
    }

    /** How many errors the message lists; {@link #errors()} has them all. */
    private static final int LISTED = 5;

    private final Kind kind;
    private final List<ValidationError> errors;

    public SnapshotException(Kind kind, List<ValidationError> errors) {
        super(summary(kind, errors));
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public SnapshotException(Kind kind, ValidationError error) {
        this(kind, List.of(error));
    }

    public Kind kind() {
        return kind;
    }

    /** Every error found, never empty. */
    public List<ValidationError> errors() {
        return errors;
    }

    private static String summary(Kind kind, List<ValidationError> errors) {
        if (kind == null || errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("a SnapshotException needs a kind and at least one error");
        }
        StringBuilder message = new StringBuilder(switch (kind) {
            case MALFORMED -> "snapshot cannot be read: ";
            case TOO_LARGE -> "snapshot is too large: ";
            case INVALID -> "snapshot has " + errors.size() + (errors.size() == 1 ? " error: " : " errors: ");
        });
        for (int i = 0; i < Math.min(LISTED, errors.size()); i++) {
            if (i > 0) {
                message.append("; ");
            }
            message.append(errors.get(i));
        }
        if (errors.size() > LISTED) {
            message.append("; and ").append(errors.size() - LISTED).append(" more");
        }
        return message.toString();
    }
}
