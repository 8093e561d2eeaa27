package eu.portalliance.topology.feedback;

import eu.portalliance.avro.AlertOutcome;
import eu.portalliance.avro.RulePrecision;

/** Rule precision as a sum of per-outcome contributions, so a port correcting its outcome moves the counts right. */
public final class RulePrecisions {
    private RulePrecisions() {
    }

    public static String key(String ruleId, int version) {
        return ruleId + ":v" + version;
    }

    public static RulePrecision empty() {
        return RulePrecision.newBuilder().setRuleId("").setRuleVersion(0).build();
    }

    /** What one outcome adds ({@code sign} +1) or takes back ({@code sign} -1). */
    public static RulePrecision contribution(AlertOutcome o, int sign) {
        RulePrecision.Builder b = RulePrecision.newBuilder().setRuleId(o.getRuleId()).setRuleVersion(o.getRuleVersion());
        switch (o.getOutcome()) {
            case CONFIRMED -> b.setConfirmed(sign).setKilogramsSeized(sign * o.getKilogramsSeized());
            case NOTHING_FOUND -> b.setNothingFound(sign);
            case NOT_CHECKED -> b.setNotChecked(sign);
            default -> {
            }
        }
        return b.build();
    }

    public static RulePrecision add(String ruleKey, RulePrecision delta, RulePrecision total) {
        long confirmed = total.getConfirmed() + delta.getConfirmed();
        long nothing = total.getNothingFound() + delta.getNothingFound();
        return RulePrecision.newBuilder()
                .setRuleId(delta.getRuleId()).setRuleVersion(delta.getRuleVersion())
                .setConfirmed(confirmed).setNothingFound(nothing)
                .setNotChecked(total.getNotChecked() + delta.getNotChecked())
                .setKilogramsSeized(total.getKilogramsSeized() + delta.getKilogramsSeized())
                .setPrecision(confirmed + nothing == 0 ? null : confirmed / (double) (confirmed + nothing))
                .build();
    }
}
