package eu.portalliance.platform;

import eu.portalliance.platform.cli.AllianceCli;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a bin/alliance command in this JVM and captures what it prints. */
public record CliRun(int code, String out, String err) {
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = AllianceCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
