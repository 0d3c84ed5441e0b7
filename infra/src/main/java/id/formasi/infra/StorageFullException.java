package id.formasi.infra;

/** The store has no room for a write (a full disk locally); what was stored before is intact. */
public class StorageFullException extends RuntimeException {

    public StorageFullException(String what, Throwable cause) {
        super(what, cause);
    }
}
