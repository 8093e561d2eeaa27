package eu.portalliance.platform.cli;

import eu.portalliance.topology.AllianceConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/** The topology's consumer group as the broker sees it. */
final class TopologyGroup {
    private TopologyGroup() {
    }

    /** Each member's group instance id, or "(dynamic) " and its member id for a member without one. */
    static List<String> instanceIds(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            return admin.describeConsumerGroups(List.of(AllianceConfig.DEFAULT_APPLICATION_ID)).all().get(30, TimeUnit.SECONDS)
                    .get(AllianceConfig.DEFAULT_APPLICATION_ID).members().stream()
                    .map(m -> m.groupInstanceId().orElse("(dynamic) " + m.consumerId())).toList();
        }
    }
}
