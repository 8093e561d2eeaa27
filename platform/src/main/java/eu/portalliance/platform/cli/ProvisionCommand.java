package eu.portalliance.platform.cli;

import eu.portalliance.platform.Platform;
import eu.portalliance.platform.UserError;
import eu.portalliance.platform.kafka.ReferenceSeeder;
import eu.portalliance.platform.kafka.TopicProvisioner;
import eu.portalliance.platform.security.AccessControl;
import eu.portalliance.reference.KnownPorts;
import eu.portalliance.topics.TopicSpec;
import eu.portalliance.topology.AllianceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "provision", mixinStandardHelpOptions = true,
        description = "Prepare a Kafka cluster for the alliance (the one-shot init job of docker/): create the alliance "
                + "and founding ports' topics with the given replication, seed the reference data, and — with "
                + "--principals — create the topology's, registry's, Connect worker's and each port's SCRAM principal "
                + "and ACLs. Passwords come from environment variables ALLIANCE_PASSWORD_<PRINCIPAL> (e.g. "
                + "ALLIANCE_PASSWORD_TOPOLOGY, ALLIANCE_PASSWORD_PORT_BEANR); principals without one are skipped. "
                + "Safe to run again: what exists is left alone.")
final class ProvisionCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = "--replication-factor", defaultValue = "3", description = "Replication of every topic (default: ${DEFAULT-VALUE}).")
    short replication;

    @Option(names = "--principals", description = "Also create principals and ACLs (the cluster must run an authorizer).")
    boolean principals;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<TopicSpec> specs = Platform.allTopics();
        Map<String, Object> kafka = client.kafka();
        try (Admin admin = Admin.create(kafka)) {
            int created = TopicProvisioner.ensure(admin, specs.stream().map(s -> withMinIsr(s, replication)).toList(), replication);
            spec.commandLine().getOut().printf("Topics: %d created, %d already there (replication %d).%n", created,
                    specs.size() - created, replication);
            if (principals) {
                List<String> done = new ArrayList<>();
                grant(admin, "topology", () -> AccessControl.grantTopology(admin, AllianceConfig.DEFAULT_APPLICATION_ID), done);
                grant(admin, "registry", () -> AccessControl.grantRegistry(admin), done);
                grant(admin, "connect", () -> AccessControl.grantConnect(admin), done);
                for (String locode : KnownPorts.allianceLocodes()) {
                    grant(admin, "port-" + locode, () -> AccessControl.grantPort(admin, locode), done);
                }
                spec.commandLine().getOut().println("Principals with ACLs: " + done);
            }
        } catch (UserError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UserError("provisioning " + client.bootstrap + " failed: " + e.getMessage());
        }
        ReferenceSeeder.seedIfEmpty(client.bootstrap, client.registryClient(), kafka);
        spec.commandLine().getOut().println("Reference data seeded where empty. The cluster is ready for the alliance.");
        return 0;
    }

    private static TopicSpec withMinIsr(TopicSpec s, short replication) {
        if (replication < 3) {
            return s;
        }
        Map<String, String> configs = new java.util.HashMap<>(s.configs());
        configs.put("min.insync.replicas", "2");
        return new TopicSpec(s.name(), s.partitions(), configs);
    }

    private static void grant(Admin admin, String principal, Runnable acls, List<String> done) {
        String env = "ALLIANCE_PASSWORD_" + principal.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        String password = System.getenv(env);
        if (password == null || password.isBlank()) {
            return;
        }
        AccessControl.upsertUser(admin, principal, password);
        acls.run();
        done.add(principal);
    }
}
