package id.formasi.functions.planning;

import java.util.List;

/**
 * A request the service refuses, with every reason and where in the input it is. The API answers it as the
 * architecture's error JSON; nothing is stored for it.
 */
public class Failure extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, METHOD_NOT_ALLOWED }

    public record Detail(String path, String message) {
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

    public static Failure notFound(String message) {
        return new Failure(Kind.NOT_FOUND, message);
    }

    public static Failure conflict(String message) {
        return new Failure(Kind.CONFLICT, message);
    }

    public Kind kind() {
        return kind;
    }

    public List<Detail> details() {
        return details;
    }
}
