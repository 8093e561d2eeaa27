package eu.portalliance.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry behind basic authentication and TLS from a private CA, as on the cluster: a real HTTPS server (the
 * JDK's) with a certificate made by the JDK's keytool, and the client reaching it with credentials from the URL or
 * the environment and the CA from the environment.
 */
class RegistryAccessTest {
    @TempDir
    Path dir;
    HttpsServer server;
    Path caPem;

    @BeforeEach
    void start() throws Exception {
        Path keystore = dir.resolve("registry.p12");
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-storepass", "changeit");
        caPem = dir.resolve("ca.crt");
        keytool("-exportcert", "-rfc", "-alias", "registry", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", caPem.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        HttpContext subjects = server.createContext("/subjects", exchange -> {
            byte[] body = "[\"ports.NLRTM.seizures.v1-value\"]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        subjects.setAuthenticator(new BasicAuthenticator("SchemaRegistry") {
            @Override
            public boolean checkCredentials(String user, String password) {
                return user.equals("alliance") && password.equals("s3cret:with-colon");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String userInfo) {
        return "https://" + userInfo + "localhost:" + server.getAddress().getPort();
    }

    @Test
    void credentialsFromTheUrlOrTheEnvironmentAndTheCaFromTheEnvironment() {
        Map<String, String> caOnly = Map.of(RegistryAccess.CA_ENV, caPem.toString());
        assertThat(new RestSchemaRegistryClient(RegistryAccess.of(url("alliance:s3cret%3Awith-colon@"), caOnly)).subjects())
                .containsExactly("ports.NLRTM.seizures.v1-value");
        Map<String, String> env = Map.of(RegistryAccess.CA_ENV, caPem.toString(), RegistryAccess.USER_INFO_ENV, "alliance:s3cret:with-colon");
        assertThat(new RestSchemaRegistryClient(RegistryAccess.of(url(""), env)).subjects())
                .containsExactly("ports.NLRTM.seizures.v1-value");
    }

    @Test
    void aMissingOrWrongPasswordOrAnUntrustedCertificateIsAClearError() {
        Map<String, String> caOnly = Map.of(RegistryAccess.CA_ENV, caPem.toString());
        assertThatThrownBy(() -> new RestSchemaRegistryClient(RegistryAccess.of(url(""), caOnly)).subjects())
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("refused a request without credentials (HTTP 401): set ALLIANCE_REGISTRY_USER_INFO=user:password");
        assertThatThrownBy(() -> new RestSchemaRegistryClient(RegistryAccess.of(url("alliance:guessed@"), caOnly)).subjects())
                .hasMessageContaining("refused these credentials (HTTP 401)");
        assertThatThrownBy(() -> new RestSchemaRegistryClient(RegistryAccess.of(url("alliance:s3cret%3Awith-colon@"), Map.of())).subjects())
                .isInstanceOf(RegistryException.class).hasMessageContaining("did not answer");
    }

    private static void keytool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
