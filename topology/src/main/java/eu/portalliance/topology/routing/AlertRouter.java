package eu.portalliance.topology.routing;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.DeliveryBasis;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.PortInfo;
import eu.portalliance.avro.Subscription;
import eu.portalliance.topology.avro.Delivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * One delivery per recipient a case revision may go to, redacted for recipients that were not involved, and withheld
 * (still audited, still queryable) when it scores below the recipient's minimum. Subscriptions and ports are read from
 * global tables at the moment of routing, so a changed subscription applies to the next revision.
 */
public final class AlertRouter implements Processor<String, Alert, String, Delivery> {
    private final String subscriptionsStore;
    private final String portsStore;
    private final Redaction redaction;
    private ProcessorContext<String, Delivery> context;
    private TimestampedKeyValueStore<String, Subscription> subscriptions;
    private TimestampedKeyValueStore<String, PortInfo> ports;

    public AlertRouter(String subscriptionsStore, String portsStore, Redaction redaction) {
        this.subscriptionsStore = subscriptionsStore;
        this.portsStore = portsStore;
        this.redaction = redaction;
    }

    @Override
    public void init(ProcessorContext<String, Delivery> context) {
        this.context = context;
        this.subscriptions = context.getStateStore(subscriptionsStore);
        this.ports = context.getStateStore(portsStore);
    }

    @Override
    public void process(Record<String, Alert> record) {
        Alert alert = record.value();
        List<Subscription> all = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<Subscription>> it = subscriptions.all()) {
            while (it.hasNext()) {
                KeyValue<String, ValueAndTimestamp<Subscription>> next = it.next();
                if (next.value != null && next.value.value() != null) {
                    all.add(next.value.value());
                }
            }
        }
        HandlingPolicy.Directory directory = id -> {
            ValueAndTimestamp<PortInfo> p = ports.get(id);
            return p != null && p.value() != null && p.value().getAllianceMember();
        };
        boolean namesParties = !alert.getParties().isEmpty() || alert.getEntityType() == EntityType.PARTY;
        Alert redacted = null;
        boolean notice = alert.getType() == AlertType.SCREENING_NOTICE;
        for (Recipient r : HandlingPolicy.recipients(alert, all, directory)) {
            boolean redact = r.basis() != DeliveryBasis.INVOLVED && !r.needToKnowParties() && namesParties;
            if (redact && redacted == null) {
                redacted = redaction.redact(alert);
            }
            // A notice is a message to one port, not a case: no minimum score or daily cap holds it back.
            String withheld = !notice && alert.getScore() < r.minimumScore()
                    ? String.format(Locale.ROOT, "score %.1f is below the subscription's minimum %.1f", alert.getScore(), r.minimumScore()) : null;
            Delivery d = Delivery.newBuilder().setRecipient(r.id()).setTopic(r.topic()).setBasis(r.basis())
                    .setRedacted(redact).setAlert(redact ? redacted : alert)
                    .setDeliveredAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                    .setDailyCap(notice ? 0 : r.dailyCap()).setWithheldBecause(withheld).build();
            context.forward(record.withValue(d));
        }
    }
}
