package eu.portalliance.topology.routing;

import eu.portalliance.avro.DeliveryBasis;

/** Someone an alert may go to, and on what grounds. */
public record Recipient(String id, String topic, DeliveryBasis basis, boolean needToKnowParties, double minimumScore, int dailyCap) {
}
