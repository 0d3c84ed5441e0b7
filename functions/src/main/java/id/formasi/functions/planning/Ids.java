package id.formasi.functions.planning;

import id.formasi.solver.snapshot.Limits;

/**
 * The API's checks of the ids callers send, as 400s: the id rules themselves (pattern and lengths) are
 * {@link Limits}'; and the limit of free text.
 */
public final class Ids {

    public static final int COMMENT_LENGTH = 2_000;

    private Ids() {
    }

    /** The id itself, or a 400 at {@code path} (the message never quotes the id: it may be anything). */
    public static String check(String path, String id, int maxLength) {
        if (!Limits.isCallerId(id, maxLength)) {
            throw Failure.invalid(path, Limits.callerIdRule(maxLength));
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
