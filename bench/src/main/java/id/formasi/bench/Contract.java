package id.formasi.bench;

import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Formation;
import id.formasi.solver.snapshot.Geo;
import id.formasi.solver.snapshot.Job;
import id.formasi.solver.snapshot.Policy;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.Staff;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contract's meaning (docs/snapshot-format.md, "Meaning"), written again from the text for the
 * baselines, so that they check the solver's reading of it rather than share it. Only {@link Geo#km}
 * is reused.
 */
final class Contract {

    /** One formation of the snapshot: index {@code index} in {@link #slots}. */
    record Slot(int index, Facility facility, Formation formation) {
        String key() {
            return facility.id() + "/" + formation.job();
        }
    }

    /**
     * Somebody who stays in service.
     *
     * @param current  index of their current formation, or -1 when their facility has none for their job
     * @param eligible slot indices they may be placed in (only {@code current} when fixed); empty: unplaceable
     * @param cost     disruption of each eligible slot: 0 to stay, else moveCost + rounded km
     */
    record Person(Staff staff, Facility facility, int current, boolean fixed, int[] eligible, long[] cost,
            long[] km) {
    }

    final Snapshot snapshot;
    final List<Slot> slots = new ArrayList<>();
    final List<Person> people = new ArrayList<>();
    int leaving;

    Contract(Snapshot snapshot) {
        this.snapshot = snapshot;
        Policy policy = snapshot.policy();
        LocalDate planning = snapshot.planningDate();
        int moveCost = policy.moveCost() == null ? 20 : policy.moveCost();
        double minYears = policy.minYearsAtPost() == null ? 2 : policy.minYearsAtPost();
        Map<String, Job> jobs = snapshot.jobsByCode();
        Map<String, Facility> facilities = snapshot.facilitiesById();
        Map<String, Integer> slotByKey = new HashMap<>();
        Map<String, List<Slot>> openSlotsByJob = new HashMap<>();
        for (Facility facility : snapshot.facilities()) {
            for (Formation formation : facility.formations()) {
                Slot slot = new Slot(slots.size(), facility, formation);
                slots.add(slot);
                slotByKey.put(slot.key(), slot.index());
                if (facility.status() != FacilityStatus.CLOSING) {
                    openSlotsByJob.computeIfAbsent(formation.job(), j -> new ArrayList<>()).add(slot);
                }
            }
        }
        for (Staff staff : snapshot.staff()) {
            if (leaves(staff, jobs.get(staff.job()), planning)) {
                leaving++;
                continue;
            }
            Facility facility = facilities.get(staff.facility());
            int current = slotByKey.getOrDefault(facility.id() + "/" + staff.job(), -1);
            boolean closing = facility.status() == FacilityStatus.CLOSING;
            boolean fixed = !closing && current >= 0
                    && (staff.protectedReason() != null || !atPostFor(staff, minYears, planning));
            List<Integer> eligible = new ArrayList<>();
            if (fixed) {
                eligible.add(current);
            } else {
                Set<String> codes = new LinkedHashSet<>();
                codes.add(staff.job());
                codes.addAll(staff.alsoQualifiedFor());
                for (String code : codes) {
                    for (Slot slot : openSlotsByJob.getOrDefault(code, List.of())) {
                        boolean stay = slot.index() == current;
                        if (stay || policy.maxMoveKm() == null
                                || Geo.km(facility.location(), slot.facility().location()) <= policy.maxMoveKm()) {
                            eligible.add(slot.index());
                        }
                    }
                }
            }
            int[] e = eligible.stream().mapToInt(Integer::intValue).toArray();
            long[] cost = new long[e.length];
            long[] km = new long[e.length];
            for (int i = 0; i < e.length; i++) {
                if (e[i] != current) {
                    km[i] = Math.round(Geo.km(facility.location(), slots.get(e[i]).facility().location()));
                    cost[i] = moveCost + km[i];
                }
            }
            people.add(new Person(staff, facility, current, fixed, e, cost, km));
        }
    }

    /**
     * Leaves when the BUP month ends before the planning date (retirement takes effect the first day of
     * the month after reaching the age), or a contract ends before it.
     */
    static boolean leaves(Staff staff, Job job, LocalDate planning) {
        LocalDate reachesAge = staff.birthDate().plusYears(job.retirementAge());
        LocalDate bupMonthEnd = YearMonth.from(reachesAge).atEndOfMonth();
        boolean retires = bupMonthEnd.isBefore(planning);
        boolean contractEnds = staff.contractEnd() != null && staff.contractEnd().isBefore(planning);
        return retires || contractEnds;
    }

    /** At the current post at least {@code years} years on the date (whole years, then months of the rest). */
    static boolean atPostFor(Staff staff, double years, LocalDate date) {
        int whole = (int) Math.floor(years);
        long months = Math.round((years - whole) * 12);
        LocalDate reached = staff.postedSince().plusYears(whole).plusMonths(months);
        return !reached.isAfter(date);
    }

    /** The three levels of an assignment (slot index per person, -1 = stays unplaced). */
    Result levels(String method, int[] assigned) {
        int[] placed = new int[slots.size()];
        long hard = 0;
        long disruption = 0;
        long moves = 0;
        long km = 0;
        long unplaced = 0;
        for (int p = 0; p < people.size(); p++) {
            Person person = people.get(p);
            int slot = assigned[p];
            if (slot < 0) {
                hard++; // no eligible formation with room: stays where they are
                unplaced++;
                continue;
            }
            placed[slot]++;
            int i = indexOf(person.eligible(), slot);
            if (i < 0) {
                throw new IllegalStateException(method + " placed a person in a formation they may not take");
            }
            if (slot != person.current()) {
                moves++;
                km += person.km()[i];
                disruption += person.cost()[i];
            }
        }
        long shortage = 0;
        for (Slot slot : slots) {
            hard += Math.max(0, placed[slot.index()] - slot.formation().cap());
            shortage += (long) slot.formation().priority() * Math.max(0, slot.formation().minimum() - placed[slot.index()]);
        }
        return new Result(method, hard, shortage, disruption, moves, km, unplaced);
    }

    static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The three levels of one method's plan and its moves.
     *
     * @param unplaced people left where they are with no formation (one hard each); -1 when not known
     */
    record Result(String method, long hard, long shortage, long disruption, long moves, long km, long unplaced) {
    }
}
