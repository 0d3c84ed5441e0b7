package id.formasi.infra;

/** A conditional create found something already there. */
public class AlreadyExistsException extends RuntimeException {

    public AlreadyExistsException(String what) {
        super(what + " already exists");
    }
}
