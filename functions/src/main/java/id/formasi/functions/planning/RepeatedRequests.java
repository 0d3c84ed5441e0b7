package id.formasi.functions.planning;

import id.formasi.infra.IdempotencyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * {@code Idempotency-Key} on {@code POST /plans}: the same key with the same body within 24 hours answers the
 * plan the first request made, without a new solve; the same key with another body is refused (422), and
 * while the first request is still being handled the second waits its turn (409). Records live in the
 * idempotency store, keyed by a hash of the key; the body is kept as its hash only.
 */
@Service
public class RepeatedRequests {

    public static final Duration WINDOW = Duration.ofHours(24);
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final Clock clock;

    public RepeatedRequests(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Takes the key for a new request, or answers the plan an earlier request with this key and body made.
     * When that plan was deleted since, the key is free again: the repeat makes a new plan, since there is
     * none left to answer.
     *
     * @param planKept whether a plan still exists
     * @return the earlier plan's id, or empty when this request goes ahead (then {@link #finish} or {@link #abandon})
     */
    public Optional<String> begin(String tenant, String key, byte[] body, Predicate<String> planKept) {
        check(key);
        String storeKey = storeKey(tenant, key);
        if (store.claim(storeKey)) {
            return Optional.empty();
        }
        Optional<String> outcome = store.outcome(storeKey);
        if (outcome.isEmpty()) {
            throw Failure.conflict("a request with this Idempotency-Key is still being handled; try again shortly");
        }
        String[] parts = outcome.get().split(" ");
        if (parts.length != 3 || Instant.ofEpochSecond(Long.parseLong(parts[2])).plus(WINDOW).isBefore(clock.instant())
                || parts[1].equals(sha256(body)) && !planKept.test(parts[0])) {
            // Older than the window, or its plan deleted: the key is free again.
            store.release(storeKey);
            if (!store.claim(storeKey)) {
                throw Failure.conflict("a request with this Idempotency-Key is still being handled; try again shortly");
            }
            return Optional.empty();
        }
        if (!parts[1].equals(sha256(body))) {
            throw new Failure(Failure.Kind.UNPROCESSABLE, "this Idempotency-Key was used within 24 hours for"
                    + " another request body; use a new key for a new request",
                    java.util.List.of(new Failure.Detail("headers.Idempotency-Key", "used for another body")));
        }
        return Optional.of(parts[0]);
    }

    /** Records the plan the request made. */
    public void finish(String tenant, String key, byte[] body, String planId) {
        store.complete(storeKey(tenant, key), planId + " " + sha256(body) + " " + clock.instant().getEpochSecond());
    }

    /** The request failed: the key is free for the retry. */
    public void abandon(String tenant, String key) {
        store.release(storeKey(tenant, key));
    }

    private static void check(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw Failure.invalid("headers.Idempotency-Key", "must be 1.." + MAX_KEY_LENGTH
                    + " visible ASCII characters");
        }
    }

    /** Per tenant: another tenant's key, however equal, is another request. */
    private static String storeKey(String tenant, String key) {
        return "POST /plans " + tenant + " " + key;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
