package eu.portalliance.topology.routing;

import eu.portalliance.topology.avro.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A subscription's daily cap: at most {@code dailyCap} new cases a day go to the recipient (the day is the case's own,
 * from its first revision's event time, so a replay decides the same way); a case the cap held back stays held, with
 * its later revisions, and is audited as such. Runs on deliveries keyed by recipient, so one task sees all of a
 * recipient's cases.
 */
public final class DailyCap implements FixedKeyProcessor<String, Delivery, Delivery> {
    private static final long DAY = Duration.ofDays(1).toMillis();
    /** How long a decision is kept: revisions of a case arrive within its correlation window and grace. */
    private static final long KEEP = Duration.ofDays(120).toMillis();
    private static final String DELIVERED = "delivered";

    private final String storeName;
    private FixedKeyProcessorContext<String, Delivery> context;
    private KeyValueStore<String, String> decisions;

    public DailyCap(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Delivery> context) {
        this.context = context;
        this.decisions = context.getStateStore(storeName);
        context.schedule(Duration.ofDays(1), PunctuationType.STREAM_TIME, this::forgetOld);
    }

    @Override
    public void process(FixedKeyRecord<String, Delivery> record) {
        Delivery d = record.value();
        String caseKey = d.getRecipient() + "|case|" + d.getAlert().getAlertId();
        String decided = decisions.get(caseKey);
        if (decided == null) {
            long firstRaised = d.getAlert().getFirstRaisedAt() == null ? d.getAlert().getRaisedAt().toEpochMilli()
                    : d.getAlert().getFirstRaisedAt().toEpochMilli();
            long day = Math.floorDiv(firstRaised, DAY);
            String dayKey = d.getRecipient() + "|day|" + day;
            int taken = Integer.parseInt(decisions.get(dayKey) == null ? "0" : decisions.get(dayKey));
            if (taken < d.getDailyCap()) {
                decisions.put(dayKey, Integer.toString(taken + 1));
                decided = DELIVERED;
            } else {
                decided = "the subscription's daily cap of " + d.getDailyCap() + " new cases was reached on "
                        + Instant.ofEpochMilli(day * DAY).atZone(ZoneOffset.UTC).toLocalDate();
            }
            decisions.put(caseKey, decided + "@" + day);
        }
        String outcome = decided.contains("@") ? decided.substring(0, decided.lastIndexOf('@')) : decided;
        context.forward(record.withValue(DELIVERED.equals(outcome) ? d
                : Delivery.newBuilder(d).setWithheldBecause(outcome).build()));
    }

    private void forgetOld(long streamTime) {
        long oldestDay = Math.floorDiv(streamTime - KEEP, DAY);
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, String> all = decisions.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> kv = all.next();
                String dayText = kv.key.contains("|day|") ? kv.key.substring(kv.key.lastIndexOf('|') + 1)
                        : kv.value.substring(kv.value.lastIndexOf('@') + 1);
                if (Long.parseLong(dayText) < oldestDay) {
                    old.add(kv.key);
                }
            }
        }
        old.forEach(decisions::delete);
    }
}
