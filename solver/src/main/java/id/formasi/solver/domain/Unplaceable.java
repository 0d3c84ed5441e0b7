package id.formasi.solver.domain;

import id.formasi.solver.snapshot.Staff;

/** Somebody in service with no eligible formation at all: they stay where they are, one hard violation. */
public record Unplaceable(Staff staff) {
}
