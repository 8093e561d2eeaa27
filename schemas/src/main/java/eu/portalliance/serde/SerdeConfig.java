package eu.portalliance.serde;

import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** The client properties the serde understands, named as Confluent's so existing client configs carry over. */
final class SerdeConfig {
    static final String REGISTRY_URL = "schema.registry.url";
    static final String AUTO_REGISTER = "auto.register.schemas";

    private final Map<String, ?> configs;

    SerdeConfig(Map<String, ?> configs) {
        this.configs = configs;
    }

    SchemaRegistryClient registry() {
        Object url = configs.get(REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException(REGISTRY_URL + " is not set: give the schema registry's URL, e.g. http://127.0.0.1:8081");
        }
        return new RestSchemaRegistryClient(url.toString().split(",")[0].trim());
    }

    boolean autoRegister() {
        Object v = configs.get(AUTO_REGISTER);
        return v == null || Boolean.parseBoolean(v.toString());
    }
}
