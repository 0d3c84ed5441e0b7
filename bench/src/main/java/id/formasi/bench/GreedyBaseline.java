package id.formasi.bench;

import id.formasi.solver.snapshot.Formation;
import id.formasi.solver.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a planner with a spreadsheet does. First everyone who must move (closing facility, or no
 * formation for their job there) and everyone above a formation's cap goes to the nearest eligible
 * formation with room. Then each shortage, highest priority first, is filled from the nearest movable
 * person whose formation is above its minimum. Nobody is moved twice in the second step.
 */
public final class GreedyBaseline {

    private GreedyBaseline() {
    }

    public static Contract.Result solve(Snapshot snapshot) {
        return solve(new Contract(snapshot));
    }

    static Contract.Result solve(Contract contract) {
        return contract.levels("greedy", assign(contract));
    }

    /** The greedy's slot index per person of {@code contract.people}, -1 where someone stays without one. */
    static int[] assign(Contract contract) {
        List<Contract.Person> people = contract.people;
        List<Contract.Slot> slots = contract.slots;
        int[] assigned = new int[people.size()];
        int[] placed = new int[slots.size()];
        List<List<Integer>> at = new ArrayList<>();
        slots.forEach(slot -> at.add(new ArrayList<>()));
        List<Integer> forced = new ArrayList<>();
        for (int p = 0; p < people.size(); p++) {
            Contract.Person person = people.get(p);
            boolean canStay = Contract.indexOf(person.eligible(), person.current()) >= 0;
            assigned[p] = canStay ? person.current() : -1;
            if (canStay) {
                placed[person.current()]++;
                at.get(person.current()).add(p);
            } else {
                forced.add(p);
            }
        }
        // 1. Forced movers to the nearest eligible formation with room (none: they stay, one hard each).
        for (int p : forced) {
            int target = nearestWithRoom(people.get(p), placed, slots);
            if (target >= 0) {
                assigned[p] = target;
                placed[target]++;
                at.get(target).add(p);
            }
        }
        // 2. Over cap: move the movable person with the nearest formation with room, while there is one.
        for (Contract.Slot slot : slots) {
            int s = slot.index();
            while (placed[s] > slot.formation().cap()) {
                int bestPerson = -1;
                int bestTarget = -1;
                long bestKm = Long.MAX_VALUE;
                for (int p : at.get(s)) {
                    Contract.Person person = people.get(p);
                    if (person.fixed()) {
                        continue;
                    }
                    int target = nearestWithRoom(person, placed, slots);
                    if (target >= 0 && target != s && km(person, target) < bestKm) {
                        bestKm = km(person, target);
                        bestPerson = p;
                        bestTarget = target;
                    }
                }
                if (bestPerson < 0) {
                    break;
                }
                move(bestPerson, s, bestTarget, assigned, placed, at);
            }
        }
        // 3. Shortages, highest priority first, from the nearest person whose formation is above its minimum.
        boolean[] movedForShortage = new boolean[people.size()];
        List<Contract.Slot> byPriority = new ArrayList<>(slots);
        byPriority.sort(Comparator.comparingInt((Contract.Slot slot) -> -slot.formation().priority())
                .thenComparingInt(Contract.Slot::index));
        for (Contract.Slot slot : byPriority) {
            int s = slot.index();
            Formation formation = slot.formation();
            if (slot.facility().status() == id.formasi.solver.snapshot.FacilityStatus.CLOSING) {
                continue;
            }
            while (placed[s] < formation.minimum()) {
                int bestPerson = -1;
                long bestKm = Long.MAX_VALUE;
                for (int p = 0; p < people.size(); p++) {
                    Contract.Person person = people.get(p);
                    int from = assigned[p];
                    if (person.fixed() || movedForShortage[p] || from < 0 || from == s
                            || placed[from] <= slots.get(from).formation().minimum()) {
                        continue;
                    }
                    int i = Contract.indexOf(person.eligible(), s);
                    if (i >= 0 && person.km()[i] < bestKm) {
                        bestKm = person.km()[i];
                        bestPerson = p;
                    }
                }
                if (bestPerson < 0) {
                    break;
                }
                movedForShortage[bestPerson] = true;
                move(bestPerson, assigned[bestPerson], s, assigned, placed, at);
            }
        }
        return assigned;
    }

    private static void move(int p, int from, int to, int[] assigned, int[] placed, List<List<Integer>> at) {
        at.get(from).remove(Integer.valueOf(p));
        placed[from]--;
        at.get(to).add(p);
        placed[to]++;
        assigned[p] = to;
    }

    private static long km(Contract.Person person, int slot) {
        return person.km()[Contract.indexOf(person.eligible(), slot)];
    }

    private static int nearestWithRoom(Contract.Person person, int[] placed, List<Contract.Slot> slots) {
        int best = -1;
        long bestCost = Long.MAX_VALUE;
        for (int i = 0; i < person.eligible().length; i++) {
            int slot = person.eligible()[i];
            if (placed[slot] < slots.get(slot).formation().cap() && person.cost()[i] < bestCost) {
                bestCost = person.cost()[i];
                best = slot;
            }
        }
        return best;
    }
}
