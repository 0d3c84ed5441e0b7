package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import id.formasi.functions.local.LocalRuntime;
import id.formasi.solver.snapshot.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The run command's first start, as a new user sees it: a fresh data folder gets the Balikpapan sample, whose
 * arrival queues one plan that solves, and nothing on the way is logged as an error.
 */
@ExtendWith(OutputCaptureExtension.class)
class LocalStartTest {

    @TempDir
    Path data;

    @Test
    void aFreshStartSolvesTheSampleWithoutAnErrorInTheLog(CapturedOutput output) throws Exception {
        String[] arguments = {
            "--formasi.data-dir=" + data,
            "--formasi.local.port=0",
            "--formasi.local.sample=" + Samples.file("balikpapan.json"),
            "--formasi.solve.budget=2s",
        };
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FormasiApplication.class).run(arguments)) {
            String base = "http://localhost:" + context.getBean(LocalRuntime.class).port();
            HttpClient client = HttpClient.newHttpClient();
            JsonNode plans = null;
            for (long end = System.nanoTime() + 90_000_000_000L; System.nanoTime() < end; Thread.sleep(250)) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/plans")).build(),
                        HttpResponse.BodyHandlers.ofString());
                plans = Json.MAPPER.readTree(response.body()).get("items");
                if (plans.size() == 1 && plans.get(0).get("status").asString().equals("SOLVED")) {
                    break;
                }
            }
            assertThat(plans).as("one plan for the sample").hasSize(1);
            assertThat(plans.get(0).get("status").asString()).isEqualTo("SOLVED");
        }
        List<String> errors = output.getOut().lines().filter(line -> line.contains("\"level\":\"ERROR\"")).toList();
        assertThat(errors).as("errors logged on a fresh start").isEmpty();
    }
}
