package eu.portalliance.topology;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.PortInfo;
import eu.portalliance.avro.RiskOrigin;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.registry.SchemaRegistryClient;
import eu.portalliance.serde.AvroSerde;
import eu.portalliance.topology.avro.EntityHistory;
import eu.portalliance.topology.avro.RouteBaseline;
import eu.portalliance.topology.avro.RouteWindow;
import eu.portalliance.topology.avro.Sighting;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Every serde the topology uses, built once from one registry client and passed explicitly at every step. */
public final class AllianceSerdes {
    public final Serde<String> key = Serdes.String();
    public final Serde<Long> longs = Serdes.Long();
    public final Serde<SeizureReport> seizure;
    public final Serde<SuspiciousContainerEvent> suspicion;
    public final Serde<Alert> alert;
    public final Serde<RiskOrigin> riskOrigin;
    public final Serde<PortInfo> port;
    public final Serde<Sighting> sighting;
    public final Serde<EntityHistory> history;
    public final Serde<RouteWindow> routeWindow;
    public final Serde<RouteBaseline> routeBaseline;

    public AllianceSerdes(SchemaRegistryClient registry) {
        seizure = AvroSerde.value(registry, SeizureReport.class);
        suspicion = AvroSerde.value(registry, SuspiciousContainerEvent.class);
        alert = AvroSerde.value(registry, Alert.class);
        riskOrigin = AvroSerde.value(registry, RiskOrigin.class);
        port = AvroSerde.value(registry, PortInfo.class);
        sighting = AvroSerde.value(registry, Sighting.class);
        history = AvroSerde.value(registry, EntityHistory.class);
        routeWindow = AvroSerde.value(registry, RouteWindow.class);
        routeBaseline = AvroSerde.value(registry, RouteBaseline.class);
    }
}
