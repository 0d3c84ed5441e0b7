package id.formasi.solver.snapshot;

/** A job (jabatan) with its sector and retirement age (BUP). */
public record Job(String code, String name, Sector sector, int retirementAge) {
}
