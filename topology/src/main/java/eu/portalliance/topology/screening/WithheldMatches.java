package eu.portalliance.topology.screening;

import eu.portalliance.topology.avro.WithheldMatch;

/** Restricted intelligence matched by arrivals: its owners are told once per source, port and vessel call. */
public final class WithheldMatches {
    private WithheldMatches() {
    }

    public static String callKey(WithheldMatch m) {
        return m.getSourceId() + "|" + m.getPort() + "|" + m.getVesselImo() + "|" + m.getVoyage();
    }
}
