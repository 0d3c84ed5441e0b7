package id.formasi.infra.local;

import id.formasi.infra.SolveJob;
import id.formasi.infra.SolveQueue;
import id.formasi.solver.snapshot.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An in-process queue with SQS's contract: a received message stays until deleted, comes back after a
 * failure with its receive count raised, and survives a restart (one file per message under
 * {@code <data>/queue/}).
 */
public final class LocalSolveQueue implements SolveQueue {

    /** A message as SQS hands it out. */
    public record Message(String messageId, String body, int receiveCount, Instant sentAt, Instant visibleAt) {
    }

    /** Invisible until deleted or released (a received message in flight). */
    private static final Instant IN_FLIGHT = Instant.parse("9999-01-01T00:00:00Z");

    private final Path folder;
    private final Path tmp;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition sent = lock.newCondition();

    public LocalSolveQueue(Path dataDir) {
        this.folder = dataDir.resolve("queue");
        this.tmp = dataDir.resolve("tmp");
        // After a restart every message is visible again, as after an SQS visibility timeout.
        list().forEach(message -> store(new Message(message.messageId(), message.body(), message.receiveCount(),
                message.sentAt(), Instant.EPOCH)));
    }

    @Override
    public void send(SolveJob job) {
        Instant now = Instant.now();
        store(new Message(UUID.randomUUID().toString(), Json.MAPPER.writeValueAsString(job), 0, now, now));
    }

    /** The oldest visible message, hidden from other receivers until deleted or released; waits up to timeout. */
    public Optional<Message> receive(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                Instant now = Instant.now();
                Optional<Message> next = list().stream().filter(message -> !message.visibleAt().isAfter(now))
                        .min(Comparator.comparing(Message::sentAt));
                if (next.isPresent()) {
                    Message message = next.get();
                    Message received = new Message(message.messageId(), message.body(), message.receiveCount() + 1,
                            message.sentAt(), IN_FLIGHT);
                    store(received);
                    return Optional.of(received);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                // Wake on a send, or now and then for messages whose delay ran out.
                sent.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Done with: the message goes. */
    public void delete(String messageId) {
        lock.lock();
        try {
            LocalFiles.delete(pathOf(messageId));
        } finally {
            lock.unlock();
        }
    }

    /** Failed: the message becomes visible again after the delay. */
    public void release(Message message, Duration delay) {
        store(new Message(message.messageId(), message.body(), message.receiveCount(), message.sentAt(),
                Instant.now().plus(delay)));
    }

    /** The bodies of the messages waiting or in flight. */
    public List<String> bodies() {
        return list().stream().map(Message::body).toList();
    }

    /** Messages waiting or in flight. */
    public int size() {
        return list().size();
    }

    private void store(Message message) {
        lock.lock();
        try {
            LocalFiles.write(tmp, pathOf(message.messageId()), Json.MAPPER.writeValueAsBytes(message));
            sent.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private List<Message> list() {
        return LocalFiles.readAll(folder, Message.class, message -> message.messageId() != null
                && message.body() != null && message.sentAt() != null && message.visibleAt() != null);
    }

    private Path pathOf(String messageId) {
        return folder.resolve(LocalFiles.safeName(messageId) + ".json");
    }
}
