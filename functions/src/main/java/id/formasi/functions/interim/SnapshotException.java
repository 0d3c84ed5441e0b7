package id.formasi.functions.interim;

import java.util.List;

/** TEMPORARY, see package-info. */
public class SnapshotException extends RuntimeException {

    public enum Kind { MALFORMED, INVALID, TOO_LARGE }

    private final Kind kind;
    private final List<ValidationError> errors;

    public SnapshotException(Kind kind, List<ValidationError> errors) {
        super(kind + ": " + errors.size() + " error(s)");
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public Kind kind() {
        return kind;
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
