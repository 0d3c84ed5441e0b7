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
    private Heap heap;

    MinCostFlow(int nodeCount) {
        this.nodeCount = nodeCount;
        this.head = new int[nodeCount];
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
        long sent = 0;
        distance = new long[nodeCount];
        Arrays.fill(distance, Long.MAX_VALUE);
        settled = new boolean[nodeCount];
        settledNodes = new int[nodeCount];
        level = new int[nodeCount];
        Arrays.fill(level, -1);
        currentArc = new int[nodeCount];
        heap = new Heap(nodeCount);
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

    /** A binary min-heap of (distance, node) on primitive arrays; stale entries are skipped by the caller. */
    private static final class Heap {
        private long[] keys;
        private int[] nodes;
        private int size;

        Heap(int capacity) {
            keys = new long[Math.max(16, capacity)];
            nodes = new int[keys.length];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void clear() {
            size = 0;
        }

        long topKey() {
            return keys[0];
        }

        void push(long key, int node) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                nodes = Arrays.copyOf(nodes, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (keys[parent] <= key) {
                    break;
                }
                put(i, keys[parent], nodes[parent]);
                i = parent;
            }
            put(i, key, node);
        }

        int pop() {
            int top = nodes[0];
            size--;
            if (size > 0) {
                long key = keys[size];
                int node = nodes[size];
                int i = 0;
                while (true) {
                    int child = 2 * i + 1;
                    if (child >= size) {
                        break;
                    }
                    if (child + 1 < size && keys[child + 1] < keys[child]) {
                        child++;
                    }
                    if (keys[child] >= key) {
                        break;
                    }
                    put(i, keys[child], nodes[child]);
                    i = child;
                }
                put(i, key, node);
            }
            return top;
        }

        /** The two arrays are one array of entries: an entry always moves whole. */
        private void put(int i, long key, int node) {
            keys[i] = key;
            nodes[i] = node;
        }
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
