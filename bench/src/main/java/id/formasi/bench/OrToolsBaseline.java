package id.formasi.bench;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import id.formasi.solver.snapshot.Formation;
import id.formasi.solver.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent exact optimum of the contract's three levels, with OR-Tools' min-cost flow, built
 * straight from the snapshot through {@link Contract} (not through the solver's ProblemBuilder).
 *
 * <p>source → groups of interchangeable people (same facility, job, qualifications, fixed or not) →
 * formations → sink. Each formation drains in three tiers: its minimum positions at −priority·S, the
 * positions up to cap at 0, every person above cap at +H. People with no eligible formation are a
 * constant hard 1 each. Someone who must move (closing facility, or no formation for their job there)
 * may also stay where they are at +H: the contract counts them one hard violation when no eligible
 * formation has room, with no move and so no disruption. S exceeds every possible disruption and H every possible shortage·S plus
 * disruption, so one flow optimum is the lexicographic optimum (hard, shortage, disruption).

 */
public final class OrToolsBaseline {

    static {
        Loader.loadNativeLibraries();
    }

    private OrToolsBaseline() {
    }

    public static Contract.Result solve(Snapshot snapshot) {
        return solve(new Contract(snapshot));
    }

    static Contract.Result solve(Contract contract) {
        List<Contract.Slot> slots = contract.slots;
        List<Contract.Person> people = contract.people;
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        int placeable = 0;
        for (int p = 0; p < people.size(); p++) {
            Contract.Person person = people.get(p);
            if (person.eligible().length == 0) {
                continue;
            }
            placeable++;
            String key = person.facility().id() + "|" + person.staff().job() + "|"
                    + person.staff().alsoQualifiedFor().stream().sorted().toList() + "|" + person.fixed();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        List<List<Integer>> groupList = new ArrayList<>(groups.values());

        long disruptionBound = 1;
        for (List<Integer> group : groupList) {
            long worst = Arrays.stream(people.get(group.getFirst()).cost()).max().orElse(0);
            disruptionBound = Math.addExact(disruptionBound, Math.multiplyExact(worst, group.size()));
        }
        long shortageBound = 1;
        for (Contract.Slot slot : slots) {
            shortageBound = Math.addExact(shortageBound,
                    (long) slot.formation().priority() * slot.formation().minimum());
        }
        long s = disruptionBound;
        long h = Math.addExact(Math.multiplyExact(shortageBound, s), disruptionBound);
        Math.multiplyExact(h, placeable + 1L); // the objective must fit in a long

        int source = 0;
        int sink = 1;
        int firstGroup = 2 + slots.size();
        MinCostFlow flow = new MinCostFlow();
        int[][] groupArcs = new int[groupList.size()][];
        int[] stayArcs = new int[groupList.size()];
        Arrays.fill(stayArcs, -1);
        for (int g = 0; g < groupList.size(); g++) {
            List<Integer> group = groupList.get(g);
            Contract.Person person = people.get(group.getFirst());
            flow.addArcWithCapacityAndUnitCost(source, firstGroup + g, group.size(), 0);
            groupArcs[g] = new int[person.eligible().length];
            for (int i = 0; i < person.eligible().length; i++) {
                groupArcs[g][i] = flow.addArcWithCapacityAndUnitCost(firstGroup + g, 2 + person.eligible()[i],
                        group.size(), person.cost()[i]);
            }
            boolean forced = Contract.indexOf(person.eligible(), person.current()) < 0;
            if (forced) {
                stayArcs[g] = flow.addArcWithCapacityAndUnitCost(firstGroup + g, sink, group.size(), h);
            }
        }
        for (Contract.Slot slot : slots) {
            Formation formation = slot.formation();
            int node = 2 + slot.index();
            if (formation.minimum() > 0) {
                flow.addArcWithCapacityAndUnitCost(node, sink, formation.minimum(),
                        -Math.multiplyExact((long) formation.priority(), s));
            }
            if (formation.cap() > formation.minimum()) {
                flow.addArcWithCapacityAndUnitCost(node, sink, formation.cap() - formation.minimum(), 0);
            }
            flow.addArcWithCapacityAndUnitCost(node, sink, Math.max(1, placeable), h);
        }
        flow.setNodeSupply(source, placeable);
        flow.setNodeSupply(sink, -placeable);
        MinCostFlowBase.Status status = placeable == 0 ? MinCostFlowBase.Status.OPTIMAL : flow.solve();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("OR-Tools min-cost flow ended " + status);
        }

        int[] assigned = new int[people.size()];
        Arrays.fill(assigned, -1);
        for (int g = 0; g < groupList.size(); g++) {
            List<Integer> group = groupList.get(g);
            Contract.Person person = people.get(group.getFirst());
            int next = 0;
            for (int i = 0; i < groupArcs[g].length; i++) {
                long units = flow.getFlow(groupArcs[g][i]);
                for (long u = 0; u < units; u++) {
                    assigned[group.get(next++)] = person.eligible()[i];
                }
            }
            if (stayArcs[g] >= 0) {
                next += (int) flow.getFlow(stayArcs[g]); // they stay where they are: -1, one hard each
            }
            if (next != group.size()) {
                throw new IllegalStateException("flow left " + (group.size() - next) + " people unplaced");
            }
        }
        Contract.Result result = contract.levels("OR-Tools exact", assigned);
        if (placeable > 0) {
            // The flow's objective, taken apart by the weights, must give the same levels.
            long unplaceable = people.size() - placeable;
            long shortageConstant = shortageBound - 1;
            long expected = Math.multiplyExact(result.hard() - unplaceable, h)
                    + Math.multiplyExact(result.shortage() - shortageConstant, s) + result.disruption();
            if (expected != flow.getOptimalCost()) {
                throw new IllegalStateException("flow cost " + flow.getOptimalCost() + " != levels " + expected);
            }
        }
        return result;
    }
}
