package id.formasi.solver.rules;

import id.formasi.solver.domain.Placement;
import id.formasi.solver.domain.Post;
import id.formasi.solver.snapshot.Snapshot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a planner's pin can be applied to a snapshot: it must name someone in service who may move (or
 * who stays by rule, pinned where they are), and a formation they are eligible for.
 */
public final class PinCheck {

    private final Problem problem;
    private final Map<String, Placement> placements = new HashMap<>();
    private final Set<String> leaving = new HashSet<>();
    private final Set<String> known = new HashSet<>();

    public PinCheck(Snapshot snapshot) {
        this(ProblemBuilder.build(snapshot));
    }

    /** Checks against a problem already built, with or without pins: eligibility does not depend on them. */
    public PinCheck(Problem problem) {
        this.problem = problem;
        problem.placements().forEach(placement -> placements.put(placement.getStaffId(), placement));
        problem.leaving().forEach(person -> leaving.add(person.staff().id()));
        problem.snapshot().staff().forEach(staff -> known.add(staff.id()));
    }

    /** Why a pin cannot be applied; {@code aboutThePerson} when the staff id, not the formation, is at fault. */
    public record Issue(boolean aboutThePerson, String message) {
    }

    /** Why the pin cannot be applied, or empty when it can. */
    public Optional<Issue> problemWith(String staffId, PostRef ref) {
        if (!known.contains(staffId)) {
            return person("unknown staff id");
        }
        if (leaving.contains(staffId)) {
            return person("this person leaves service before the planning date");
        }
        Placement placement = placements.get(staffId);
        if (placement == null) {
            return person("this person has no eligible formation at all");
        }
        Post post = ref == null ? null : problem.post(ref.facilityId(), ref.job());
        if (post == null) {
            return formation("no formation " + (ref == null ? "named" : ref.job() + " at facility \"" + ref.facilityId() + "\""));
        }
        if (fixed(placement) && placement.getCurrent() != post) {
            return formation("the person stays at their post by rule (protected or less than minYearsAtPost there)");
        }
        if (!placement.getEligiblePosts().contains(post)) {
            return formation("the person may not be placed at " + post.getId()
                    + " (not their job or qualification, closing facility, or beyond maxMoveKm)");
        }
        return Optional.empty();
    }

    /** Fixed by rule, not by a planner's pin (the problem may carry pins). */
    private boolean fixed(Placement placement) {
        Snapshot snapshot = problem.snapshot();
        return Rules.isFixed(placement.getStaff(), placement.getCurrentFacility(), placement.getCurrent() != null,
                snapshot.policy(), snapshot.planningDate());
    }

    private static Optional<Issue> person(String message) {
        return Optional.of(new Issue(true, message));
    }

    private static Optional<Issue> formation(String message) {
        return Optional.of(new Issue(false, message));
    }
}
