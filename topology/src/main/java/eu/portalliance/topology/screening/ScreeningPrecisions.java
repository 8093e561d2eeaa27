package eu.portalliance.topology.screening;

import eu.portalliance.avro.ScanImage;
import eu.portalliance.avro.ScanResult;
import eu.portalliance.avro.ScreeningCriterion;
import eu.portalliance.avro.ScreeningPrecision;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;

/**
 * Hit rates per profile version and criterion: each checked container counts once for every criterion that
 * recommended it, and the control picks count under CONTROL, whose hit rate is the alliance's base rate.
 */
public final class ScreeningPrecisions {
    private ScreeningPrecisions() {
    }

    public static String key(int version, ScreeningCriterion criterion) {
        return "v" + version + ":" + criterion.name();
    }

    public static ScreeningPrecision empty() {
        return ScreeningPrecision.newBuilder().setProfileVersion(0).setCriterion(ScreeningCriterion.OTHER).build();
    }

    /** One delta per criterion of the result's recommendation; nothing for a container that was not checked. */
    public static List<KeyValue<String, ScreeningPrecision>> contributions(ScanResult r) {
        if (!r.getScanned() && !r.getPhysicalCheck()) {
            return List.of();
        }
        Set<ScreeningCriterion> criteria = new LinkedHashSet<>(r.getCriteria());
        criteria.remove(ScreeningCriterion.CONTROL);
        if (r.getControlPick()) {
            criteria.add(ScreeningCriterion.CONTROL);
        }
        List<KeyValue<String, ScreeningPrecision>> out = new ArrayList<>();
        for (ScreeningCriterion c : criteria) {
            out.add(KeyValue.pair(key(r.getProfileVersion(), c), ScreeningPrecision.newBuilder()
                    .setProfileVersion(r.getProfileVersion()).setCriterion(c).setChecked(1)
                    .setAnomalies(r.getImage() == ScanImage.ANOMALY ? 1 : 0).setSeizures(r.getSeizure() ? 1 : 0)
                    .setKilograms(r.getKilograms()).build()));
        }
        return out;
    }

    public static ScreeningPrecision add(String key, ScreeningPrecision delta, ScreeningPrecision total) {
        long checked = total.getChecked() + delta.getChecked();
        long seizures = total.getSeizures() + delta.getSeizures();
        return ScreeningPrecision.newBuilder().setProfileVersion(delta.getProfileVersion()).setCriterion(delta.getCriterion())
                .setChecked(checked).setAnomalies(total.getAnomalies() + delta.getAnomalies()).setSeizures(seizures)
                .setKilograms(total.getKilograms() + delta.getKilograms())
                .setHitRate(checked == 0 ? null : (double) seizures / checked).build();
    }
}
