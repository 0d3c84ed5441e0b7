package id.formasi.solver.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The flow from a start ({@link MinCostFlow#reoptimize}) against the flow from nothing, on random transport
 * problems shaped like the planner's: people to posts, posts to the sink in tiers of falling reward, and an
 * arc above cap that always has room.
 */
class MinCostFlowTest {

    private record Arc(int from, int to, long capacity, long cost) {
    }

    @Test
    void aFlowSolvedOnSomeArcsAndStartedFromWithAllOfThemCostsWhatSolvingAllOfThemCosts() {
        Random random = new Random(7);
        int repaired = 0;
        for (int instance = 0; instance < 300; instance++) {
            int people = 1 + random.nextInt(12);
            int posts = 1 + random.nextInt(6);
            int nodes = 2 + people + posts;
            List<Arc> drains = new ArrayList<>();
            for (int p = 0; p < posts; p++) {
                int post = 2 + people + p;
                for (int k = 0; k < random.nextInt(4); k++) {
                    drains.add(new Arc(post, 1, 1, -1000 + 100L * k + random.nextInt(50)));
                }
                drains.add(new Arc(post, 1, random.nextInt(3), 0));
                drains.add(new Arc(post, 1, people, 10_000));
            }
            List<Arc> first = new ArrayList<>();
            List<Arc> later = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                int person = 2 + i;
                for (int p = 0; p < posts; p++) {
                    Arc arc = new Arc(person, 2 + people + p, 1, random.nextInt(300));
                    // Everyone keeps one arc, so the first flow places everyone; the rest come later.
                    (p == i % posts || random.nextInt(3) == 0 ? first : later).add(arc);
                }
            }
            MinCostFlow partial = network(nodes, people, drains, first, List.of());
            assertEquals(people, partial.solve(0, 1, people));

            List<Arc> all = new ArrayList<>(first);
            all.addAll(later);
            MinCostFlow cold = network(nodes, people, drains, all, List.of());
            assertEquals(people, cold.solve(0, 1, people));

            // The started network: the same arcs in the same order, the first flow on the arcs it had.
            MinCostFlow warm = network(nodes, people, drains, first, later);
            for (int arc = 0; arc < partial.arcCount(); arc += 2) {
                warm.setFlow(arc, partial.flow(arc));
            }
            for (int node = 0; node < nodes; node++) {
                warm.setPotential(node, partial.potential(node));
            }
            long before = cost(warm);
            warm.reoptimize();
            repaired += cost(warm) < before ? 1 : 0;

            assertEquals(cost(cold), cost(warm), "instance " + instance);
            assertTrue(cost(warm) <= cost(partial), "instance " + instance);
            assertEquals(people, sentFromSource(warm, people), "instance " + instance);
        }
        assertTrue(repaired > 50, "too few instances where the later arcs paid: " + repaired);
    }

    /** Source arcs first (one per person), then the drains, then the arcs; the later arcs last. */
    private static MinCostFlow network(int nodes, int people, List<Arc> drains, List<Arc> arcs, List<Arc> later) {
        MinCostFlow flow = new MinCostFlow(nodes);
        for (int i = 0; i < people; i++) {
            flow.addArc(0, 2 + i, 1, 0);
        }
        for (List<Arc> list : List.of(drains, arcs, later)) {
            for (Arc arc : list) {
                flow.addArc(arc.from(), arc.to(), arc.capacity(), arc.cost());
            }
        }
        return flow;
    }

    private static long cost(MinCostFlow flow) {
        long total = 0;
        for (int arc = 0; arc < flow.arcCount(); arc += 2) {
            total += flow.flow(arc) * flow.cost(arc);
        }
        return total;
    }

    private static long sentFromSource(MinCostFlow flow, int people) {
        long sent = 0;
        for (int arc = 0; arc < 2 * people; arc += 2) {
            sent += flow.flow(arc);
        }
        return sent;
    }
}
