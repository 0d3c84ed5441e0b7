package id.formasi.solver.snapshot;

public enum Sector {
    EDUCATION, HEALTH, OTHER
}
