package id.formasi.solver.snapshot;

public enum FacilityStatus {
    /** In service. */
    OPEN,
    /** New: its formations need filling. */
    OPENING,
    /** Being closed: everyone must move out, nobody may be placed there. */
    CLOSING
}
