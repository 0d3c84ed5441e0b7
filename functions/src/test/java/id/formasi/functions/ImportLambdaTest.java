package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import id.formasi.solver.snapshot.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Workbooks through the api function as API Gateway sends them: binary bodies base64-encoded, both ways. */
class ImportLambdaTest {

    private static Lambda lambda;

    @BeforeAll
    static void start() throws IOException {
        lambda = new Lambda(Files.createTempDirectory("formasi-import-lambda"), Map.of("formasi.solve.budget", "1s",
                "formasi.local.tenant", "9901"));
    }

    @AfterAll
    static void clear() {
        Stream.of("formasi.data-dir", "formasi.local.runtime", "formasi.solve.budget", "formasi.local.tenant").forEach(System::clearProperty);
    }

    @Test
    void aBase64WorkbookBodyIsImportedAndTheTemplateComesBackBase64() {
        ObjectNode event = Lambda.http("POST", "/imports?snapshotId=lambda-import-1",
                Base64.getEncoder().encodeToString(Samples.tinyWorkbook("unused", null)));
        event.put("isBase64Encoded", true);
        ((ObjectNode) event.get("headers")).put("content-type",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        JsonNode created = lambda.api(event);
        assertThat(created.get("statusCode").asInt()).isEqualTo(201);
        assertThat(Json.MAPPER.readTree(created.get("body").asString()).get("snapshotId").asString())
                .isEqualTo("lambda-import-1");

        JsonNode template = lambda.api(Lambda.http("GET", "/imports/template.xlsx", null));
        assertThat(template.get("statusCode").asInt()).isEqualTo(200);
        assertThat(template.get("isBase64Encoded").asBoolean()).isTrue();
        byte[] workbook = Base64.getDecoder().decode(template.get("body").asString());
        assertThat(new String(workbook, 0, 2)).isEqualTo("PK");
        assertThat(template.get("headers").get("Content-Disposition").asString()).contains("formasi-template.xlsx");
    }
}
