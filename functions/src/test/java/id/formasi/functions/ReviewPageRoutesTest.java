package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The page's routes without a browser: files with their content types, the facilities, and the what-if. */
class ReviewPageRoutesTest {

    @TempDir
    Path data;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(Runtime runtime, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + runtime.local.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePageItsFilesTheFacilitiesAndTheWhatIf() throws Exception {
        try (Runtime runtime = new Runtime(data, "formasi.solve.budget=2s", "formasi.local.tenant=9901")) {
            HttpResponse<String> index = get(runtime, "/");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
            assertThat(index.body()).contains("<script type=\"module\" src=\"/assets/app.js\">").doesNotContain("https://");
            for (var file : Map.of("app.js", "text/javascript; charset=utf-8", "i18n.js", "text/javascript; charset=utf-8",
                    "charts.js", "text/javascript; charset=utf-8", "api.js", "text/javascript; charset=utf-8",
                    "app.css", "text/css; charset=utf-8", "favicon.svg", "image/svg+xml").entrySet()) {
                HttpResponse<String> asset = get(runtime, "/assets/" + file.getKey());
                assertThat(asset.statusCode()).as(file.getKey()).isEqualTo(200);
                assertThat(asset.headers().firstValue("content-type")).hasValue(file.getValue());
                // Nothing fetched from elsewhere: the only address is SVG's namespace name.
                assertThat(asset.body().replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://", "https://");
            }
            assertThat(get(runtime, "/assets/nothing.js").statusCode()).isEqualTo(404);
            assertThat(get(runtime, "/assets/..%2Fstatic%2Findex.html").statusCode()).isEqualTo(404);
            assertThat(get(runtime, "/assets/app.exe").statusCode()).isEqualTo(404);

            String planId = runtime.json("POST", "/plans", Map.of("snapshot", Samples.tiny("page-routes"), "budgetSeconds", 1))
                    .body().get("planId").asString();
            JsonNode plan = runtime.await("/plans/" + planId, p -> p.get("status").asString().equals("SOLVED"), Duration.ofSeconds(60));

            JsonNode facilities = runtime.get("/snapshots/page-routes/facilities").body();
            assertThat(facilities.get("total").asInt()).isEqualTo(Samples.tiny("x").get("facilities").size());
            JsonNode facility = facilities.get("items").get(0);
            assertThat(facility.get("lat").isNumber()).isTrue();
            assertThat(facility.get("lon").isNumber()).isTrue();

            // People by name for the page, and nothing more of them than the page shows.
            JsonNode staff = runtime.get("/snapshots/page-routes/staff?limit=1000").body();
            JsonNode sent = Samples.tiny("x").get("staff");
            assertThat(staff.get("total").asInt()).isEqualTo(sent.size());
            JsonNode person = staff.get("items").get(0);
            assertThat(person.get("staffId").asString()).isEqualTo(sent.get(0).get("id").asString());
            assertThat(person.get("name").asString()).isEqualTo(sent.get(0).get("name").asString());
            assertThat(person.propertyNames()).containsExactlyInAnyOrder("staffId", "name", "employment", "facilityId",
                    "job");

            Runtime.Reply missing = runtime.get("/plans/" + planId + "/whatif?staffId=1");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.body().get("details").valueStream().map(d -> d.get("path").asString()))
                    .containsExactly("query.facilityId", "query.job");

            // Someone placed by the plan, at another formation of their job.
            JsonNode placements = runtime.get("/plans/" + planId + "/placements?limit=1000").body().get("items");
            JsonNode formations = runtime.get("/plans/" + planId + "/formations?limit=1000").body().get("items");
            JsonNode answer = null;
            for (JsonNode placement : placements) {
                if (placement.get("pinned").asBoolean()) {
                    continue;
                }
                for (JsonNode formation : formations) {
                    if (formation.get("job").asString().equals(placement.get("job").asString())
                            && !formation.get("facilityId").asString().equals(placement.get("facilityId").asString())) {
                        Runtime.Reply reply = runtime.get("/plans/" + planId + "/whatif?staffId=" + placement.get("staffId").asString()
                                + "&facilityId=" + formation.get("facilityId").asString() + "&job=" + formation.get("job").asString());
                        if (reply.status() == 200) {
                            answer = reply.body();
                            break;
                        }
                        assertThat(reply.status()).isEqualTo(400);
                    }
                }
                if (answer != null) {
                    break;
                }
            }
            assertThat(answer).as("a possible what-if on the tiny plan").isNotNull();
            assertThat(answer.get("plan").get("shortage").asLong()).isEqualTo(plan.get("score").get("shortage").asLong());
            long direct = answer.get("direct").get("shortage").asLong();
            assertThat(answer.get("directChange").get("shortage").asLong()).isEqualTo(direct - answer.get("plan").get("shortage").asLong());
            assertThat(answer.get("formations")).hasSize(2);
            JsonNode from = answer.get("formations").get(0);
            assertThat(from.get("placedAfter").asInt()).isEqualTo(from.get("placed").asInt() - 1);
            // The best plan around a pin is never better than the optimum without it.
            assertThat(answer.get("reoptimized").get("change").get("shortage").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(answer.get("summary").get("id").asString()).startsWith("Hanya penempatan ini");
            // Read-only: the plan is as it was.
            assertThat(runtime.get("/plans/" + planId).body().get("version").asLong()).isEqualTo(plan.get("version").asLong());
        }
    }
}
