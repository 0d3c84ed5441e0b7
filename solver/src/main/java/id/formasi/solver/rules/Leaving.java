package id.formasi.solver.rules;

import id.formasi.solver.snapshot.Staff;
import java.time.LocalDate;

/** Somebody who leaves service before the planning date; their post becomes vacant. */
public record Leaving(Staff staff, Reason reason, LocalDate date) {

    public enum Reason {
        /** Reaches the retirement age (BUP); retirement takes effect the first day of the next month. */
        RETIREMENT,
        /** A PPPK contract that ends before the planning date. */
        CONTRACT_END
    }
}
