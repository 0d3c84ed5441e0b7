package id.formasi.functions;

import id.formasi.functions.planning.SnapshotService;
import id.formasi.solver.Planning;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Snapshot;
import java.time.Duration;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming: before Lambda takes the snapshot of an initialised function (published version), read a
 * tiny synthetic snapshot and, in the {@code solve} function, solve it, so that the reader, Jackson, the
 * exact flow, Timefold's constraint streams and the plan document are loaded and JIT-warm when the first
 * real request arrives. Touches no AWS service (no connection may outlive the checkpoint). Off Lambda the
 * registration is a no-op.
 */
@Component
public class SnapStartPriming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    private final SnapshotService snapshots;
    private final Planning planning;
    private final String definition;

    public SnapStartPriming(SnapshotService snapshots, Planning planning,
            @Value("${spring.cloud.function.definition:}") String definition) {
        this.snapshots = snapshots;
        this.planning = planning;
        this.definition = definition;
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing held across the checkpoint needs renewing: SDK clients connect on first use.
    }

    /**
     * What priming did: the tiny snapshot's staff, and the solved plan's placements and leavers (null when
     * not solving).
     */
    public record Primed(int staff, Integer placements, Integer leaving, long millis) {
    }

    public Primed prime() {
        long start = System.nanoTime();
        Snapshot generated = Planning.sample();
        Snapshot snapshot = snapshots.parse(Json.MAPPER.writeValueAsBytes(generated), "");
        Integer placements = null;
        Integer leaving = null;
        if (definition.isEmpty() || definition.equals("solve")) {
            PlanDocument document = planning.plan(snapshot, Planning.Options.of("priming", Duration.ofSeconds(3))
                    .withUnimprovedLimit(Duration.ofMillis(500))).document();
            Json.MAPPER.writeValueAsBytes(document);
            placements = document.placements().size();
            leaving = document.leaving().size();
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        LOG.info("primed {} in {} ms", definition.isEmpty() ? "all" : definition, millis);
        return new Primed(snapshot.staff().size(), placements, leaving, millis);
    }
}
