package id.formasi.infra;

/** One version of an object in the snapshot store, as S3 keeps it: key, version id and bytes. */
public record StoredObject(String key, String versionId, byte[] content) {
}
