package id.formasi.solver.exact;

import id.formasi.solver.domain.District;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A set of posts and classes linked by candidate arcs; nothing outside it competes with it. */
record Component(List<Post> posts, List<Integer> classes) {

    /** Posts of a district whose fairness is in the flow share its node, so they are one part. */
    static List<Component> of(List<Post> posts, List<List<Post>> eligibleList, boolean[][] candidate, Tiers tiers) {
        Map<Post, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            index.put(posts.get(i), i);
        }
        int[] parent = new int[posts.size() + eligibleList.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<District, Integer> firstOfDistrict = new IdentityHashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            District district = posts.get(i).getDistrict();
            if (tiers.couples(district)) {
                Integer first = firstOfDistrict.putIfAbsent(district, i);
                if (first != null) {
                    union(parent, i, first);
                }
            }
        }
        for (int c = 0; c < eligibleList.size(); c++) {
            List<Post> eligible = eligibleList.get(c);
            for (int e = 0; e < eligible.size(); e++) {
                if (candidate[c][e] && !eligible.get(e).isNoRoom()) {
                    union(parent, posts.size() + c, index.get(eligible.get(e)));
                }
            }
        }
        Map<Integer, Component> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            byRoot.computeIfAbsent(find(parent, i), root -> new Component(new ArrayList<>(), new ArrayList<>()))
                    .posts().add(posts.get(i));
        }
        for (int c = 0; c < eligibleList.size(); c++) {
            byRoot.computeIfAbsent(find(parent, posts.size() + c), root -> new Component(new ArrayList<>(), new ArrayList<>()))
                    .classes().add(c);
        }
        return List.copyOf(byRoot.values());
    }

    private static int find(int[] parent, int node) {
        while (parent[node] != node) {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }
        return node;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

}
