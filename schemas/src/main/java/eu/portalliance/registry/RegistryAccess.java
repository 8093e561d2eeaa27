package eu.portalliance.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How to reach a registry behind HTTP basic authentication and TLS from a private CA, as on a cluster: credentials
 * from the URL ({@code https://user:password@host:8081}, as Confluent's {@code basic.auth.credentials.source=URL})
 * or from {@code ALLIANCE_REGISTRY_USER_INFO=user:password} (kept out of command lines), and the CA's PEM
 * certificate from {@code ALLIANCE_REGISTRY_CA}.
 */
record RegistryAccess(String baseUrl, Optional<String> authorization, HttpClient http) {
    static final String USER_INFO_ENV = "ALLIANCE_REGISTRY_USER_INFO";
    static final String CA_ENV = "ALLIANCE_REGISTRY_CA";

    static RegistryAccess of(String url, Map<String, String> env) {
        URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        String userInfo = uri.getRawUserInfo() != null ? URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8)
                : env.get(USER_INFO_ENV);
        String base = uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "");
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        String ca = env.get(CA_ENV);
        if (ca != null && !ca.isBlank()) {
            http.sslContext(trusting(Path.of(ca)));
        }
        return new RegistryAccess(base, Optional.ofNullable(userInfo).filter(s -> !s.isBlank())
                .map(s -> "Basic " + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))), http.build());
    }

    private static SSLContext trusting(Path caPem) {
        try (InputStream in = Files.newInputStream(caPem)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + n++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new RegistryException(400, RegistryException.UNREACHABLE, "cannot use " + caPem + " from " + CA_ENV
                    + " as the registry's CA certificate (" + e.getMessage() + "): point it at a PEM certificate");
        }
    }
}
