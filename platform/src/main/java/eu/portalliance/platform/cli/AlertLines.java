package eu.portalliance.platform.cli;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.CaseStatus;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

/** One readable entry per case revision, for a watch room's terminal. */
final class AlertLines {
    private AlertLines() {
    }

    static String human(Alert a) {
        String action = a.getRecommendedAction() == null ? "" : "  → " + a.getRecommendedAction();
        String rules = a.getRules().isEmpty() ? a.getRuleId() + " v" + a.getRuleVersion()
                : a.getRules().stream().map(r -> r.getRuleId() + " v" + r.getRuleVersion()).collect(Collectors.joining(" + "));
        String status = a.getStatus() == CaseStatus.OPEN ? "" : "  " + a.getStatus()
                + (a.getMergedInto() == null ? "" : " into " + a.getMergedInto());
        return String.format("%s  %-8s %5.1f  %-19s %s  %s  ports %s%s  %s  [%s rev %d]%s%n    %s%s",
                a.getRaisedAt().truncatedTo(ChronoUnit.MINUTES), a.getSeverity(), a.getScore(), a.getType(), rules,
                a.getEntityType() + " " + a.getEntityId(), a.getPorts(),
                a.getAddressedTo().isEmpty() ? "" : " → " + a.getAddressedTo(), a.getHandlingCode(), a.getAlertId(),
                a.getRevision(), status, a.getSummary(), action);
    }
}
