package eu.portalliance.topology.scoreboard;

import eu.portalliance.topology.avro.ScoreboardRow;
import eu.portalliance.topology.avro.ScreeningTally;
import eu.portalliance.topology.avro.TallyKind;
import eu.portalliance.topology.avro.TopPick;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One scoreboard row, week|origin|port, counted up tally by tally. */
public final class ScoreboardRows {
    static final int TOP = 5;
    private static final char SEPARATOR = '|';

    private ScoreboardRows() {
    }

    /** Week first, so one week's rows are one range of the store. */
    public static String key(String week, String origin, String port) {
        return week + SEPARATOR + origin + SEPARATOR + port;
    }

    public static ScoreboardRow empty(ScreeningTally t) {
        return ScoreboardRow.newBuilder().setWeek(t.getWeek()).setOrigin(t.getOrigin()).setPort(t.getPort()).build();
    }

    public static ScoreboardRow add(ScoreboardRow row, ScreeningTally t) {
        ScoreboardRow.Builder b = ScoreboardRow.newBuilder(row).setRiskOrigin(row.getRiskOrigin() || t.getRiskOrigin());
        if (t.getKind() == TallyKind.ARRIVAL) {
            b.setArrivals(row.getArrivals() + 1).setRecommended(row.getRecommended() + (t.getRecommended() ? 1 : 0))
                    .setToCheck(row.getToCheck() + (t.getToCheck() ? 1 : 0))
                    .setControlPicks(row.getControlPicks() + (t.getControlPick() ? 1 : 0));
            if (t.getPick() != null) {
                b.setTop(top(row.getTop(), t.getPick()));
            }
        } else if (t.getKind() == TallyKind.RESULT && t.getChecked()) {
            b.setChecked(row.getChecked() + 1).setSeizures(row.getSeizures() + (t.getSeizure() ? 1 : 0));
            if (t.getControlPick()) {
                b.setControlChecked(row.getControlChecked() + 1).setControlSeizures(row.getControlSeizures() + (t.getSeizure() ? 1 : 0));
            }
        }
        return b.build();
    }

    /** The highest scores, ties by recommendation id, so the list is the same whatever order the tallies came in. */
    private static List<TopPick> top(List<TopPick> top, TopPick pick) {
        List<TopPick> out = new ArrayList<>(top);
        if (out.stream().anyMatch(p -> p.getRecommendationId().equals(pick.getRecommendationId()))) {
            return top;
        }
        out.add(pick);
        out.sort(Comparator.comparingDouble(TopPick::getScore).reversed().thenComparing(TopPick::getRecommendationId));
        return out.size() > TOP ? List.copyOf(out.subList(0, TOP)) : out;
    }
}
