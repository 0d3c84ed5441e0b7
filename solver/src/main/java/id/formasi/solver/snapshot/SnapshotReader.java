package id.formasi.solver.snapshot;

import id.formasi.solver.snapshot.SnapshotException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a snapshot (docs/snapshot-format.md) in three steps: size, JSON syntax, then the contract's
 * rules on the JSON tree, collecting every error with its path. Records are built only from a tree
 * without errors, so the solver never sees a half-valid snapshot.
 *
 * <p>Fields the contract does not know are ignored, at any level: the contract allows optional
 * fields to be added. A misspelt optional field is therefore ignored too.
 *
 * <p>Thread-safe: one reader may serve many requests.
 */
public final class SnapshotReader {

    private static final Pattern UNEXPECTED_CHARACTER =
            Pattern.compile("Unexpected character \\('(.)' \\(code \\d+\\)\\)( in numeric value)?(?:: (.*))?",
                    Pattern.DOTALL);
    private static final Pattern DUPLICATE_FIELD =
            Pattern.compile("Duplicate Object property \"(.*)\"", Pattern.DOTALL);

    /** Jackson's messages for the reader's limits, by how they start, in plain words. */
    private static final Map<String, String> PLAIN_LIMITS = Map.of(
            "Number value length", "a number has more digits than the reader accepts",
            "String value length", "a text is longer than the reader accepts",
            "Name length", "a field name is longer than the reader accepts");
    /**
     * Jackson's syntax messages, by how they start, in plain words. An unrecognized token is not quoted
     * back: it may be a person's name written without quotes.
     */
    private static final Map<String, String> PLAIN_SYNTAX = Map.of(
            "Unrecognized token", "unexpected word: a value must be a text in double quotes, a number, an object,"
                    + " an array, true, false or null",
            "Non-standard token", "NaN and Infinity are not JSON numbers",
            "Trailing token", "more content after the end of the document",
            "Illegal unquoted character",
            "a control character (such as a line break) inside a text must be written as an escape such as \\n");

    private final long maxBytes;
    private final int maxDepth;
    private final JsonMapper treeMapper;

    public SnapshotReader() {
        this(Limits.MAX_BYTES, Limits.MAX_DEPTH);
    }

    public SnapshotReader(long maxBytes, int maxDepth) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, got " + maxBytes);
        }
        if (maxDepth < Limits.MIN_DEPTH) {
            throw new IllegalArgumentException("maxDepth must be at least " + Limits.MIN_DEPTH
                    + " (the depth of a formation in a snapshot), got " + maxDepth);
        }
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
                // Two values for one field are ambiguous: refuse them rather than silently keep the last.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.treeMapper = JsonMapper.builder(factory)
                // Exact decimals, so that range checks see the number as written (1e400 included).
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /** The snapshot's records; throws {@link SnapshotException} with every error when it is not a valid snapshot. */
    public Snapshot read(byte[] json) {
        JsonNode tree = parse(json);
        List<ValidationError> errors = SnapshotValidator.validate(tree);
        if (!errors.isEmpty()) {
            throw new SnapshotException(Kind.INVALID, errors);
        }
        return toRecords(tree);
    }

    /** As {@link #read(byte[])}; a missing or unreadable file is MALFORMED. */
    public Snapshot read(Path file) {
        return read(readFile(file));
    }

    /** Every error of the document, empty when it is a valid snapshot. Never throws for bad input. */
    public List<ValidationError> validate(byte[] json) {
        try {
            return SnapshotValidator.validate(parse(json));
        } catch (SnapshotException e) {
            return e.errors();
        }
    }

    private JsonNode parse(byte[] json) {
        // Size first: a huge document is refused before any parsing work.
        if (json.length > maxBytes) {
            throw new SnapshotException(Kind.TOO_LARGE, new ValidationError("$",
                    "the document is " + json.length + " bytes, more than the limit of " + maxBytes + " bytes"));
        }
        JsonParser parser = null;
        try {
            parser = treeMapper.createParser(json);
            JsonNode tree = treeMapper.readTree(parser);
            if (tree == null || tree.isMissingNode()) {
                throw new SnapshotException(Kind.MALFORMED, new ValidationError("$", "the document is empty"));
            }
            return tree;
        } catch (StreamConstraintsException e) {
            throw new SnapshotException(Kind.TOO_LARGE, new ValidationError("$", where(e, parser) + limit(e)));
        } catch (JacksonException e) {
            throw new SnapshotException(Kind.MALFORMED, new ValidationError("$", where(e, parser) + plain(e)));
        } catch (NumberFormatException e) {
            // Jackson gives up on numbers such as 1e99999999999, whose exponent no BigDecimal holds.
            throw new SnapshotException(Kind.TOO_LARGE, new ValidationError("$",
                    where(null, parser) + "a number is too large to read"));
        } finally {
            if (parser != null) {
                parser.close();
            }
        }
    }

    private byte[] readFile(Path file) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) > maxBytes) {
                throw new SnapshotException(Kind.TOO_LARGE, new ValidationError("$", "the file " + file + " is "
                        + Files.size(file) + " bytes, more than the limit of " + maxBytes + " bytes"));
            }
            try (InputStream in = Files.newInputStream(file)) {
                // One byte over the limit is enough to refuse it, even if the file grew meanwhile.
                return in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            }
        } catch (NoSuchFileException e) {
            throw unreadable(file, "it does not exist");
        } catch (AccessDeniedException e) {
            throw unreadable(file, "permission denied");
        } catch (IOException e) {
            throw unreadable(file, Files.isDirectory(file) ? "it is a directory" : "it cannot be read");
        }
    }

    private static SnapshotException unreadable(Path file, String why) {
        return new SnapshotException(Kind.MALFORMED,
                new ValidationError("$", "cannot read the file " + file + ": " + why));
    }

    private Snapshot toRecords(JsonNode tree) {
        try {
            return Json.MAPPER.readerFor(Snapshot.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(tree);
        } catch (JacksonException e) {
            // Validation accepts only what the records can hold: reaching this is a bug in the rules, not the input.
            throw new IllegalStateException("a validated snapshot could not be converted to records", e);
        }
    }

    /** "line L, column C: " of the error, or nothing when Jackson does not know. */
    public static String where(JacksonException e, JsonParser parser) {
        TokenStreamLocation location = e == null ? null : e.getLocation();
        if ((location == null || location.getLineNr() < 1) && parser != null) {
            location = parser.currentLocation();
        }
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }

    private String limit(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return "nested deeper than " + maxDepth + " levels of objects and arrays";
        }
        return byPrefix(PLAIN_LIMITS, message).orElse("over a limit of the reader");
    }

    /** Jackson's description of a syntax error in plain words, without its class names, features or source. */
    public static String plain(JacksonException e) {
        if (e instanceof UnexpectedEndOfInputException) {
            return "the document ends too early: a text, array or object is not closed";
        }
        String message = String.valueOf(e.getOriginalMessage());
        Matcher character = UNEXPECTED_CHARACTER.matcher(message);
        if (character.matches()) {
            String c = character.group(1);
            String plain = "unexpected character " + (c.equals("'") ? "\"'\"" : "'" + c + "'")
                    + (character.group(2) == null ? "" : " in a number");
            String expected = character.group(3) == null ? "" : tidy(character.group(3));
            if (expected.startsWith("maybe a (non-standard) comment")) {
                return plain + ": comments are not allowed in JSON";
            }
            return expected.isEmpty() ? plain : plain + ": " + expected;
        }
        Matcher duplicate = DUPLICATE_FIELD.matcher(message);
        if (duplicate.matches()) {
            return "duplicate field " + SnapshotValidator.quote(duplicate.group(1));
        }
        return byPrefix(PLAIN_SYNTAX, message).orElseGet(() -> {
            String tidy = tidy(message);
            return tidy.isEmpty() ? "not valid JSON" : tidy;
        });
    }

    private static Optional<String> byPrefix(Map<String, String> plain, String message) {
        return plain.entrySet().stream().filter(entry -> message.startsWith(entry.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    /** Cuts Jackson's hints about its own features and sources; the rest is plain English. */
    private static String tidy(String message) {
        String m = message;
        for (String cut : List.of(": enable", " (start marker", "[Source", "`", " (for ", "\n")) {
            int i = m.indexOf(cut);
            if (i >= 0) {
                m = m.substring(0, i);
            }
        }
        m = m.replace("(JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                "(a text, number, array, object, true, false or null)").strip();
        while (m.endsWith(":") || m.endsWith(",")) {
            m = m.substring(0, m.length() - 1).strip();
        }
        // Lower-case the first letter of a sentence, not of an acronym such as JSON.
        boolean sentence = m.length() > 1 && Character.isUpperCase(m.charAt(0)) && !Character.isUpperCase(m.charAt(1));
        return sentence ? Character.toLowerCase(m.charAt(0)) + m.substring(1) : m;
    }
}
