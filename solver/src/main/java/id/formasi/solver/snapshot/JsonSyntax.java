package id.formasi.solver.snapshot;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;

/**
 * A JSON syntax error in plain words, with where it is: the line and column, and the path of the value the
 * parser was in when it stopped. The snapshot reader (CLI) and the HTTP API describe errors the same way.
 */
public final class JsonSyntax {

    private JsonSyntax() {
    }

    /**
     * Where the parser is, in the error paths' notation ({@code staff[3].name}); {@code $} at the top. A
     * duplicate field's path is the field itself.
     */
    public static String path(JsonParser parser) {
        if (parser == null) {
            return "$";
        }
        StringBuilder path = new StringBuilder();
        for (TokenStreamContext context = parser.streamReadContext(); context != null; context = context.getParent()) {
            if (context.inArray()) {
                path.insert(0, "[" + Math.max(0, context.getCurrentIndex()) + "]");
            } else if (context.inObject() && context.currentName() != null) {
                path.insert(0, "." + context.currentName());
            }
        }
        return path.isEmpty() ? "$" : path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    /** "line L, column C: " of the error, or nothing when Jackson does not know. */
    public static String where(JacksonException e, JsonParser parser) {
        return SnapshotReader.where(e, parser);
    }

    /** Jackson's description of a syntax error in plain words, as the snapshot reader gives it. */
    public static String plain(JacksonException e) {
        return SnapshotReader.plain(e);
    }
}
