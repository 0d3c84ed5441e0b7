package id.formasi.solver.domain;

import id.formasi.solver.snapshot.Employment;
import id.formasi.solver.snapshot.Staff;

/**
 * Somebody in service with no eligible formation at all: they stay where they are, one hard violation.
 * {@code site}: their facility as the practice rules see it (a PNS kept there counts toward its floor).
 */
public record Unplaceable(Staff staff, Site site) {

    public boolean isPns() {
        return staff.employment() == Employment.PNS;
    }
}
