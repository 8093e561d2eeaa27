package eu.portalliance.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders the tests, the bench and their child JVMs made: removed when done, never failing for it. */
public final class Folders {
    private Folders() {
    }

    /** Deletes {@code folder} and everything in it, as far as it can; a folder left behind is harmless. */
    public static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // what could not be listed stays, in a temporary folder
        }
    }
}
