package id.formasi.solver.snapshot;

import java.util.regex.Pattern;

/**
 * The input's size and nesting limits and the id patterns, in one place: the snapshot reader and
 * validator, the API's request parser and the plan stores all use these.
 */
public final class Limits {

    /** The largest snapshot, and the largest request body, in bytes (20 MiB). */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    /** The deepest nesting of objects and arrays in a snapshot or a request body. */
    public static final int MAX_DEPTH = 32;
    /** A snapshot's own nesting: document, facilities, facility, formations, formation. */
    public static final int MIN_DEPTH = 5;

    public static final int SNAPSHOT_ID_LENGTH = 64;
    public static final int PLAN_ID_LENGTH = 80;
    public static final Pattern SNAPSHOT_ID = Pattern.compile("[A-Za-z0-9._-]{1," + SNAPSHOT_ID_LENGTH + "}");
    public static final Pattern PLAN_ID = Pattern.compile("[A-Za-z0-9._-]{1," + PLAN_ID_LENGTH + "}");
    public static final Pattern JOB_CODE = Pattern.compile("[A-Z0-9_]{1,40}");
    /**
     * An id a caller names in a request (a path, a query, a body's {@code snapshotId}): the contract's characters,
     * but no leading dot although the contract's pattern allows it: such a name is a hidden file in the local
     * store, and {@code .} and {@code ..} are no names at all.
     */
    private static final Pattern CALLER_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private Limits() {
    }

    public static boolean isSnapshotId(String id) {
        return id != null && SNAPSHOT_ID.matcher(id).matches();
    }

    public static boolean isPlanId(String id) {
        return id != null && PLAN_ID.matcher(id).matches();
    }

    /** Whether a caller may name this id: see {@link #CALLER_ID}; {@code maxLength} is one of the id lengths. */
    public static boolean isCallerId(String id, int maxLength) {
        return id != null && id.length() <= maxLength && CALLER_ID.matcher(id).matches();
    }

    /** The rule {@link #isCallerId} holds, as an error detail says it. */
    public static String callerIdRule(int maxLength) {
        return "must match [A-Za-z0-9._-]{1," + maxLength + "} and not start with a dot";
    }
}
