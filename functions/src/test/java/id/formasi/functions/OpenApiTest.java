package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import id.formasi.functions.api.Route;
import id.formasi.functions.api.Routes;
import id.formasi.solver.snapshot.Json;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * docs/openapi.yaml is valid OpenAPI, names exactly the routes of the route table, is what {@code GET /openapi.yaml}
 * serves, and documents what the real {@code api} function answers: every status code each route gave in a
 * scenario that reaches every route, and every JSON answer fits the schema documented for its status.
 */
class OpenApiTest {

    private static final Path FILE = Path.of("..", "docs", "openapi.yaml");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static Lambda lambda;
    private static final JsonNode DOCUMENT = yaml(FILE);
    private static final List<Route> TABLE = table();

    /** One answer of the api function, and the route of the table that took it. */
    record Answer(String method, String template, int status, String contentType, String body) {
        JsonNode json() {
            return Json.MAPPER.readTree(body);
        }
    }

    private static final List<Answer> ANSWERS = new ArrayList<>();

    @BeforeAll
    static void start() {
        lambda = Lambda.quick("formasi-openapi-test");
    }

    @AfterAll
    static void clear() {
        lambda.clearSettings();
    }

    @Test
    void aRealParserReadsTheDocumentWithoutAMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(FILE.toAbsolutePath().toUri().toString(), null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void aRealParserRejectsTheStrayKeyAnUnquotedCommaMakes() throws IOException {
        // The document once had `description: Unknown plan, snapshot or route,` in a flow mapping.
        String broken = Files.readString(FILE).replace("description: 'Unknown plan, snapshot or route'",
                "description: Unknown plan, snapshot or route");
        assertThat(broken).isNotEqualTo(Files.readString(FILE));
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(broken, null, new ParseOptions());
        assertThat(result.getMessages()).isNotEmpty();
    }

    @Test
    void documentNamesExactlyTheRouteTable() {
        Set<String> documented = new TreeSet<>();
        DOCUMENT.get("paths").properties().forEach(path -> path.getValue().propertyNames().stream()
                .filter(METHODS::contains)
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        Set<String> routes = new TreeSet<>();
        TABLE.forEach(route -> routes.add(route.method() + " " + route.template()));
        assertThat(documented).isEqualTo(routes);
    }

    @Test
    void theApiServesTheDocumentAndTheSchemaItRefersTo() throws IOException {
        Answer served = call("GET", "/openapi.yaml", null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("application/yaml");
        assertThat(served.body()).isEqualTo(Files.readString(FILE));
        Answer schema = call("GET", "/snapshot.schema.json", null);
        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.body()).isEqualTo(Files.readString(Path.of("..", "docs", "snapshot.schema.json")));
    }

    @Test
    void everyAnswerOfEveryRouteIsDocumented() {
        scenario();

        Set<String> answered = new TreeSet<>();
        ANSWERS.stream().filter(a -> a.status() < 300).forEach(a -> answered.add(a.method() + " " + a.template()));
        Set<String> routes = new TreeSet<>();
        TABLE.forEach(route -> routes.add(route.method() + " " + route.template()));
        assertThat(answered).as("routes the scenario reached with success").isEqualTo(routes);

        SchemaCheck check = new SchemaCheck(DOCUMENT);
        List<String> problems = new ArrayList<>();
        for (Answer answer : ANSWERS) {
            String where = answer.method() + " " + answer.template() + " " + answer.status();
            JsonNode operation = DOCUMENT.get("paths").get(answer.template()).get(answer.method().toLowerCase(Locale.ROOT));
            JsonNode response = operation.get("responses").get(Integer.toString(answer.status()));
            if (response == null) {
                problems.add(where + ": status not documented");
                continue;
            }
            if (response.has("$ref")) {
                response = DOCUMENT.at(response.get("$ref").asString().substring(1));
            }
            String type = answer.contentType().replaceFirst(";.*", "");
            JsonNode content = response.path("content").get(type);
            if (content == null) {
                problems.add(where + ": content type " + type + " not documented");
            } else if (type.equals("application/json")) {
                check.problems(content.get("schema"), answer.json(), "$").forEach(p -> problems.add(where + " " + p));
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Reaches every route, with success and with each refusal the route can give on the tiny sample. */
    private static void scenario() {
        Map<String, String> plainText = Map.of("content-type", "text/plain");
        call("GET", "/", null);
        call("GET", "/assets/app.js", null);
        call("GET", "/assets/app.css", null);
        call("GET", "/assets/no-such-file.js", null);
        call("GET", "/openapi.yaml", null);
        call("GET", "/snapshot.schema.json", null);
        call("GET", "/config", null);

        // Snapshots: stored, stored again, other bytes under its id, invalid, too large, not JSON, unknown.
        ObjectNode snapshot = Samples.tiny("openapi-1");
        call("POST", "/snapshots", snapshot);
        call("POST", "/snapshots", snapshot);
        ObjectNode other = Samples.tiny("openapi-1");
        other.put("asOf", "2026-10-22");
        call("POST", "/snapshots", other);
        call("POST", "/snapshots", Map.of("schemaVersion", 2));
        call("POST", "/snapshots", "\"" + "x".repeat(1_000_001) + "\"");
        call("POST", "/snapshots", "{}", plainText);
        call("GET", "/snapshots/openapi-1", null);
        call("GET", "/snapshots/unknown", null);
        for (String list : List.of("facilities", "staff")) {
            call("GET", "/snapshots/openapi-1/" + list + "?limit=2", null);
            call("GET", "/snapshots/unknown/" + list, null);
            call("GET", "/snapshots/openapi-1/" + list + "?limit=0", null);
        }
        call("POST", "/snapshots/uploads", Map.of("snapshotId", "openapi-3", "size", 1000));
        call("POST", "/snapshots/uploads", Map.of("snapshotId", ".openapi", "size", 0));

        // Plans: queued inline and by reference, refused in every way, then solved.
        String planId = call("POST", "/plans", Map.of("snapshot", Samples.tiny("openapi-2"), "budgetSeconds", 1)).json()
                .get("planId").asString();
        String queued = call("POST", "/plans", Map.of("snapshotId", "openapi-1")).json().get("planId").asString();
        call("POST", "/plans", Map.of("budgetSeconds", 0));
        call("POST", "/plans", Map.of("snapshotId", "unknown"));
        call("POST", "/plans", Map.of("snapshot", other));
        call("POST", "/plans", "{}", plainText);
        call("POST", "/plans", "\"" + "x".repeat(1_000_001) + "\"");
        lambda.solve(Lambda.sqs(planId, 1));
        call("GET", "/plans", null);
        call("GET", "/plans?status=SOLVED&limit=1", null);
        call("GET", "/plans?limit=0", null);
        JsonNode plan = call("GET", "/plans/" + planId, null).json();
        call("GET", "/plans/unknown", null);

        for (String part : List.of("placements", "moves", "formations", "leaving", "explanation")) {
            call("GET", "/plans/" + planId + "/" + part + (part.equals("explanation") ? "" : "?limit=3"), null);
            call("GET", "/plans/unknown/" + part, null);
            call("GET", "/plans/" + queued + "/" + part, null);
        }
        call("GET", "/plans/" + planId + "/moves?offset=-1", null);

        whatIf(planId);
        call("GET", "/plans/" + planId + "/whatif?staffId=1", null);
        call("GET", "/plans/unknown/whatif?staffId=1&facilityId=2&job=3", null);
        call("GET", "/plans/" + queued + "/whatif?staffId=1&facilityId=2&job=3", null);

        // Pins, re-solve and decisions, at the right and at a stale version.
        JsonNode move = call("GET", "/plans/" + planId + "/moves?limit=1", null).json().get("items").get(0);
        long version = plan.get("version").asLong();
        Map<String, String> pin = Map.of("staffId", move.get("staffId").asString(), "facilityId", move.get("to").asString(),
                "job", move.get("job").asString());
        call("PUT", "/plans/" + planId + "/pins", Map.of("pins", List.of(Map.of("staffId", "x"))));
        call("PUT", "/plans/" + planId + "/pins", Map.of("pins", List.of(pin), "version", version - 1));
        call("PUT", "/plans/" + planId + "/pins", "{}", plainText);
        call("PUT", "/plans/unknown/pins", Map.of("pins", List.of()));
        call("PUT", "/plans/" + planId + "/pins", Map.of("pins", List.of(pin), "version", version, "comment", "as proposed"));
        String resolved = call("POST", "/plans/" + planId + "/resolve", Map.of("budgetSeconds", 1)).json().get("planId").asString();
        call("POST", "/plans/" + planId + "/resolve", Map.of("budgetSeconds", 0));
        call("POST", "/plans/unknown/resolve", null);
        lambda.solve(Lambda.sqs(resolved, 1));
        call("GET", "/plans/" + planId + "/diff/" + resolved, null);
        call("GET", "/plans/" + planId + "/diff/unknown", null);
        call("GET", "/plans/" + planId + "/diff/" + queued, null);
        long resolvedVersion = call("GET", "/plans/" + resolved, null).json().get("version").asLong();
        call("POST", "/plans/" + resolved + "/decision", Map.of("decision", "maybe"));
        call("POST", "/plans/" + resolved + "/decision", Map.of("decision", "approve", "version", resolvedVersion - 1));
        call("POST", "/plans/unknown/decision", Map.of("decision", "approve", "version", 1));
        call("POST", "/plans/" + resolved + "/decision", Map.of("decision", "approve", "version", resolvedVersion, "comment", "ok"));
        call("POST", "/plans/" + queued + "/decision", Map.of("decision", "approve", "version", 1));
        call("POST", "/plans/" + resolved + "/resolve", null);

        // Spreadsheets: a workbook imported, again, refused by cell, not a workbook; the template; the decree workbook.
        byte[] workbook = Samples.tinyWorkbook("openapi-3", null);
        binary("POST", "/imports", workbook, SHEET);
        binary("POST", "/imports", workbook, SHEET);
        binary("POST", "/imports?snapshotId=openapi-4", Samples.tinyWorkbook("x", "1,97E+17"), SHEET);
        binary("POST", "/imports", "nip;nama\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        call("GET", "/imports/template.xlsx", null);
        call("GET", "/plans/" + planId + "/export.xlsx", null);
        call("GET", "/plans/unknown/export.xlsx", null);
        call("GET", "/plans/" + queued + "/export.xlsx", null);

        // Stop and delete: the queued plan cancelled (again the same), a solved one refused; deleted, or kept.
        call("POST", "/plans/" + queued + "/cancel", Map.of("comment", "not needed"));
        call("POST", "/plans/" + queued + "/cancel", null);
        call("POST", "/plans/" + planId + "/cancel", null);
        call("POST", "/plans/unknown/cancel", null);
        call("DELETE", "/plans/" + queued + "?version=x", null);
        call("DELETE", "/plans/" + queued, null);
        call("DELETE", "/plans/" + resolved, null);
        call("DELETE", "/plans/unknown", null);

        // A change makes a new snapshot version.
        JsonNode person = snapshot.get("staff").get(0);
        call("POST", "/snapshots/openapi-1/changes", Map.of("changes", List.of(Map.of("type", "STAFF_LEFT"))));
        call("POST", "/snapshots/unknown/changes", Map.of("changes", List.of()));
        call("POST", "/snapshots/openapi-1/changes", Map.of("changes", List.of(
                Map.of("type", "STAFF_LEFT", "staffId", person.get("id").asString(), "reason", "RETIRED"))));
        call("POST", "/snapshots/openapi-1/changes", Map.of("snapshotId", "openapi-1", "changes", List.of(
                Map.of("type", "STAFF_LEFT", "staffId", person.get("id").asString(), "reason", "RETIRED"))));
    }

    /** A pin the tiny plan can take: someone placed by rule-free choice, at another formation of their job. */
    private static void whatIf(String planId) {
        JsonNode placements = call("GET", "/plans/" + planId + "/placements?limit=1000", null).json().get("items");
        JsonNode formations = call("GET", "/plans/" + planId + "/formations?limit=1000", null).json().get("items");
        for (JsonNode placement : placements) {
            for (JsonNode formation : formations) {
                if (!placement.get("pinned").asBoolean() && formation.get("job").equals(placement.get("job"))
                        && !formation.get("facilityId").equals(placement.get("facilityId"))) {
                    Answer answer = call("GET", "/plans/" + planId + "/whatif?staffId=" + placement.get("staffId").asString()
                            + "&facilityId=" + formation.get("facilityId").asString() + "&job=" + formation.get("job").asString(), null);
                    if (answer.status() == 200) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("no possible what-if on the tiny plan");
    }

    /** Calls the api function as Lambda does, and records the answer with the route that took it. */
    static Answer call(String method, String path, Object body) {
        return call(method, path, body, Map.of());
    }

    private static final String SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A binary body, base64-encoded as API Gateway sends it. */
    static Answer binary(String method, String path, byte[] body, String contentType) {
        ObjectNode event = Lambda.http(method, path, Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", true);
        return record(method, event, Map.of("content-type", contentType));
    }

    static Answer call(String method, String path, Object body, Map<String, String> headers) {
        String text = body == null ? null : body instanceof String string ? string : Json.MAPPER.writeValueAsString(body);
        return record(method, Lambda.http(method, path, text), headers);
    }

    private static Answer record(String method, ObjectNode event, Map<String, String> headers) {
        headers.forEach(((ObjectNode) event.get("headers"))::put);
        JsonNode response = lambda.api(event);
        String answerBody = response.get("body").asString();
        if (response.path("isBase64Encoded").asBoolean()) {
            answerBody = new String(Base64.getDecoder().decode(answerBody), StandardCharsets.UTF_8);
        }
        String rawPath = event.get("rawPath").asString();
        String template = TABLE.stream().filter(route -> route.method().equals(method) && route.match(rawPath).isPresent())
                .map(Route::template).findFirst().orElseThrow(() -> new AssertionError("no route for " + method + " " + rawPath));
        Answer answer = new Answer(method, template, response.get("statusCode").asInt(),
                response.get("headers").get("Content-Type").asString(), answerBody);
        ANSWERS.add(answer);
        return answer;
    }

    /** The table needs no service to be listed: whatever the constructor takes, nulls do. */
    private static List<Route> table() {
        try {
            var constructor = Routes.class.getConstructors()[0];
            return ((Routes) constructor.newInstance(new Object[constructor.getParameterCount()])).table();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static JsonNode yaml(Path file) {
        try {
            Map<String, Object> tree = new Yaml().load(Files.readString(file));
            return Json.MAPPER.valueToTree(tree);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
