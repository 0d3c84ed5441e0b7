package id.formasi.solver.exact;

import id.formasi.solver.domain.District;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One part of {@link ExactCore}'s flow: its network over the candidate arcs, and what its solution says. A
 * part of a later pricing round starts from the flows and potentials of the parts it grew from.
 */
final class Network {
    private static final int SOURCE = 0;
    private static final int SINK = 1;

    private final MinCostFlow flow;
    private final Component component;
    private final List<List<Placement>> classList;
    private final List<List<Post>> eligibleList;
    private final Map<Post, Integer> postNode = new IdentityHashMap<>();
    private final Map<District, Integer> districtNode = new IdentityHashMap<>();
    /** Per post: its first drain arc, the end of its drain arcs, and its pinned people's arc (-1 for none). */
    private final Map<Post, int[]> postArcs = new IdentityHashMap<>();
    /** Per district node: its first arc to the sink and their end. */
    private final Map<District, int[]> districtArcs = new IdentityHashMap<>();
    private final Map<Integer, Integer> classIndex = new HashMap<>();
    private final int firstClassNode;
    private final int[] classSourceArcs;
    private final int[][] classArcs;
    private long supply;

    Network(Component component, List<List<Placement>> classList, Arcs arcs, Map<Post, Integer> pinnedCount,
            Tiers tiers, Map<District, Long> districtMinimum) {
        this.component = component;
        this.classList = classList;
        this.eligibleList = arcs.eligibleList();
        boolean[][] candidate = arcs.candidate();
        List<Post> posts = component.posts();
        for (int i = 0; i < posts.size(); i++) {
            postNode.put(posts.get(i), 2 + i);
        }
        postNode.put(Post.NO_ROOM, SINK);
        for (Post post : posts) {
            if (tiers.couples(post.getDistrict())) {
                districtNode.putIfAbsent(post.getDistrict(), 2 + posts.size() + districtNode.size());
            }
        }
        firstClassNode = 2 + posts.size() + districtNode.size();
        flow = new MinCostFlow(firstClassNode + component.classes().size());
        for (Map.Entry<District, Integer> district : districtNode.entrySet()) {
            int first = flow.arcCount();
            Tiers.addDistrict(flow, district.getValue(), SINK, district.getKey(), districtMinimum.get(district.getKey()));
            districtArcs.put(district.getKey(), new int[] {first, flow.arcCount()});
        }
        for (Post post : posts) {
            int first = flow.arcCount();
            tiers.add(flow, postNode.get(post), SINK, districtNode.getOrDefault(post.getDistrict(), -1), post);
            int end = flow.arcCount();
            Integer pinned = pinnedCount.get(post);
            int pinnedArc = -1;
            if (pinned != null) {
                pinnedArc = flow.addArc(SOURCE, postNode.get(post), pinned, 0);
                supply += pinned;
            }
            postArcs.put(post, new int[] {first, end, pinnedArc});
        }
        classSourceArcs = new int[component.classes().size()];
        classArcs = new int[component.classes().size()][];
        for (int i = 0; i < component.classes().size(); i++) {
            int c = component.classes().get(i);
            classIndex.put(c, i);
            int node = firstClassNode + i;
            List<Placement> members = classList.get(c);
            classSourceArcs[i] = flow.addArc(SOURCE, node, members.size(), 0);
            supply += members.size();
            List<Post> eligible = eligibleList.get(c);
            classArcs[i] = new int[eligible.size()];
            for (int e = 0; e < eligible.size(); e++) {
                classArcs[i][e] = candidate[c][e]
                        ? flow.addArc(node, postNode.get(eligible.get(e)), members.size(), arcs.cost(c, e))
                        : -1;
            }
        }
    }

    /** Solves the part from nothing. */
    void solve() {
        long sent = flow.solve(SOURCE, SINK, supply);
        if (sent != supply) {
            throw new IllegalStateException("flow placed " + sent + " of " + supply + " people");
        }
    }

    /**
     * Solves the part from the last round's parts it grew from: their flows and potentials (measured from the
     * sink they share) hold on every arc they had, so only the arcs added since need work. A post no part
     * held starts empty, at the potential of its cheapest tier, which prices each of its tiers at zero or more.
     */
    void solveFrom(Map<Post, Network> previousOfPost, Map<Integer, Network> previousOfClass, Tiers tiers,
            Map<District, Long> districtMinimum) {
        long source = Long.MAX_VALUE;
        // A district's posts are one part, so the part that held one of them held its district node.
        Map<District, Network> previousOfDistrict = new IdentityHashMap<>();
        for (Map.Entry<Post, int[]> entry : postArcs.entrySet()) {
            Post post = entry.getKey();
            Network previous = previousOfPost.get(post);
            int node = postNode.get(post);
            if (previous == null) {
                flow.setPotential(node, -tiers.cheapest(post, districtMinimum.get(post.getDistrict())));
                continue;
            }
            previousOfDistrict.put(post.getDistrict(), previous);
            int[] arcs = entry.getValue();
            int[] before = previous.postArcs.get(post);
            for (int k = 0; arcs[0] + k < arcs[1]; k += 2) {
                flow.setFlow(arcs[0] + k, previous.flow.flow(before[0] + k));
            }
            if (arcs[2] >= 0) {
                flow.setFlow(arcs[2], previous.flow.flow(before[2]));
            }
            flow.setPotential(node, previous.fromSink(previous.postNode.get(post)));
            source = Math.min(source, previous.fromSink(SOURCE));
        }
        for (Map.Entry<District, int[]> entry : districtArcs.entrySet()) {
            District district = entry.getKey();
            Network previous = previousOfDistrict.get(district);
            int node = districtNode.get(district);
            int[] arcs = entry.getValue();
            if (previous == null) {
                // Empty so far: its first arc is its cheapest.
                flow.setPotential(node, arcs[0] < arcs[1] ? -flow.cost(arcs[0]) : 0);
                continue;
            }
            int[] before = previous.districtArcs.get(district);
            for (int k = 0; arcs[0] + k < arcs[1]; k += 2) {
                flow.setFlow(arcs[0] + k, previous.flow.flow(before[0] + k));
            }
            flow.setPotential(node, previous.fromSink(previous.districtNode.get(district)));
        }
        for (int i = 0; i < component.classes().size(); i++) {
            int c = component.classes().get(i);
            Network previous = previousOfClass.get(c);
            int before = previous.classIndex.get(c);
            flow.setFlow(classSourceArcs[i], previous.flow.flow(previous.classSourceArcs[before]));
            for (int e = 0; e < classArcs[i].length; e++) {
                int arc = previous.classArcs[before][e];
                if (classArcs[i][e] >= 0 && arc >= 0) {
                    flow.setFlow(classArcs[i][e], previous.flow.flow(arc));
                }
            }
            flow.setPotential(firstClassNode + i, previous.fromSink(previous.firstClassNode + before));
            source = Math.min(source, previous.fromSink(SOURCE));
        }
        // The source's arcs are full, so only their reverses are residual: the lowest potential prices them all.
        flow.setPotential(SOURCE, source);
        flow.setPotential(SINK, 0);
        // A class with a new arc priced below zero is raised until none is: then its people are taken off
        // their arcs (priced below zero backwards now) and placed again, each one once, where filling every
        // such new arc would have sent each of them along all of them.
        for (int i = 0; i < classArcs.length; i++) {
            long raised = flow.potential(firstClassNode + i);
            for (int arc : classArcs[i]) {
                if (arc >= 0) {
                    raised = Math.max(raised, flow.potential(flow.target(arc)) - flow.cost(arc));
                }
            }
            flow.setPotential(firstClassNode + i, raised);
        }
        flow.reoptimize();
    }

    private long fromSink(int node) {
        return flow.potential(node) - flow.potential(SINK);
    }

    /** The part this network was built for: a part that grew since is built anew, starting from this flow. */
    Component component() {
        return component;
    }

    /** Potentials measured from the sink, which every part shares, so parts can price each other's arcs. */
    void potentials(Map<Post, Long> postPotential, long[] classPotential) {
        long sink = flow.potential(SINK);
        component.posts().forEach(post -> postPotential.put(post, flow.potential(postNode.get(post)) - sink));
        for (int i = 0; i < component.classes().size(); i++) {
            classPotential[component.classes().get(i)] = flow.potential(firstClassNode + i) - sink;
        }
    }

    void assign() {
        for (int i = 0; i < component.classes().size(); i++) {
            List<Placement> members = classList.get(component.classes().get(i));
            List<Post> eligible = eligibleList.get(component.classes().get(i));
            Map<Post, Integer> targets = new LinkedHashMap<>();
            for (int e = 0; e < eligible.size(); e++) {
                long amount = classArcs[i][e] < 0 ? 0 : flow.flow(classArcs[i][e]);
                if (amount > 0) {
                    targets.put(eligible.get(e), (int) amount);
                }
            }
            assignMembers(members, targets);
        }
    }

    /** Interchangeable people share everything the flow sees; home distance picks who goes where. */
    private static void assignMembers(List<Placement> members, Map<Post, Integer> targets) {
        List<Placement> open = new ArrayList<>(members);
        Post current = members.getFirst().getCurrent();
        Integer staying = current == null ? null : targets.remove(current);
        List<Map.Entry<Post, Integer>> moves = new ArrayList<>(targets.entrySet());
        // Each move goes to whoever it takes least far from home; the rest stay.
        for (Map.Entry<Post, Integer> move : moves) {
            Post post = move.getKey();
            open.sort(Comparator.comparingLong(placement -> placement.homeDistancePenaltyAt(post)));
            for (int i = 0; i < move.getValue(); i++) {
                open.removeFirst().setPost(post);
            }
        }
        int stayCount = staying == null ? 0 : staying;
        if (open.size() != stayCount) {
            throw new IllegalStateException("class flow does not match its size");
        }
        open.forEach(placement -> placement.setPost(current));
    }
}
