package id.formasi.infra;

import java.util.Optional;

/**
 * Remembers which events were handled (DynamoDB: a conditional put on the key). A handler claims the key
 * first, completes it when done, and releases it when it failed so that the redelivery tries again.
 */
public interface IdempotencyStore {

    /** True when this call took the key; false when it was already taken (a duplicate). */
    boolean claim(String key);

    void complete(String key, String outcome);

    void release(String key);

    /** The recorded outcome, when the key was completed. */
    Optional<String> outcome(String key);
}
