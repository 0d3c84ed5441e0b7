package id.formasi.solver.rules;

import id.formasi.solver.domain.Costs;
import id.formasi.solver.domain.District;
import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.domain.Site;
import id.formasi.solver.domain.StaffingPlan;
import id.formasi.solver.domain.Unplaceable;
import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Formation;
import id.formasi.solver.snapshot.Geo;
import id.formasi.solver.snapshot.Job;
import id.formasi.solver.snapshot.Policy;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.Staff;
import id.formasi.solver.snapshot.ValidationError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Applies the contract's rules to a valid snapshot: who leaves, who is fixed, who may go where. */
public final class ProblemBuilder {

    private ProblemBuilder() {
    }

    public static Problem build(Snapshot snapshot) {
        return build(snapshot, Map.of(), Map.of());
    }

    /**
     * @param previous where a previous plan put people (staff id to post), for keeping its decisions
     * @param pins     planners' pins (staff id to post); a pin must name an eligible post of someone
     *                 who may move; pins that do not are left out here and reported by {@link #pinErrors}
     */
    public static Problem build(Snapshot snapshot, Map<String, PostRef> previous, Map<String, PostRef> pins) {
        Policy policy = snapshot.policy();
        Costs costs = Costs.of(policy);
        Map<String, Job> jobs = snapshot.jobsByCode();
        Map<String, Facility> facilities = snapshot.facilitiesById();

        Map<String, Site> sites = PracticeRules.sites(snapshot, jobs, facilities);
        Map<String, District> districts = new LinkedHashMap<>();
        Map<String, Post> postsById = new LinkedHashMap<>();
        Map<String, List<Post>> postsByJob = new HashMap<>();
        List<Facility> facilityList = snapshot.facilities();
        for (int f = 0; f < facilityList.size(); f++) {
            Facility facility = facilityList.get(f);
            District district = districts.computeIfAbsent(facility.district(),
                    name -> new District(name, policy.districtFairnessWeightOrDefault()));
            for (Formation formation : facility.formations()) {
                Post post = new Post(facility, jobs.get(formation.job()), formation.cap(), formation.minimum(),
                        formation.priority(), district, policy.facilityFairnessWeightOrDefault(),
                        sites.getOrDefault(facility.id(), Site.NONE), f);
                postsById.put(post.getId(), post);
                if (facility.status() != FacilityStatus.CLOSING) {
                    postsByJob.computeIfAbsent(formation.job(), job -> new ArrayList<>()).add(post);
                }
            }
        }

        List<Leaving> leaving = new ArrayList<>();
        List<Placement> placements = new ArrayList<>();
        List<Unplaceable> unplaceable = new ArrayList<>();
        Map<Post, Integer> beforeCount = new HashMap<>();
        Map<Post, Integer> currentCount = new HashMap<>();
        // People of one facility and jobs share one eligible list and one row of distances.
        Map<String, List<Post>> eligibleByKey = new HashMap<>();
        Map<String, int[]> kmRows = new HashMap<>();
        for (Staff staff : snapshot.staff()) {
            Job job = jobs.get(staff.job());
            Facility facility = facilities.get(staff.facility());
            Post current = postsById.get(facility.id() + "/" + job.code());
            if (current != null) {
                beforeCount.merge(current, 1, Integer::sum);
            }
            Optional<Leaving> leaves = Rules.leaving(staff, job, snapshot.planningDate());
            if (leaves.isPresent()) {
                leaving.add(leaves.get());
                continue;
            }
            if (current != null) {
                currentCount.merge(current, 1, Integer::sum);
            }
            boolean fixed = Rules.isFixed(staff, facility, current != null, policy, snapshot.planningDate());
            boolean mustMove = !fixed && (current == null || facility.status() == FacilityStatus.CLOSING);
            List<Post> eligible = fixed ? List.of(current) : eligibleByKey.computeIfAbsent(
                    facility.id() + '|' + staff.job() + '|' + staff.alsoQualifiedFor() + '|' + mustMove,
                    key -> eligiblePosts(staff, facility, current, postsByJob, policy, mustMove));
            if (eligible.isEmpty()) {
                unplaceable.add(new Unplaceable(staff, sites.getOrDefault(facility.id(), Site.NONE)));
                continue;
            }
            Post previousPost = toPost(previous.get(staff.id()), postsById);
            Post pinnedPost = fixed ? current : toPost(pins.get(staff.id()), postsById);
            boolean pinned = pinnedPost != null && eligible.contains(pinnedPost);
            placements.add(new Placement(staff, facility, current, eligible, previousPost, costs,
                    Rules.isRotationDue(staff, policy, snapshot.planningDate()), pinned,
                    pinned ? pinnedPost : null, sites.getOrDefault(facility.id(), Site.NONE),
                    kmRows.computeIfAbsent(facility.id(), id -> kmRow(facility, facilityList))));
        }
        PracticeRules.addSpouses(policy, placements, unplaceable, facilities);
        StaffingPlan plan = new StaffingPlan(List.copyOf(postsById.values()), placements, unplaceable,
                List.copyOf(sites.values()));
        return new Problem(snapshot, plan, leaving, postsById, beforeCount, currentCount);
    }

    /**
     * What is wrong with planners' pins, each with its path ({@code pins["<staff id>"]}); empty when every
     * pin can be applied. See {@link PinCheck} for the rules.
     */
    public static List<ValidationError> pinErrors(Snapshot snapshot, Map<String, PostRef> pins) {
        if (pins.isEmpty()) {
            return List.of();
        }
        PinCheck check = new PinCheck(snapshot);
        List<ValidationError> errors = new ArrayList<>();
        pins.forEach((staffId, ref) -> check.problemWith(staffId, ref)
                .ifPresent(issue -> errors.add(new ValidationError("pins[\"" + staffId + "\"]", issue.message()))));
        errors.sort(java.util.Comparator.comparing(ValidationError::path));
        return errors;
    }

    /**
     * Formations of the person's job or of a job they are also qualified for, of a facility that is not
     * closing, within maxMoveKm of their facility when set. Staying put is always allowed.
     */
    static List<Post> eligiblePosts(Staff staff, Facility facility, Post current,
            Map<String, List<Post>> postsByJob, Policy policy, boolean mustMove) {
        Set<String> jobCodes = new LinkedHashSet<>();
        jobCodes.add(staff.job());
        jobCodes.addAll(staff.alsoQualifiedFor());
        List<Post> eligible = new ArrayList<>();
        for (String jobCode : jobCodes) {
            for (Post post : postsByJob.getOrDefault(jobCode, List.of())) {
                if (post == current || withinReach(facility, post.getFacility(), policy)) {
                    eligible.add(post);
                }
            }
        }
        if (mustMove && !eligible.isEmpty()) {
            // Must move: when none of their formations has room they may stay, at one hard violation.
            eligible.add(Post.NO_ROOM);
        }
        return List.copyOf(eligible);
    }

    /** Rounded km from the facility to each facility of the snapshot, in its order (the posts' facility index). */
    private static int[] kmRow(Facility from, List<Facility> facilities) {
        int[] row = new int[facilities.size()];
        for (int f = 0; f < facilities.size(); f++) {
            row[f] = (int) Geo.roundedKm(from.location(), facilities.get(f).location());
        }
        return row;
    }

    private static boolean withinReach(Facility from, Facility to, Policy policy) {
        return policy.maxMoveKm() == null || Geo.km(from.location(), to.location()) <= policy.maxMoveKm();
    }

    private static Post toPost(PostRef ref, Map<String, Post> postsById) {
        return ref == null ? null : postsById.get(ref.facilityId() + "/" + ref.job());
    }
}
