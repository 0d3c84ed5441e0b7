package id.formasi.functions.api;

import id.formasi.functions.planning.Failure;
import id.formasi.solver.snapshot.JsonSyntax;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies read strictly: UTF-8 only (never decoded with replacement characters), no duplicate
 * fields, one JSON object. A refusal names the path where reading stopped, with the line and column.
 */
public final class JsonBodies {

    /** Shallow enough that a hostile body costs nothing; two values for one field are refused, not merged. */
    private static final JsonMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();

    private JsonBodies() {
    }

    /** The body as a JSON object, or a 400 saying where and why it is not one. */
    public static JsonNode object(byte[] body) {
        int invalid = firstInvalidUtf8(body);
        if (invalid >= 0) {
            // Where the bad byte sits: the path the parser reaches on the valid part before it.
            String path = stopped(Arrays.copyOf(body, invalid));
            throw Failure.invalid(path, at(body, invalid) + "the body is not valid UTF-8 (byte " + (invalid + 1) + ")");
        }
        JsonParser parser = null;
        try {
            parser = STRICT.createParser(body);
            JsonNode node = STRICT.readTree(parser);
            if (node == null || !node.isObject()) {
                throw Failure.invalid("$", "the body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw Failure.invalid(JsonSyntax.path(parser), JsonSyntax.where(e, parser) + JsonSyntax.plain(e));
        } finally {
            if (parser != null) {
                parser.close();
            }
        }
    }

    /** The index of the first byte that is not part of valid UTF-8, or -1. */
    public static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                result = decoder.flush(out);
                return result.isError() ? in.position() : -1;
            }
            out.clear();
        }
    }

    /** The path the parser is at when the bytes run out. */
    private static String stopped(byte[] prefix) {
        try (JsonParser parser = STRICT.createParser(prefix)) {
            try {
                while (parser.nextToken() != null) {
                    // Read on to the end of the valid part.
                }
            } catch (JacksonException e) {
                // The prefix ends inside a text: the parser stands where it was.
            }
            return JsonSyntax.path(parser);
        }
    }

    /** "line L, column C: " of a byte offset, counting characters as the parser does. */
    private static String at(byte[] body, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (body[i] == '\n') {
                line++;
                column = 1;
            } else if ((body[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return "line " + line + ", column " + column + ": ";
    }
}
