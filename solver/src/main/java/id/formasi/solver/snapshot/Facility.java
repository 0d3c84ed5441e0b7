package id.formasi.solver.snapshot;

import java.util.List;

/** A school or health facility with its formations, at most one per job. */
public record Facility(
        String id,
        String name,
        String kind,
        String district,
        Location location,
        FacilityStatus status,
        List<Formation> formations) {

    public Facility {
        formations = formations == null ? List.of() : List.copyOf(formations);
    }
}
