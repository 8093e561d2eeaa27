package eu.portalliance.platform.registry;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertOutcome;
import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.ScanRecommendation;
import eu.portalliance.avro.ScanResult;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.registry.SchemaRegistryClient;
import eu.portalliance.serde.WireFormat;
import eu.portalliance.topics.Topics;

/**
 * Every subject of a port's topics, registered when the port is admitted: a port system in any language can then
 * take the current schema from the registry (Confluent's "latest version") instead of carrying its own copy, and the
 * topology's first delivery to the port never registers a schema inside a transaction.
 */
public final class PortSubjects {
    private PortSubjects() {
    }

    public static void register(SchemaRegistryClient registry, String locode) {
        registry.register(WireFormat.subject(Topics.seizures(locode), false), SeizureReport.getClassSchema());
        registry.register(WireFormat.subject(Topics.suspicious(locode), false), SuspiciousContainerEvent.getClassSchema());
        registry.register(WireFormat.subject(Topics.alertOutcomes(locode), false), AlertOutcome.getClassSchema());
        registry.register(WireFormat.subject(Topics.alerts(locode), false), Alert.getClassSchema());
        registry.register(WireFormat.subject(Topics.arrivals(locode), false), ArrivalNotice.getClassSchema());
        registry.register(WireFormat.subject(Topics.scanRecommendations(locode), false), ScanRecommendation.getClassSchema());
        registry.register(WireFormat.subject(Topics.scanResults(locode), false), ScanResult.getClassSchema());
    }
}
