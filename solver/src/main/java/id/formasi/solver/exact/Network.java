package id.formasi.solver.exact;

import id.formasi.solver.domain.District;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One part of {@link ExactCore}'s flow: its network over the candidate arcs, and what its solution says. */
final class Network {
    private static final int SOURCE = 0;
    private static final int SINK = 1;

    private final MinCostFlow flow;
    private final Component component;
    private final List<List<Placement>> classList;
    private final List<List<Post>> eligibleList;
    private final Map<Post, Integer> postNode = new IdentityHashMap<>();
    private final int firstClassNode;
    private final int[][] classArcs;
    private long supply;

    Network(Component component, List<List<Placement>> classList, List<List<Post>> eligibleList,
            Map<Post, Integer> pinnedCount,
            boolean[][] candidate, long[][] arcCosts, Tiers tiers, Map<District, Long> districtMinimum) {
        this.component = component;
        this.classList = classList;
        this.eligibleList = eligibleList;
        List<Post> posts = component.posts();
        for (int i = 0; i < posts.size(); i++) {
            postNode.put(posts.get(i), 2 + i);
        }
        postNode.put(Post.NO_ROOM, SINK);
        Map<District, Integer> districtNode = new IdentityHashMap<>();
        for (Post post : posts) {
            if (tiers.couples(post.getDistrict())) {
                districtNode.putIfAbsent(post.getDistrict(), 2 + posts.size() + districtNode.size());
            }
        }
        firstClassNode = 2 + posts.size() + districtNode.size();
        flow = new MinCostFlow(firstClassNode + component.classes().size());
        for (Map.Entry<District, Integer> district : districtNode.entrySet()) {
            Tiers.addDistrict(flow, district.getValue(), SINK, district.getKey(), districtMinimum.get(district.getKey()));
        }
        for (Post post : posts) {
            tiers.add(flow, postNode.get(post), SINK, districtNode.getOrDefault(post.getDistrict(), -1), post);
            Integer pinned = pinnedCount.get(post);
            if (pinned != null) {
                flow.addArc(SOURCE, postNode.get(post), pinned, 0);
                supply += pinned;
            }
        }
        classArcs = new int[component.classes().size()][];
        for (int i = 0; i < component.classes().size(); i++) {
            int c = component.classes().get(i);
            int node = firstClassNode + i;
            List<Placement> members = classList.get(c);
            flow.addArc(SOURCE, node, members.size(), 0);
            supply += members.size();
            List<Post> eligible = eligibleList.get(c);
            classArcs[i] = new int[eligible.size()];
            for (int e = 0; e < eligible.size(); e++) {
                classArcs[i][e] = candidate[c][e]
                        ? flow.addArc(node, postNode.get(eligible.get(e)), members.size(), arcCosts[c][e])
                        : -1;
            }
        }
    }

    /** The part this network was built for: a later round with another part builds anew. */
    Component component() {
        return component;
    }

    void solve() {
        long sent = flow.solve(SOURCE, SINK, supply);
        if (sent != supply) {
            throw new IllegalStateException("flow placed " + sent + " of " + supply + " people");
        }
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
