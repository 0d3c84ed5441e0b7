package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The SnapStart priming hook solves a tiny synthetic snapshot in the solve function, and only parses elsewhere. */
class SnapStartPrimingTest {

    @TempDir
    Path data;

    @Test
    void primingSolvesATinySnapshotInTheSolveFunction() {
        try (ConfigurableApplicationContext context = start("solve")) {
            SnapStartPriming priming = context.getBean(SnapStartPriming.class);
            priming.beforeCheckpoint(null);
            SnapStartPriming.Primed primed = priming.prime();
            // The whole solve ran: everyone in the tiny snapshot is either placed by the plan or leaving.
            assertThat(primed.staff()).isPositive();
            assertThat(primed.placements()).isPositive();
            assertThat(primed.placements() + primed.leaving()).isEqualTo(primed.staff());
        }
    }

    @Test
    void theApiFunctionOnlyReadsTheSnapshot() {
        try (ConfigurableApplicationContext context = start("api")) {
            SnapStartPriming.Primed primed = context.getBean(SnapStartPriming.class).prime();
            assertThat(primed.staff()).isPositive();
            assertThat(primed.placements()).isNull();
            assertThat(primed.leaving()).isNull();
        }
    }

    private ConfigurableApplicationContext start(String definition) {
        return new SpringApplicationBuilder(FormasiApplication.class)
                .properties("formasi.local.runtime=false", "formasi.data-dir=" + data,
                        "spring.cloud.function.definition=" + definition)
                .run();
    }
}
