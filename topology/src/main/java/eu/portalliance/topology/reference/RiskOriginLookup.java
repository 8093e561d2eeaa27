package eu.portalliance.topology.reference;

import eu.portalliance.avro.RiskOrigin;
import eu.portalliance.topology.rules.RiskOriginRule;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

/** The risk-origin list as it stood at a given time, read from the global versioned store any processor can see. */
public final class RiskOriginLookup {
    private RiskOriginLookup() {
    }

    public static RiskOriginRule.Lookup in(ProcessingContext context, String storeName) {
        VersionedKeyValueStore<String, RiskOrigin> store = context.getStateStore(storeName);
        return (code, time) -> Optional.ofNullable(store.get(code, time)).map(VersionedRecord::value);
    }
}
