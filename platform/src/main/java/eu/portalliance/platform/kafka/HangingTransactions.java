package eu.portalliance.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aborts transactions left open on a partition that their coordinator has already finished with ("hanging"), the
 * recovery {@code kafka-transactions.sh find-hanging} and {@code abort} document, before anything reads the log.
 * <p>
 * Why a single-node alliance needs it: when the broker restarts after a crash, its transaction coordinator reloads a
 * transaction that was being committed or aborted and resends its markers while the restarting broker is still
 * fenced, so no partition has a leader. Kafka 4.3 takes a partition without a leader for a deleted one, drops it from
 * the transaction and completes the transaction without its marker. That partition then holds an open transaction for
 * ever: read_committed consumers stop at it and, on {@code __consumer_offsets}, the group's committed offsets stay
 * unstable, so Kafka Streams waits in REBALANCING ("Timeout … before the last committed offset … could be determined").
 */
public final class HangingTransactions {
    private static final Logger log = LoggerFactory.getLogger(HangingTransactions.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private HangingTransactions() {
    }

    /** A transaction open on one partition, as that partition's leader reports it. */
    public record Open(TopicPartition partition, long producerId, short producerEpoch, int coordinatorEpoch, long firstOffset) {
    }

    /**
     * Whether the coordinator still owns {@code open}: it is ongoing or being completed with this partition in it (the
     * coordinator will write its marker, or abort it when it times out), or the coordinator no longer has it.
     */
    static boolean hanging(Open open, Optional<TransactionDescription> coordinator) {
        if (coordinator.isEmpty()) {
            return true;
        }
        TransactionDescription t = coordinator.get();
        boolean finishing = switch (t.state()) {
            case ONGOING, PREPARE_COMMIT, PREPARE_ABORT, PREPARE_EPOCH_FENCE -> true;
            default -> false;
        };
        return !(finishing && t.producerId() == open.producerId() && t.topicPartitions().contains(open.partition()));
    }

    /**
     * Waits, up to {@code settle}, until no partition holds an open transaction, aborting those that hang as they are
     * found. Transactions a crashed client left ongoing are the coordinator's: it aborts them when they time out.
     *
     * @return the transactions aborted
     */
    public static List<Open> abortAll(Admin admin, Duration settle) throws InterruptedException {
        long deadline = System.nanoTime() + settle.toNanos();
        List<Open> aborted = new ArrayList<>();
        Set<Open> hangingBefore = Set.of();
        // Nothing creates topics while up waits here: the partitions are read once.
        List<TopicPartition> partitions = partitions(admin);
        while (true) {
            List<Open> open = openTransactions(admin, partitions);
            if (open.isEmpty()) {
                return aborted;
            }
            Map<Long, TransactionDescription> coordinator = coordinatorViews(admin, open);
            Set<Open> hanging = open.stream()
                    .filter(o -> hanging(o, Optional.ofNullable(coordinator.get(o.producerId()))))
                    .collect(Collectors.toSet());
            // Only what hung on two reads in a row: a coordinator still loading its log, or a marker written between
            // the partition's answer and the coordinator's, makes a transaction look hanging once.
            for (Open h : hanging) {
                if (hangingBefore.contains(h) && abort(admin, h)) {
                    aborted.add(h);
                }
            }
            hangingBefore = hanging;
            if (System.nanoTime() > deadline) {
                log.warn("{} transaction(s) still open {} after the broker started, for example {}; going on",
                        open.size(), settle, open.get(0));
                return aborted;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    static boolean abort(Admin admin, Open h) throws InterruptedException {
        try {
            admin.abortTransaction(new AbortTransactionSpec(h.partition(), h.producerId(), h.producerEpoch(), h.coordinatorEpoch()))
                    .all().get(30, TimeUnit.SECONDS);
            log.warn("aborted a hanging transaction on {} (producer {} epoch {}, open since offset {}): its coordinator had "
                    + "completed it without a marker there", h.partition(), h.producerId(), h.producerEpoch(), h.firstOffset());
            return true;
        } catch (ExecutionException | TimeoutException e) {
            log.warn("could not abort the hanging transaction on {} (producer {}): {}", h.partition(), h.producerId(), e.getMessage());
            return false;
        }
    }

    /** Every partition of the cluster, internal topics included. */
    private static List<TopicPartition> partitions(Admin admin) throws InterruptedException {
        try {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(30, TimeUnit.SECONDS);
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) ->
                    d.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
            return partitions;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the broker's partitions: " + e.getMessage(), e);
        }
    }

    /** Every transaction open on {@code partitions}. */
    static List<Open> openTransactions(Admin admin, Collection<TopicPartition> partitions) throws InterruptedException {
        try {
            List<Open> open = new ArrayList<>();
            admin.describeProducers(partitions).all().get(30, TimeUnit.SECONDS).forEach((tp, state) -> {
                for (ProducerState p : state.activeProducers()) {
                    p.currentTransactionStartOffset().ifPresent(first -> open.add(new Open(tp, p.producerId(),
                            (short) p.producerEpoch(), p.coordinatorEpoch().orElse(-1), first)));
                }
            });
            return open;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the broker's open transactions: " + e.getMessage(), e);
        }
    }

    /** What the coordinators say of the transactions of these producers, by producer id. */
    private static Map<Long, TransactionDescription> coordinatorViews(Admin admin, Collection<Open> open) throws InterruptedException {
        try {
            Set<Long> producers = open.stream().map(Open::producerId).collect(Collectors.toSet());
            Set<String> ids = admin.listTransactions(new ListTransactionsOptions().filterProducerIds(producers)).all()
                    .get(30, TimeUnit.SECONDS).stream().map(TransactionListing::transactionalId)
                    .collect(Collectors.toSet());
            Map<Long, TransactionDescription> byProducer = new HashMap<>();
            if (!ids.isEmpty()) {
                admin.describeTransactions(ids).all().get(30, TimeUnit.SECONDS).values()
                        .forEach(d -> byProducer.put(d.producerId(), d));
            }
            return byProducer;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the transaction coordinator's state: " + e.getMessage(), e);
        }
    }
}
