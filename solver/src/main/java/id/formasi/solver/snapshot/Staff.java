package id.formasi.solver.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * One civil servant. {@code id} is the NIP (or NI PPPK), 18 digits as text.
 *
 * @param protectedReason the contract's {@code protected}: null, or why the person stays where they are
 * @param spouseId        null, or the id of this person's spouse in the snapshot (who names this person back)
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
        @JsonProperty("protected") String protectedReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String spouseId) {

    public Staff {
        alsoQualifiedFor = alsoQualifiedFor == null ? List.of() : List.copyOf(alsoQualifiedFor);
    }

    /** Leaves NIP and name out: personal data stays out of logs. */
    @Override
    public String toString() {
        return "Staff[job=" + job + ", facility=" + facility + "]";
    }
}
