package id.formasi.functions.planning;

import id.formasi.solver.Planning;
import id.formasi.solver.snapshot.ValidationError;
import java.util.List;

/**
 * A request the service refuses, with every reason and where in the input it is. The API answers it as the
 * architecture's error JSON; nothing is stored for it.
 */
public class Failure extends RuntimeException {

    /** {@code GONE}: the thing existed, but its stored data was found damaged and set aside. */
    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, METHOD_NOT_ALLOWED,
        GONE, UNPROCESSABLE, STORAGE_FULL, URI_TOO_LONG, HEADERS_TOO_LARGE }

    /**
     * One reason. {@code cell} and {@code messageId} are for a spreadsheet import: the cell as
     * {@code sheet!A1}, and the message in Bahasa Indonesia; null otherwise.
     */
    public record Detail(String path, String message, String cell, String messageId) {

        public Detail(String path, String message) {
            this(path, message, null, null);
        }
    }

    private final Kind kind;
    private final List<Detail> details;

    public Failure(Kind kind, String message, List<Detail> details) {
        super(message, null, false, false);
        this.kind = kind;
        this.details = List.copyOf(details);
    }

    public Failure(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public static Failure invalid(String path, String message) {
        return new Failure(Kind.INVALID, message, List.of(new Detail(path, message)));
    }

    public static Failure forbidden(String message) {
        return new Failure(Kind.FORBIDDEN, message);
    }

    public static Failure notFound(String message) {
        return new Failure(Kind.NOT_FOUND, message);
    }

    public static Failure conflict(String message) {
        return new Failure(Kind.CONFLICT, message);
    }

    /** The solver's refusal, its paths put under {@code prefix} (where the request holds what it refused). */
    public static Failure refused(Planning.Refused refused, String prefix) {
        return invalid(refused.getMessage(), prefix, refused.errors());
    }

    /** The solver's errors, their paths put under {@code prefix}. */
    public static Failure invalid(String message, String prefix, List<ValidationError> errors) {
        return new Failure(Kind.INVALID, message, errors.stream()
                .map(error -> new Detail(prefixed(prefix, error.path()), error.message())).toList());
    }

    /** A path inside the request part at {@code prefix}: {@code snapshot.staff[3]}, {@code pins[0].staffId}. */
    static String prefixed(String prefix, String path) {
        if (prefix.isEmpty()) {
            return path;
        }
        if (path == null || path.isEmpty() || path.equals("$")) {
            return prefix;
        }
        if (path.startsWith("$.")) {
            return "$." + prefix + "." + path.substring(2);
        }
        return prefix + (path.startsWith("[") ? "" : ".") + path;
    }

    public Kind kind() {
        return kind;
    }

    public List<Detail> details() {
        return details;
    }
}
