package id.formasi.bench;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import id.formasi.solver.snapshot.Employment;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Policy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent optimum of the contract's hard and shortage levels with two rules of mutasi practice, the
 * PNS floors and the departure limits, as an integer program (OR-Tools with SCIP), built from the snapshot
 * through {@link Contract}. The spouse rule is left out, so its optimum bounds every plan that keeps all three
 * rules from below: it tells how much of a plan's gap to the solver's bound is the plan's and how much the
 * bound's. Lexicographic in two solves: the least hard violations (each PNS short, each departure over and
 * each person above cap or without room one), then with that many the least priority-weighted shortage.
 */
final class PracticeMip {

    static {
        Loader.loadNativeLibraries();
    }

    /** The levels found and the solver's proven lower bound on each (equal when proven optimal). */
    record Levels(long hard, long hardBound, long shortage, long shortageBound, String status) {
    }

    private PracticeMip() {
    }

    static Levels solve(Contract contract, double secondsPerLevel) {
        return solve(contract, secondsPerLevel, false);
    }

    /**
     * @param keepRules no departure over a limit, and no facility shorter of its PNS floor than its PNS who must
     *                  move make it: the rules as the solver keeps them, wherever the status quo keeps them
     */
    static Levels solve(Contract contract, double secondsPerLevel, boolean keepRules) {
        Policy policy = contract.snapshot.policy();
        Map<String, Integer> floors = policy.minPnsByKind() == null ? Map.of() : policy.minPnsByKind();
        Integer limit = policy.maxDeparturesPerFacility();
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no SCIP here");
        }
        // Interchangeable people: same facility, job, qualifications, fixed or not, PNS or not.
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        long constantHard = 0;
        Map<String, Long> pnsBefore = new HashMap<>();
        Map<String, Long> pnsFree = new HashMap<>();
        Map<String, Long> pnsUnplaceable = new HashMap<>();
        for (int p = 0; p < contract.people.size(); p++) {
            Contract.Person person = contract.people.get(p);
            boolean pns = person.staff().employment() == Employment.PNS;
            if (pns) {
                pnsBefore.merge(person.facility().id(), 1L, Long::sum);
                if (person.facility().status() != FacilityStatus.CLOSING && person.current() >= 0) {
                    pnsFree.merge(person.facility().id(), 1L, Long::sum); // may stay
                }
            }
            if (person.eligible().length == 0) {
                constantHard++;
                if (pns) {
                    pnsUnplaceable.merge(person.facility().id(), 1L, Long::sum);
                }
                continue;
            }
            String key = person.facility().id() + "|" + person.staff().job() + "|"
                    + person.staff().alsoQualifiedFor().stream().sorted().toList() + "|" + person.fixed() + "|" + pns;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        List<List<Integer>> groupList = new ArrayList<>(groups.values());
        int slots = contract.slots.size();
        List<List<MPVariable>> placedIn = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            placedIn.add(new ArrayList<>());
        }
        Map<String, List<MPVariable>> departures = new HashMap<>();
        Map<String, List<MPVariable>> pnsAfter = new HashMap<>();
        List<MPVariable> hardTerms = new ArrayList<>();
        for (int g = 0; g < groupList.size(); g++) {
            List<Integer> group = groupList.get(g);
            Contract.Person person = contract.people.get(group.getFirst());
            String facility = person.facility().id();
            boolean pns = person.staff().employment() == Employment.PNS;
            boolean mustMove = person.facility().status() == FacilityStatus.CLOSING || person.current() < 0;
            MPConstraint all = solver.makeConstraint(group.size(), group.size());
            for (int i = 0; i < person.eligible().length; i++) {
                int slot = person.eligible()[i];
                MPVariable x = solver.makeIntVar(0, group.size(), "x" + g + "_" + i);
                all.setCoefficient(x, 1);
                placedIn.get(slot).add(x);
                String to = contract.slots.get(slot).facility().id();
                if (!mustMove && !to.equals(facility)) {
                    departures.computeIfAbsent(facility, f -> new ArrayList<>()).add(x);
                }
                if (pns) {
                    pnsAfter.computeIfAbsent(to, f -> new ArrayList<>()).add(x);
                }
            }
            if (Contract.indexOf(person.eligible(), person.current()) < 0) {
                // Someone who must move may stay where they are, without a formation: one hard violation.
                MPVariable stays = solver.makeIntVar(0, group.size(), "u" + g);
                all.setCoefficient(stays, 1);
                hardTerms.add(stays);
                if (pns) {
                    pnsAfter.computeIfAbsent(facility, f -> new ArrayList<>()).add(stays);
                }
            }
        }
        List<MPVariable> shortageTerms = new ArrayList<>();
        List<Double> priorities = new ArrayList<>();
        for (Contract.Slot slot : contract.slots) {
            int cap = slot.formation().cap();
            int minimum = slot.formation().minimum();
            MPVariable above = solver.makeIntVar(0, MPSolver.infinity(), "a" + slot.index());
            MPConstraint overCap = solver.makeConstraint(-MPSolver.infinity(), cap);
            placedIn.get(slot.index()).forEach(x -> overCap.setCoefficient(x, 1));
            overCap.setCoefficient(above, -1);
            hardTerms.add(above);
            if (minimum > 0) {
                MPVariable missing = solver.makeIntVar(0, minimum, "m" + slot.index());
                MPConstraint reach = solver.makeConstraint(minimum, MPSolver.infinity());
                placedIn.get(slot.index()).forEach(x -> reach.setCoefficient(x, 1));
                reach.setCoefficient(missing, 1);
                shortageTerms.add(missing);
                priorities.add((double) slot.formation().priority());
            }
        }
        if (limit != null) {
            departures.forEach((facility, moves) -> {
                MPVariable over = solver.makeIntVar(0, keepRules ? 0 : MPSolver.infinity(), "d" + facility);
                MPConstraint atMost = solver.makeConstraint(-MPSolver.infinity(), limit);
                moves.forEach(x -> atMost.setCoefficient(x, 1));
                atMost.setCoefficient(over, -1);
                hardTerms.add(over);
            });
        }
        for (var facility : contract.snapshot.facilities()) {
            Integer k = floors.get(facility.kind());
            if (k == null || facility.status() == FacilityStatus.CLOSING) {
                continue;
            }
            long floor = Math.min(k, pnsBefore.getOrDefault(facility.id(), 0L));
            long fixed = pnsUnplaceable.getOrDefault(facility.id(), 0L);
            if (floor - fixed <= 0) {
                continue;
            }
            long unavoidable = Math.max(0, floor - fixed - pnsFree.getOrDefault(facility.id(), 0L));
            MPVariable shortOf = solver.makeIntVar(0, keepRules ? unavoidable : floor, "p" + facility.id());
            MPConstraint keep = solver.makeConstraint(floor - fixed, MPSolver.infinity());
            pnsAfter.getOrDefault(facility.id(), List.of()).forEach(x -> keep.setCoefficient(x, 1));
            keep.setCoefficient(shortOf, 1);
            hardTerms.add(shortOf);
        }

        solver.setTimeLimit((long) (secondsPerLevel * 1000));
        MPObjective objective = solver.objective();
        hardTerms.forEach(v -> objective.setCoefficient(v, 1));
        objective.setMinimization();
        MPSolver.ResultStatus first = solver.solve();
        long hard = Math.round(objective.value()) + constantHard;
        long hardBound = (long) Math.ceil(objective.bestBound() - 1e-6) + constantHard;
        // With at most that many hard violations, the least shortage.
        MPConstraint hardAtMost = solver.makeConstraint(-MPSolver.infinity(), hard - constantHard);
        hardTerms.forEach(v -> hardAtMost.setCoefficient(v, 1));
        objective.clear();
        for (int i = 0; i < shortageTerms.size(); i++) {
            objective.setCoefficient(shortageTerms.get(i), priorities.get(i));
        }
        objective.setMinimization();
        MPSolver.ResultStatus second = solver.solve();
        long shortage = Math.round(objective.value());
        long shortageBound = (long) Math.ceil(objective.bestBound() - 1e-6);
        return new Levels(hard, hardBound, shortage, shortageBound, first + "/" + second);
    }
}
