package id.formasi.infra;

/** A conditional write expected one version and found another: somebody else wrote first. */
public class VersionConflictException extends RuntimeException {

    private final long currentVersion;

    public VersionConflictException(String what, long expected, long current) {
        super(what + " is at version " + current + ", not " + expected);
        this.currentVersion = current;
    }

    public VersionConflictException(String what) {
        super(what + " changed meanwhile");
        this.currentVersion = -1;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
