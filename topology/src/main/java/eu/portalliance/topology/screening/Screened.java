package eu.portalliance.topology.screening;

import eu.portalliance.avro.ScanRecommendation;
import eu.portalliance.topology.avro.WithheldMatch;
import java.time.Instant;
import java.util.List;

/**
 * One notice as screening leaves it, split right after: the recommendation for the port, whether its score alone
 * recommends it (for the scoreboard), and the restricted intelligence it matched (for the ports that own it).
 * Never serialized: it lives between two operators of one task.
 */
public record Screened(ScanRecommendation recommendation, Instant noticeTime, boolean recommendedByScore,
                       List<WithheldMatch> withheld) {
}
