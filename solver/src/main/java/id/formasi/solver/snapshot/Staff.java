package id.formasi.solver.snapshot;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * One civil servant. {@code id} is the NIP (or NI PPPK), 18 digits as text.
 *
 * @param protectedReason the contract's {@code protected}: null, or why the person stays where they are
 */
public record Staff(
        String id,
        String name,
        Employment employment,
        String job,
        List<String> alsoQualifiedFor,
        String facility,
        LocalDate birthDate,
        LocalDate postedSince,
        LocalDate firstPostingSince,
        LocalDate contractEnd,
        Location home,
        @JsonProperty("protected") String protectedReason) {

    public Staff {
        alsoQualifiedFor = alsoQualifiedFor == null ? List.of() : List.copyOf(alsoQualifiedFor);
    }

    /** Leaves NIP and name out: personal data stays out of logs. */
    @Override
    public String toString() {
        return "Staff[job=" + job + ", facility=" + facility + "]";
    }
}
