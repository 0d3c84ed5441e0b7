package id.formasi.solver.snapshot;

import java.util.Objects;

/**
 * One rule a snapshot breaks.
 *
 * @param path      where: a JSON path such as {@code staff[12].facility} or
 *                  {@code facilities[3].formations[0].minimum}, or {@code $} for the whole document
 * @param message   what, in Bahasa Indonesia, naming the bad value (never a person's name, birth date or home)
 * @param messageEn the same in English
 */
public record ValidationError(String path, String message, String messageEn) {

    public ValidationError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(messageEn, "messageEn");
    }

    /** An error written in English; the Indonesian comes from {@link Messages}. */
    public ValidationError(String path, String messageEn) {
        this(path, Messages.indonesian(messageEn), messageEn);
    }

    @Override
    public String toString() {
        return path + ": " + messageEn;
    }
}
