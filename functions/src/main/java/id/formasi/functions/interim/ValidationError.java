package id.formasi.functions.interim;

/** TEMPORARY, see package-info. */
public record ValidationError(String path, String message) {
}
