package eu.portalliance.platform.security;

import eu.portalliance.platform.UserError;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The secure single-machine alliance's own certificate authority, made once per data folder under {@code tls/}: a CA
 * whose certificate ports install as trusted ({@code ca.crt}), and the broker's certificate for 127.0.0.1 signed by
 * it. Private keys never leave the folder and are readable by their owner only. Deleting {@code tls/} rotates both
 * at the next start; ports then need the new {@code ca.crt}.
 */
public final class LocalCa {
    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final Duration SERVER_LIFETIME = Duration.ofDays(825);

    private final Path folder;

    public LocalCa(Path dataDir) {
        this.folder = dataDir.resolve("tls");
    }

    public Path caCertificate() {
        return folder.resolve("ca.crt");
    }

    /** The broker's certificate chain (its own certificate, then the CA's), PEM. */
    public String brokerChainPem() {
        return read("broker.crt");
    }

    /** The broker's private key, unencrypted PKCS#8 PEM, as Kafka's PEM key store takes it. */
    public String brokerKeyPem() {
        return read("broker.key");
    }

    /** Remembers where the TLS listener is, for commands that run beside the alliance ({@code port add}). */
    public void recordEndpoint(String hostPort) {
        try {
            Files.writeString(folder.resolve("listener"), hostPort + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UserError("cannot write " + folder.resolve("listener") + " (" + e.getMessage() + "): check the data folder");
        }
    }

    public String endpoint() {
        return read("listener").strip();
    }

    /** Makes the CA and the broker certificate the first time; later starts reuse them. */
    public LocalCa ensure() {
        if (Files.exists(folder.resolve("broker.key")) && Files.exists(caCertificate())) {
            return this;
        }
        try {
            Files.createDirectories(folder);
            KeyPair ca = keyPair();
            X509Certificate caCert = sign(new X500Name("CN=Port Alliance local CA"), ca, new X500Name("CN=Port Alliance local CA"),
                    ca.getPrivate(), CA_LIFETIME, true);
            KeyPair broker = keyPair();
            X509Certificate brokerCert = sign(new X500Name("CN=127.0.0.1"), broker, new X500Name("CN=Port Alliance local CA"),
                    ca.getPrivate(), SERVER_LIFETIME, false);
            write("ca.key", pem(ca.getPrivate()), true);
            write("ca.crt", pem(caCert), false);
            write("broker.key", pem(broker.getPrivate()), true);
            write("broker.crt", pem(brokerCert) + pem(caCert), false);
            return this;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new UserError("cannot make the TLS certificates under " + folder + " (" + e.getMessage()
                    + "): check the data folder");
        }
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
                                        Duration lifetime, boolean authority)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(lifetime)), subject, subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        if (authority) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        }
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : object);
        }
        return out.toString();
    }

    private void write(String name, String content, boolean secret) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        if (secret) {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not POSIX: the data folder's own permissions protect it
            }
        }
    }

    private String read(String name) {
        try {
            return Files.readString(folder.resolve(name), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UserError("cannot read " + folder.resolve(name) + " (" + e.getMessage() + "): delete " + folder
                    + " to make new certificates, and hand ports the new ca.crt");
        }
    }
}
