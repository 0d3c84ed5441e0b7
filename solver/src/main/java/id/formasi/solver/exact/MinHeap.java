package id.formasi.solver.exact;

import java.util.Arrays;

/** A binary min-heap of (distance, node) on primitive arrays; stale entries are skipped by the caller. */
final class MinHeap {
    private long[] keys;
    private int[] nodes;
    private int size;

    MinHeap(int capacity) {
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
