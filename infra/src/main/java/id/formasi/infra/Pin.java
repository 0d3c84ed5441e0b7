package id.formasi.infra;

/** A planner's pin: this person goes to this formation (a job at a facility) in every re-solve. */
public record Pin(String staffId, String facilityId, String job) {
}
