package eu.portalliance.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        // Each instance a static member of its own name, so a restarted container takes its tasks back.
        assertThat(resolved).containsPattern("- --instance-id\\n\\s*- topology-1\\n").containsPattern("- --instance-id\\n\\s*- topology-2\\n");
    }

    @Test
    void everyLinkIsEncryptedAndTheRegistryAuthenticates() throws Exception {
        String resolved = config();
        assertThat(resolved).doesNotContain("SASL_PLAINTEXT").doesNotContain("PLAINTEXT:").doesNotContain("http://schema-registry");
        assertThat(resolved.split("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: INTERNAL:SASL_SSL,PORTS:SASL_SSL,CONTROLLER:SASL_SSL", -1)).hasSize(4);
        assertThat(resolved.split("KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: https", -1)).hasSize(4);
        assertThat(resolved).contains("SCHEMA_REGISTRY_LISTENERS: https://0.0.0.0:8081")
                .contains("SCHEMA_REGISTRY_AUTHENTICATION_METHOD: BASIC")
                .contains("SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL: SASL_SSL")
                .contains("--registry https://schema-registry:8081");
        // Every alliance container trusts the cluster's CA and logs in to the registry.
        for (String service : List.of("init", "topology-1", "topology-2", "connect")) {
            assertThat(serviceBlock(resolved, service)).as(service).contains("ALLIANCE_REGISTRY_CA: /etc/alliance/certs/ca.crt")
                    .contains("ALLIANCE_REGISTRY_USER_INFO: alliance:change-me-registry-alliance");
        }
    }

    private static String serviceBlock(String resolved, String service) {
        int start = resolved.indexOf("\n  " + service + ":\n");
        assertThat(start).as(service).isPositive();
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("(?m)^  [a-z0-9-]+:$").matcher(resolved);
        return resolved.substring(start, next.find(start + service.length() + 4) ? next.start() : resolved.length());
    }

    @Test
    void theCertificateScriptMakesACaAndCertificatesThatVerifyAndRotates(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("certs");
        assertThat(run(dir, "--out", out.toString(), "--public-host", "alliance.example.eu")).contains("CA and certificates in");
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            Path pem = out.resolve(broker + ".pem");
            assertThat(Files.readString(pem)).startsWith("-----BEGIN " + "PRIVATE KEY-----").contains("-----BEGIN CERTIFICATE-----");
            assertThat(openssl(dir, "verify", "-CAfile", out.resolve("ca.crt").toString(), pem.toString())).contains(": OK");
            assertThat(openssl(dir, "x509", "-in", pem.toString(), "-noout", "-ext", "subjectAltName"))
                    .contains("DNS:" + broker).contains("DNS:alliance.example.eu");
        }
        assertThat(openssl(dir, "pkcs12", "-in", out.resolve("schema-registry.p12").toString(), "-nokeys", "-passin",
                "pass:test-keystore-password")).contains("subject=CN = schema-registry");
        assertThat(run(dir, "--out", out.toString())).as("a second first run refuses to replace the CA").contains("already has a CA");

        String caBefore = Files.readString(out.resolve("ca.crt"));
        String brokerBefore = Files.readString(out.resolve("kafka-1.pem"));
        run(dir, "--out", out.toString(), "--renew");
        assertThat(Files.readString(out.resolve("ca.crt"))).as("renewal keeps the CA").isEqualTo(caBefore);
        assertThat(Files.readString(out.resolve("kafka-1.pem"))).isNotEqualTo(brokerBefore);

        run(dir, "--out", out.toString(), "--new-ca");
        String bundle = Files.readString(out.resolve("ca.crt"));
        assertThat(bundle.split("BEGIN CERTIFICATE", -1)).as("new CA and the previous one, trusted together").hasSize(3);
        assertThat(bundle).endsWith(caBefore);
        assertThat(openssl(dir, "verify", "-CAfile", out.resolve("ca.crt").toString(), out.resolve("kafka-2.pem").toString())).contains(": OK");
    }

    private static String run(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("sh", PROJECT.resolve("docker/certs/make-certs.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("REGISTRY_KEYSTORE_PASSWORD", "test-keystore-password");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static String openssl(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void noSecretIsInTheRepository() throws Exception {
        String compose = Files.readString(PROJECT.resolve("docker/docker-compose.yml"));
        assertThat(compose).doesNotContainPattern("(?i)password\\s*[:=]\\s*[\"']?[a-z0-9]{6,}[\"']?\\s*$");
        assertThat(Files.readString(PROJECT.resolve(".gitignore"))).contains("docker/.env");
        assertThat(Files.readString(PROJECT.resolve("docker/.env.example"))).contains("change-me");
    }
}
