package id.formasi.functions.api;

import java.util.Locale;

/**
 * What a signed-in person may do, from the provider's groups: each role also may what the ones before it may.
 * {@code PUBLIC} routes need no token at all.
 */
public enum Role {
    PUBLIC,
    /** Reads plans, snapshots and exports. */
    PENGAMAT,
    /** Also pins, re-solves, and submits plans and snapshots. */
    PERENCANA,
    /** Also approves and rejects. */
    PENYETUJU;

    /** The group name in the provider, e.g. {@code penyetuju}; none for {@code PUBLIC}. */
    public String group() {
        return this == PUBLIC ? null : name().toLowerCase(Locale.ROOT);
    }

    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }
}
