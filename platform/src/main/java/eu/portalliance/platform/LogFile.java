package eu.portalliance.platform;

import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * Where the long-running commands write their full log: {@code <folder>/logs/alliance.log}. The logging configuration
 * names the file through a system property; the configuration is read again once the folder is known.
 */
public final class LogFile {
    public static final String PROPERTY = "alliance.log.file";

    private LogFile() {
    }

    public static Path under(Path folder) {
        Path file = folder.toAbsolutePath().normalize().resolve("logs").resolve("alliance.log");
        System.setProperty(PROPERTY, file.toString());
        if (LogManager.getContext(false) instanceof LoggerContext context) {
            context.reconfigure();
        }
        return file;
    }
}
