package id.formasi.solver.snapshot;

import java.util.Objects;

/**
 * One rule a snapshot breaks.
 *
 * @param path    where: a JSON path such as {@code staff[12].facility} or
 *                {@code facilities[3].formations[0].minimum}, or {@code $} for the whole document
 * @param message what, naming the bad value (never a person's name, birth date or home)
 */
public record ValidationError(String path, String message) {

    public ValidationError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
