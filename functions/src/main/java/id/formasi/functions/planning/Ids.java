package id.formasi.functions.planning;

import id.formasi.solver.snapshot.Limits;
import java.util.regex.Pattern;

/**
 * The ids the API takes from callers (snapshot ids, plan ids, their lengths from {@link Limits}) and the limits
 * of free text. A leading dot is
 * refused although the contract's pattern allows it: such a name is a hidden file in the local store, and
 * {@code .} and {@code ..} are no names at all.
 */
public final class Ids {

    public static final int SNAPSHOT_ID_LENGTH = Limits.SNAPSHOT_ID_LENGTH;
    public static final int PLAN_ID_LENGTH = Limits.PLAN_ID_LENGTH;
    public static final int COMMENT_LENGTH = 2_000;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private Ids() {
    }

    public static boolean valid(String id, int maxLength) {
        return id != null && id.length() <= maxLength && ID.matcher(id).matches();
    }

    /** The id itself, or a 400 at {@code path} (the message never quotes the id: it may be anything). */
    public static String check(String path, String id, int maxLength) {
        if (!valid(id, maxLength)) {
            throw Failure.invalid(path, "must match [A-Za-z0-9._-]{1," + maxLength + "} and not start with a dot");
        }
        return id;
    }

    /** A review comment: at most {@value #COMMENT_LENGTH} characters. */
    public static String comment(String comment) {
        if (comment != null && comment.length() > COMMENT_LENGTH) {
            throw Failure.invalid("comment", "is " + comment.length() + " characters; at most " + COMMENT_LENGTH);
        }
        return comment;
    }
}
