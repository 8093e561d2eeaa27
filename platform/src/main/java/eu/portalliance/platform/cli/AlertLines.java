package eu.portalliance.platform.cli;

import eu.portalliance.avro.Alert;
import java.time.temporal.ChronoUnit;

/** One readable line per alert, for a watch room's terminal. */
final class AlertLines {
    private AlertLines() {
    }

    static String human(Alert a) {
        String action = a.getRecommendedAction() == null ? "" : "  → " + a.getRecommendedAction();
        return String.format("%s  %-8s %-18s %s v%d  %s  ports %s%s  %s  [%s]%n    %s%s",
                a.getRaisedAt().truncatedTo(ChronoUnit.MINUTES), a.getSeverity(), a.getType(), a.getRuleId(),
                a.getRuleVersion(), a.getEntityType() + " " + a.getEntityId(), a.getPorts(),
                a.getAddressedTo().isEmpty() ? "" : " → " + a.getAddressedTo(), a.getHandlingCode(), a.getAlertId(),
                a.getSummary(), action);
    }
}
