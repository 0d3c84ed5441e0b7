package id.formasi.functions.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One entry of the route table: a method, a path template such as {@code /plans/{id}/moves}, its handler, and
 * the media types its body may have (empty: JSON).
 */
public record Route(String method, String template, Function<Request, Response> handler, Set<String> bodyTypes) {

    public Route(String method, String template, Function<Request, Response> handler) {
        this(method, template, handler, Set.of());
    }

    /** The path parameters when the path fits the template. */
    public Optional<Map<String, String>> match(String path) {
        String[] want = template.split("/", -1);
        String[] have = path.split("/", -1);
        if (want.length != have.length) {
            return Optional.empty();
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{") && want[i].endsWith("}")) {
                if (have[i].isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(want[i].substring(1, want[i].length() - 1),
                        java.net.URLDecoder.decode(have[i], java.nio.charset.StandardCharsets.UTF_8));
            } else if (!want[i].equals(have[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }
}
