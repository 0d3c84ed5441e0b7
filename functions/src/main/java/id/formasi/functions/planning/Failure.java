package id.formasi.functions.planning;

import id.formasi.solver.Planning;
import id.formasi.solver.snapshot.Messages;
import id.formasi.solver.snapshot.ValidationError;
import java.util.List;

/**
 * A request the service refuses, with every reason and where in the input it is. The API answers it as the
 * architecture's error JSON; nothing is stored for it. Each text is in Bahasa Indonesia ({@code message}) and
 * English ({@code messageEn}); {@link #getMessage()} is the English, for logs and tests.
 */
public class Failure extends RuntimeException {

    /** {@code GONE}: the thing existed, but its stored data was found damaged and set aside. */
    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, METHOD_NOT_ALLOWED,
        GONE, UNPROCESSABLE, STORAGE_FULL, URI_TOO_LONG, HEADERS_TOO_LARGE }

    /**
     * One reason: where, in Bahasa Indonesia and in English. {@code cell} is for a spreadsheet import, the
     * cell as {@code sheet!A1}; null otherwise.
     */
    public record Detail(String path, String message, String messageEn, String cell) {

        /** A reason written in English; the Indonesian comes from {@link Messages}. */
        public Detail(String path, String messageEn) {
            this(path, Messages.indonesian(messageEn), messageEn, null);
        }

        /** A solver's error, at {@code path}. */
        public Detail(String path, ValidationError error) {
            this(path, error.message(), error.messageEn(), null);
        }
    }

    private final Kind kind;
    private final String messageId;
    private final List<Detail> details;

    public Failure(Kind kind, String message, String messageEn, List<Detail> details) {
        super(messageEn, null, false, false);
        this.kind = kind;
        this.messageId = message;
        this.details = List.copyOf(details);
    }

    /** A refusal written in English; the Indonesian comes from {@link Messages}. */
    public Failure(Kind kind, String messageEn, List<Detail> details) {
        this(kind, Messages.indonesian(messageEn), messageEn, details);
    }

    public Failure(Kind kind, String messageEn) {
        this(kind, messageEn, List.of());
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
                .map(error -> new Detail(prefixed(prefix, error.path()), error)).toList());
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

    /** The refusal in Bahasa Indonesia. */
    public String messageId() {
        return messageId;
    }

    /** The refusal in English, as {@link #getMessage()}. */
    public String messageEn() {
        return getMessage();
    }

    public Kind kind() {
        return kind;
    }

    public List<Detail> details() {
        return details;
    }
}
