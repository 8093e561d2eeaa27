package eu.portalliance.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing that would be committed holds a secret: no key or keystore file, no private key, no {@code .env}, no
 * password or JAAS configuration with a real value. Placeholders ({@code change-me…}) and variable references are
 * what the repository carries; real values live in ignored folders ({@code data/} at any depth, {@code docker/.env}).
 */
class NoSecretInTheTreeTest {
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> SECRET_SUFFIXES = Set.of(".key", ".pem", ".p12", ".pfx", ".jks", ".keystore",
            ".truststore", ".crt", ".csr", ".srl");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    /** {@code password=…}, {@code password: …}, {@code password="…"}, {@code user_admin="…"} (a broker's JAAS users). */
    private static final Pattern PASSWORD = Pattern.compile(
            "(?i)(password|passwd|secret|user_[a-z0-9_-]+)\\s*[=:]\\s*\\\\?\"?([^\"\\s;|\\\\]*)");
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules");

    @Test
    void theRepositoryHoldsNoSecret() throws IOException {
        List<Path> files = committable(PROJECT);
        assertThat(files).as("files looked at").hasSizeGreaterThan(100);
        assertThat(findSecrets(PROJECT, files)).isEmpty();
    }

    @Test
    void dataFoldersAreIgnoredAtAnyDepth() throws IOException {
        // A running alliance, a test or a CLI command run from a module folder writes keys and passwords under
        // its data folder, wherever that is.
        assertThat(Files.readAllLines(PROJECT.resolve(".gitignore"))).contains("data/", "docker/.env", "docker/certs/*");
    }

    @Test
    void theCheckFindsEachKindOfSecret(@TempDir Path tree) throws IOException {
        write(tree, "platform/data/redaction.key", "0123456789abcdef");
        write(tree, "docker/certs/broker.p12", "binary");
        write(tree, "docker/.env", "KAFKA_ADMIN_PASSWORD=change-me");
        write(tree, "notes/id.txt", "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIE\n");
        write(tree, "connectors/config/sink.properties", "connection.password=Tr0ub4dor\n");
        write(tree, "docker/compose.yml", "JAAS: PlainLoginModule required username=\"admin\" password=\"hunter2\" user_admin=\"hunter2\";\n");
        write(tree, "docker/.env.example", "KAFKA_ADMIN_PASSWORD=change-me-admin\n");
        write(tree, "docker/start.sh", "password=\"${CONNECT_PASSWORD}\"\n: \"${ALLIANCE_SASL_PASSWORD:?must be set}\"\n"
                + "sed -e \"s|^connection.password=.*|connection.password=${POSTGRES_PASSWORD}|\"\n"
                + "JAAS=\"ScramLoginModule required username=\\\"connect\\\" password=\\\"${CONNECT_PASSWORD}\\\";\"\n");
        write(tree, "README.md", "the password is in data/clients/port-NLRTM.properties\n");

        List<String> found = findSecrets(tree, committable(tree));

        assertThat(found).hasSize(6);
        assertThat(String.join("\n", found)).contains("platform/data/redaction.key", "docker/certs/broker.p12",
                "docker/.env:", "notes/id.txt", "connectors/config/sink.properties", "docker/compose.yml");
        assertThat(String.join("\n", found)).doesNotContain(".env.example", "start.sh", "README.md");
    }

    /**
     * What git would commit under {@code root} (tracked files and untracked ones not ignored); outside a git
     * checkout, every file but build output and VCS data.
     */
    private static List<Path> committable(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        try {
            Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                    .directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] listing = git.getInputStream().readAllBytes();
            if (git.waitFor() == 0) {
                for (String name : new String(listing, StandardCharsets.UTF_8).split("\0")) {
                    Path file = root.resolve(name);
                    if (!name.isEmpty() && Files.isRegularFile(file)) {
                        files.add(file);
                    }
                }
                return files;
            }
        } catch (IOException e) {
            // no git here: walk the tree instead
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile)
                    .filter(p -> {
                        Path rel = root.relativize(p);
                        for (int i = 0; i < rel.getNameCount() - 1; i++) {
                            if (SKIPPED_DIRS.contains(rel.getName(i).toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .forEach(files::add);
        }
        return files;
    }

    static List<String> findSecrets(Path root, List<Path> files) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            String rel = root.relativize(file).toString();
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (SECRET_SUFFIXES.stream().anyMatch(name::endsWith) || name.equals(".env") || name.startsWith("id_rsa")) {
                found.add(rel + ": a key, certificate or secrets file");
                continue;
            }
            if (Files.size(file) > 2_000_000) {
                continue;
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (PRIVATE_KEY.matcher(text).find()) {
                found.add(rel + ": a private key");
                continue;
            }
            if (!isConfig(name)) {
                continue;
            }
            Matcher m = PASSWORD.matcher(text);
            while (m.find()) {
                if (!placeholder(m.group(2))) {
                    found.add(rel + ": a real value for " + m.group(1));
                    break;
                }
            }
        }
        return found;
    }

    private static boolean isConfig(String name) {
        return name.endsWith(".properties") || name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".conf")
                || name.endsWith(".env") || name.startsWith(".env") || name.endsWith(".sh") || name.endsWith(".json");
    }

    private static boolean placeholder(String value) {
        // $VAR, ${VAR}, printf's %s, <your password here>, a shell's ${VAR:?message} seen from inside, a sed pattern
        return value.isEmpty() || value.startsWith("change-me") || value.startsWith("$") || value.startsWith("%s")
                || value.startsWith("<") || value.startsWith("?") || value.equals(".*");
    }

    private static void write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
