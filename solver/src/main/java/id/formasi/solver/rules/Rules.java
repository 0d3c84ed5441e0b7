package id.formasi.solver.rules;

import id.formasi.solver.snapshot.Facility;
import id.formasi.solver.snapshot.FacilityStatus;
import id.formasi.solver.snapshot.Job;
import id.formasi.solver.snapshot.Policy;
import id.formasi.solver.snapshot.Staff;
import java.time.LocalDate;
import java.util.Optional;

/** The contract's meaning of leaving, fixed and due for rotation (docs/snapshot-format.md, "Meaning"). */
public final class Rules {

    private Rules() {
    }

    /** Retirement takes effect on the first day of the month after the person reaches the job's BUP. */
    public static LocalDate retirementDate(Staff staff, Job job) {
        return retirementDate(staff.birthDate(), job.retirementAge());
    }

    /** The same rule from a birth date and a retirement age (the generator draws people by it). */
    public static LocalDate retirementDate(LocalDate birthDate, int retirementAge) {
        return birthDate.plusYears(retirementAge).withDayOfMonth(1).plusMonths(1);
    }

    /**
     * Whether the person leaves before the planning date: their BUP month ends before it (so the
     * retirement date is on or before it), or their contract ends before it. The earlier reason wins.
     */
    public static Optional<Leaving> leaving(Staff staff, Job job, LocalDate planningDate) {
        LocalDate retirement = retirementDate(staff, job);
        LocalDate contractEnd = staff.contractEnd();
        boolean retires = !retirement.isAfter(planningDate);
        boolean contractEnds = contractEnd != null && contractEnd.isBefore(planningDate);
        if (contractEnds && (!retires || contractEnd.isBefore(retirement))) {
            return Optional.of(new Leaving(staff, Leaving.Reason.CONTRACT_END, contractEnd));
        }
        if (retires) {
            return Optional.of(new Leaving(staff, Leaving.Reason.RETIREMENT, retirement));
        }
        return Optional.empty();
    }

    /**
     * A person stays at their post when protected or at it less than {@code minYearsAtPost} years on the
     * planning date, unless their facility is closing or has no formation for their job.
     */
    public static boolean isFixed(Staff staff, Facility facility, boolean facilityHasTheirFormation,
            Policy policy, LocalDate planningDate) {
        if (facility.status() == FacilityStatus.CLOSING || !facilityHasTheirFormation) {
            return false;
        }
        return staff.protectedReason() != null
                || !yearsAtPostReached(staff, policy.minYearsAtPostOrDefault(), planningDate);
    }

    /** Staff at their post {@code rotationYears} or more on the planning date are due for rotation. */
    public static boolean isRotationDue(Staff staff, Policy policy, LocalDate planningDate) {
        return yearsAtPostReached(staff, policy.rotationYearsOrDefault(), planningDate);
    }

    /** Whether the person has been at their post at least {@code years} years on the date; months count. */
    static boolean yearsAtPostReached(Staff staff, double years, LocalDate date) {
        long months = Math.round(years * 12);
        return !staff.postedSince().plusMonths(months).isAfter(date);
    }
}
