package id.formasi.functions.api;

/** A static file of the review page as a response body: its bytes and content type, sent as they are. */
public record Asset(byte[] bytes, String contentType) {
}
