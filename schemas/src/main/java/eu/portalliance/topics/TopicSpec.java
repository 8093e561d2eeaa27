package eu.portalliance.topics;

import java.util.Map;

/** How a topic is created: partitions and the topic-level configs that matter for its role. */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    public boolean compacted() {
        return configs.getOrDefault("cleanup.policy", "").contains("compact");
    }
}
