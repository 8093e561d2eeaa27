package eu.portalliance.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docker/ cannot run here (no Docker engine), so the compose file is validated the way an operator's first step
 * would: docker-compose config (Debian's docker-compose, installed by bin/test), then what it resolved to is checked.
 */
@Tag("end-to-end")
class DockerComposeTest {
    static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    private static String config() throws Exception {
        Process p = new ProcessBuilder("docker-compose", "-f", PROJECT.resolve("docker/docker-compose.yml").toString(),
                "--env-file", PROJECT.resolve("docker/.env.example").toString(), "config").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void theComposeFileIsValidAndDescribesTheProductionShape() throws Exception {
        String resolved = config();
        for (String service : List.of("kafka-1", "kafka-2", "kafka-3", "schema-registry", "init", "topology-1",
                "topology-2", "connect", "postgres")) {
            assertThat(resolved).as(service).containsPattern("(?m)^  " + service + ":$");
        }
        assertThat(resolved.split("image: apache/kafka:4.3.1", -1)).hasSize(4);
        assertThat(resolved).containsPattern("KAFKA_DEFAULT_REPLICATION_FACTOR: '?3'?\\n").containsPattern("KAFKA_MIN_INSYNC_REPLICAS: '?2'?\\n")
                .contains("KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093")
                .contains("org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .contains("--standby-replicas").contains("--advertised-host")
                .contains("provision --bootstrap").contains("--principals")
                .contains("condition: service_completed_successfully");
    }

    @Test
    void noSecretIsInTheRepository() throws Exception {
        String compose = Files.readString(PROJECT.resolve("docker/docker-compose.yml"));
        assertThat(compose).doesNotContainPattern("(?i)password\\s*[:=]\\s*[\"']?[a-z0-9]{6,}[\"']?\\s*$");
        assertThat(Files.readString(PROJECT.resolve(".gitignore"))).contains("docker/.env");
        assertThat(Files.readString(PROJECT.resolve("docker/.env.example"))).contains("change-me");
    }
}
