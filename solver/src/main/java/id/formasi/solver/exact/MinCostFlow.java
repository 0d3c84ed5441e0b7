package id.formasi.solver.exact;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Minimum-cost flow by the primal-dual method: Dijkstra on reduced costs finds the cheapest distance, then
 * a blocking flow fills every path of that cost at once. Costs may be negative on arcs out of a DAG start
 * (the first potentials come from Bellman-Ford). Plain Java, so it runs wherever the solver runs.
 */
final class MinCostFlow {

    private final int nodeCount;
    private int arcCount;
    private int[] head;
    private int[] next = new int[16];
    private int[] to = new int[16];
    private long[] residual = new long[16];
    private long[] cost = new long[16];
    private int[] pathArcs;
    private long[] potential;
    /** Nodes settled by the last Dijkstra: the blocking flow stays among them, where paths are shortest. */
    private boolean[] settled;
    private int[] settledNodes;
    private int settledCount;
    private long[] distance;
    private int[] touched = new int[64];
    private int touchedCount;
    private int[] level;
    private int[] currentArc;
    private int[] levelQueue;
    private MinHeap heap;

    MinCostFlow(int nodeCount) {
        // Two more nodes: the second source and sink of reoptimize.
        this.nodeCount = nodeCount + 2;
        this.head = new int[this.nodeCount];
        Arrays.fill(head, -1);
    }

    /** Adds an arc and returns its index, for reading its flow afterwards. */
    int addArc(int from, int target, long capacity, long arcCost) {
        if (arcCount + 2 > to.length) {
            int size = to.length * 2;
            next = Arrays.copyOf(next, size);
            to = Arrays.copyOf(to, size);
            residual = Arrays.copyOf(residual, size);
            cost = Arrays.copyOf(cost, size);
        }
        int arc = arcCount;
        link(arc, from, target, capacity, arcCost);
        link(arc + 1, target, from, 0, -arcCost);
        arcCount += 2;
        return arc;
    }

    private void link(int arc, int from, int target, long capacity, long arcCost) {
        to[arc] = target;
        residual[arc] = capacity;
        cost[arc] = arcCost;
        next[arc] = head[from];
        head[from] = arc;
    }

    /** Flow on an arc returned by {@link #addArc}. */
    long flow(int arc) {
        return residual[arc + 1];
    }

    /**
     * The node potentials after {@link #solve}: every residual arc has a non-negative reduced cost under
     * them, so an arc left out of the network can be priced against them.
     */
    long potential(int node) {
        return potential[node];
    }

    /** Sends up to {@code limit} units from source to sink at least cost; returns the amount sent. */
    long solve(int source, int sink, long limit) {
        potential = bellmanFord(source);
        prepare();
        return augment(source, sink, limit);
    }

    private void prepare() {
        distance = new long[nodeCount];
        Arrays.fill(distance, Long.MAX_VALUE);
        settled = new boolean[nodeCount];
        settledNodes = new int[nodeCount];
        level = new int[nodeCount];
        Arrays.fill(level, -1);
        currentArc = new int[nodeCount];
        heap = new MinHeap(nodeCount);
    }

    /** The number of arcs so far, each added with its reverse: the next arc's index. */
    int arcCount() {
        return arcCount;
    }

    long cost(int arc) {
        return cost[arc];
    }

    int target(int arc) {
        return to[arc];
    }

    /** Puts {@code amount} of flow on an arc of an unsolved network, to start {@link #reoptimize} from. */
    void setFlow(int arc, long amount) {
        long capacity = residual[arc] + residual[arc ^ 1];
        residual[arc] = capacity - amount;
        residual[arc ^ 1] = amount;
    }

    void setPotential(int node, long value) {
        if (potential == null) {
            potential = new long[nodeCount];
        }
        potential[node] = value;
    }

    /**
     * Makes a flow optimal from a start: a flow that every node passes on whole, with potentials under which
     * all but some arcs have a non-negative reduced cost (a solved flow with arcs added since, or flows put
     * together from solved parts). Each arc priced below zero is filled: every residual arc then has a
     * non-negative reduced cost, but some nodes receive more than they send. That excess goes back, at least
     * cost, to the nodes that now send more than they receive, by the same shortest paths from a second
     * source to a second sink.
     */
    void reoptimize() {
        if (distance == null) {
            prepare();
        }
        long[] excess = new long[nodeCount];
        for (int arc = 0; arc < arcCount; arc++) {
            int from = to[arc ^ 1];
            if (residual[arc] > 0 && reducedCost(arc, from) < 0) {
                long amount = residual[arc];
                residual[arc] = 0;
                residual[arc ^ 1] += amount;
                excess[to[arc]] += amount;
                excess[from] -= amount;
            }
        }
        int extraSource = nodeCount - 2;
        int extraSink = nodeCount - 1;
        int firstExtraArc = arcCount;
        long total = 0;
        long highest = Long.MIN_VALUE;
        long lowest = Long.MAX_VALUE;
        for (int node = 0; node < extraSource; node++) {
            if (excess[node] > 0) {
                addArc(extraSource, node, excess[node], 0);
                total += excess[node];
                highest = Math.max(highest, potential[node]);
            } else if (excess[node] < 0) {
                addArc(node, extraSink, -excess[node], 0);
                lowest = Math.min(lowest, potential[node]);
            }
        }
        if (total > 0) {
            // Potentials that price the new arcs at zero or more.
            potential[extraSource] = highest;
            potential[extraSink] = lowest;
            long sent = augment(extraSource, extraSink, total);
            if (sent != total) {
                throw new IllegalStateException("flow sent back " + sent + " of " + total);
            }
        }
        for (int arc = firstExtraArc; arc < arcCount; arc++) {
            residual[arc] = 0; // the second source's and sink's arcs are done with
        }
    }

    /** Primal-dual from the current potentials: one Dijkstra, then every cheapest path filled at once. */
    private long augment(int source, int sink, long limit) {
        long sent = 0;
        while (sent < limit) {
            if (!dijkstra(source, sink)) {
                break;
            }
            // Potentials rise by min(distance, sink distance). Only differences matter, so raising the settled
            // nodes by (distance - sink distance) and leaving the rest alone is the same, and costs no
            // pass over the whole graph.
            long sinkDistance = distance[sink];
            for (int i = 0; i < settledCount; i++) {
                int node = settledNodes[i];
                potential[node] += distance[node] - sinkDistance;
            }
            // Every residual path of zero reduced cost is now a cheapest path: fill them all.
            while (sent < limit && levels(source, sink)) {
                for (int i = 0; i < settledCount; i++) {
                    currentArc[settledNodes[i]] = head[settledNodes[i]];
                }
                long pushed;
                while (sent < limit && (pushed = push(source, sink, limit - sent)) > 0) {
                    sent += pushed;
                }
            }
            clearPhase();
        }
        return sent;
    }

    /** Resets what the phase touched: the settled nodes, their levels, and every distance it set. */
    private void clearPhase() {
        for (int i = 0; i < settledCount; i++) {
            settled[settledNodes[i]] = false;
            level[settledNodes[i]] = -1;
        }
        settledCount = 0;
        for (int i = 0; i < touchedCount; i++) {
            distance[touched[i]] = Long.MAX_VALUE;
        }
        touchedCount = 0;
    }

    private long reducedCost(int arc, int from) {
        return cost[arc] + potential[from] - potential[to[arc]];
    }

    private long[] bellmanFord(int source) {
        long[] potential = new long[nodeCount];
        Arrays.fill(potential, Long.MAX_VALUE);
        potential[source] = 0;
        boolean[] queued = new boolean[nodeCount];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(source);
        queued[source] = true;
        while (!queue.isEmpty()) {
            int node = queue.poll();
            queued[node] = false;
            for (int arc = head[node]; arc >= 0; arc = next[arc]) {
                if (residual[arc] > 0 && potential[node] + cost[arc] < potential[to[arc]]) {
                    potential[to[arc]] = potential[node] + cost[arc];
                    if (!queued[to[arc]]) {
                        queued[to[arc]] = true;
                        queue.add(to[arc]);
                    }
                }
            }
        }
        long worst = 0;
        for (long value : potential) {
            if (value != Long.MAX_VALUE) {
                worst = Math.max(worst, value);
            }
        }
        for (int node = 0; node < nodeCount; node++) {
            if (potential[node] == Long.MAX_VALUE) {
                potential[node] = worst;
            }
        }
        return potential;
    }

    /**
     * Shortest reduced distances from the source. Stops once every node as near as the sink is settled: those
     * hold every shortest path, so the blocking flow can fill them all in one phase.
     */
    private boolean dijkstra(int source, int sink) {
        heap.clear();
        setDistance(source, 0);
        heap.push(0, source);
        while (!heap.isEmpty()) {
            long key = heap.topKey();
            if (settled[sink] && key > distance[sink]) {
                return true;
            }
            int node = heap.pop();
            if (settled[node]) {
                continue;
            }
            settled[node] = true;
            settledNodes[settledCount++] = node;
            for (int arc = head[node]; arc >= 0; arc = next[arc]) {
                if (residual[arc] > 0) {
                    int target = to[arc];
                    long candidate = key + reducedCost(arc, node);
                    if (candidate < distance[target]) {
                        setDistance(target, candidate);
                        heap.push(candidate, target);
                    }
                }
            }
        }
        if (settled[sink]) {
            return true;
        }
        clearPhase();
        return false;
    }

    private void setDistance(int node, long value) {
        if (distance[node] == Long.MAX_VALUE) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touched.length * 2);
            }
            touched[touchedCount++] = node;
        }
        distance[node] = value;
    }

    /**
     * Breadth-first levels over admissible arcs (residual left, zero reduced cost) between nodes the last
     * Dijkstra settled: a small part of the graph, and every path in it is a shortest one.
     */
    private boolean levels(int source, int sink) {
        for (int i = 0; i < settledCount; i++) {
            level[settledNodes[i]] = -1;
        }
        level[source] = 0;
        // Each node enters the queue once (its level is set then), so an array of the settled count holds it.
        if (levelQueue == null) {
            levelQueue = new int[nodeCount];
        }
        int first = 0;
        int last = 0;
        levelQueue[last++] = source;
        while (first < last) {
            int node = levelQueue[first++];
            for (int arc = head[node]; arc >= 0; arc = next[arc]) {
                int target = to[arc];
                if (level[target] < 0 && settled[target] && residual[arc] > 0
                        && reducedCost(arc, node) == 0) {
                    level[target] = level[node] + 1;
                    levelQueue[last++] = target;
                }
            }
        }
        return level[sink] >= 0;
    }

    /** One augmenting path along increasing levels, iteratively (paths are short but graphs are wide). */
    private long push(int source, int sink, long limit) {
        if (pathArcs == null) {
            pathArcs = new int[nodeCount];
        }
        int depth = 0;
        int node = source;
        while (true) {
            if (node == sink) {
                long amount = limit;
                for (int i = 0; i < depth; i++) {
                    amount = Math.min(amount, residual[pathArcs[i]]);
                }
                for (int i = 0; i < depth; i++) {
                    residual[pathArcs[i]] -= amount;
                    residual[pathArcs[i] ^ 1] += amount;
                }
                return amount;
            }
            boolean advanced = false;
            for (int arc = currentArc[node]; arc >= 0; arc = next[arc]) {
                int target = to[arc];
                if (residual[arc] > 0 && level[target] == level[node] + 1 && reducedCost(arc, node) == 0) {
                    currentArc[node] = arc;
                    pathArcs[depth++] = arc;
                    node = target;
                    advanced = true;
                    break;
                }
            }
            if (!advanced) {
                currentArc[node] = -1;
                if (depth == 0) {
                    return 0;
                }
                depth--;
                int back = pathArcs[depth];
                node = to[back ^ 1];
                currentArc[node] = next[currentArc[node]];
            }
        }
    }
}
