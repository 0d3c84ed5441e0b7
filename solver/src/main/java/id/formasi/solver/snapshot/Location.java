package id.formasi.solver.snapshot;

public record Location(double lat, double lon) {
}
