package eu.portalliance.platform.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.plain.PlainAuthenticateCallback;

/**
 * Checks a SASL/PLAIN login on the TLS listener against the port's own client settings file, so a port admitted
 * with {@code port add} can log in at once, with the same password its SCRAM clients use. Only port principals log
 * in this way: the alliance's own services keep SCRAM.
 */
public class PortPasswordCheck implements AuthenticateCallbackHandler {
    static final String FOLDER_OPTION = "dataDir";
    private static final Pattern PORT_PRINCIPAL = Pattern.compile("port-[A-Z]{2}[A-Z2-9]{3}");

    private Credentials credentials;

    @Override
    public void configure(Map<String, ?> configs, String mechanism, List<AppConfigurationEntry> jaas) {
        for (AppConfigurationEntry entry : jaas) {
            Object folder = entry.getOptions().get(FOLDER_OPTION);
            if (folder != null) {
                credentials = new Credentials(Path.of(folder.toString()));
            }
        }
        if (credentials == null) {
            throw new IllegalArgumentException("the PLAIN login module needs " + FOLDER_OPTION + "=\"<data-dir>\"");
        }
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        String user = null;
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                user = name.getDefaultName();
            } else if (callback instanceof PlainAuthenticateCallback plain) {
                plain.authenticated(user != null && matches(user, plain.password()));
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    private boolean matches(String user, char[] password) {
        if (!PORT_PRINCIPAL.matcher(user).matches() || !credentials.exists(user)) {
            return false;
        }
        String expected = credentials.storedPassword(user);
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                new String(password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
    }
}
