package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import id.formasi.functions.api.Route;
import id.formasi.functions.api.Routes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docs/openapi.yaml names exactly the routes of the route table, no more, no fewer. */
class OpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void documentMatchesTheRouteTable() throws IOException {
        Path file = Path.of("..", "docs", "openapi.yaml");
        Map<String, Object> document = new Yaml().load(Files.readString(file));
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(key -> Set.of("get", "put", "post", "delete", "patch").contains(key))
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> routes = new TreeSet<>();
        for (Route route : new Routes(null, null, null).table()) {
            routes.add(route.method() + " " + route.template());
        }
        assertThat(documented).isEqualTo(routes);
    }
}
