package id.formasi.functions;

import id.formasi.infra.local.LocalIdempotencyStore;
import java.nio.file.Path;

/**
 * A process that claims an event's key as {@code snapshotChanged} does first, says so, and never finishes:
 * the test kills it with SIGKILL, as a crash in the middle of a snapshot arrival.
 */
public final class HoldClaim {

    private HoldClaim() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean claimed = new LocalIdempotencyStore(Path.of(args[0])).claim(args[1]);
        System.out.println(claimed ? "claimed" : "taken");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
