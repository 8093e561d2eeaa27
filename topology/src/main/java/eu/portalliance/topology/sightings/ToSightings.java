package eu.portalliance.topology.sightings;

import eu.portalliance.avro.RiskOrigin;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.query.EntityRef;
import eu.portalliance.topology.rules.RiskOriginRule;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

/**
 * Fans a port event out into sightings keyed by entity, looking risk origins up in the global versioned store
 * as of the event's time.
 */
public final class ToSightings<V> implements Processor<String, V, String, Sighting> {
    private final String riskStoreName;
    private final BiFunction<SightingFactory, V, List<Sighting>> fanOut;
    private ProcessorContext<String, Sighting> context;
    private SightingFactory factory;

    public ToSightings(String riskStoreName, BiFunction<SightingFactory, V, List<Sighting>> fanOut) {
        this.riskStoreName = riskStoreName;
        this.fanOut = fanOut;
    }

    @Override
    public void init(ProcessorContext<String, Sighting> context) {
        this.context = context;
        VersionedKeyValueStore<String, RiskOrigin> risks = context.getStateStore(riskStoreName);
        RiskOriginRule.Lookup lookup = (code, time) -> {
            VersionedRecord<RiskOrigin> r = risks.get(code, time);
            return Optional.ofNullable(r).map(VersionedRecord::value);
        };
        factory = new SightingFactory(new RiskOriginRule(), lookup);
    }

    @Override
    public void process(Record<String, V> record) {
        for (Sighting s : fanOut.apply(factory, record.value())) {
            context.forward(record.withKey(new EntityRef(s.getEntityType(), s.getEntityId()).storeKey()).withValue(s));
        }
    }
}
