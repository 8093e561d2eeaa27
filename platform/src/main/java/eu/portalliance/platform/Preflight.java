package eu.portalliance.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Checks the user can fix, made before anything starts so that nothing half-starts. */
public final class Preflight {
    private Preflight() {
    }

    public static void portFree(String host, int port, String flag) {
        if (port < 1 || port > 65535) {
            throw new UserError(flag + " " + port + " is not a TCP port: choose a number from 1 to 65535");
        }
        try (ServerSocket socket = new ServerSocket()) {
            // As the real listeners do, so a port in TIME_WAIT after a restart does not count as taken.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new UserError("port " + port + " (" + flag + ") is already in use on " + host
                    + ": stop whatever holds it, or choose another with " + flag);
        }
    }

    /**
     * Whether anything accepts a connection at one of {@code hostPorts} ("host:port", comma-separated, as Kafka's
     * bootstrap list). A tool pointed at nothing would otherwise leave its Kafka clients retrying for their whole timeout
     * with a warning per attempt, and end in a timeout that names no address.
     */
    public static void answering(String hostPorts, String flag, String whatToDo) {
        for (String hostPort : hostPorts.split(",")) {
            String hp = hostPort.trim();
            int colon = hp.lastIndexOf(':');
            if (colon > 0 && accepts(hp.substring(0, colon), hp.substring(colon + 1))) {
                return;
            }
        }
        throw new UserError("nothing answers at " + hostPorts + " (" + flag + "): " + whatToDo);
    }

    /** {@link #answering} for a URL: its host and port, the scheme's port when it names none. */
    public static void answeringUrl(String url, String flag, String whatToDo) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new UserError(flag + " " + url + " is not a URL: give one such as http://127.0.0.1:8081");
        }
        if (uri.getHost() == null) {
            throw new UserError(flag + " " + url + " names no host: give a URL such as http://127.0.0.1:8081");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        if (!accepts(uri.getHost(), String.valueOf(port))) {
            throw new UserError("nothing answers at " + uri.getScheme() + "://" + uri.getHost() + ":" + port + " (" + flag + "): " + whatToDo);
        }
    }

    private static boolean accepts(String host, String port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host.replaceAll("^\\[|]$", ""), Integer.parseInt(port)), 5_000);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Creates the data folder if needed and proves it is writable. */
    public static Path writableFolder(Path dir, String flag) {
        return writableFolder(dir, "data folder", flag);
    }

    /** Creates {@code dir} if needed and proves it is writable; {@code what} names it in the message. */
    public static Path writableFolder(Path dir, String what, String flag) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new UserError(what + " " + abs + " is a file, not a folder: choose a folder with " + flag);
        }
        try {
            Files.createDirectories(abs);
            Path probe = Files.createTempFile(abs, ".write-probe", "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UserError(what + " " + abs + " is not writable (" + e.getMessage()
                    + "): fix its permissions or choose another with " + flag);
        }
        return abs;
    }

    /** Holds an exclusive lock on the data folder so two platforms never share one broker log. */
    public static AutoCloseable lock(Path dataDir, String flag) {
        try {
            FileChannel channel = FileChannel.open(dataDir.resolve(".alliance.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new UserError("data folder " + dataDir + " is in use by another running alliance: stop it, "
                        + "or choose another folder with " + flag);
            }
            FileLock held = lock;
            return () -> {
                held.release();
                channel.close();
            };
        } catch (IOException e) {
            throw new UserError("cannot lock data folder " + dataDir + " (" + e.getMessage() + "): choose another with " + flag);
        }
    }
}
