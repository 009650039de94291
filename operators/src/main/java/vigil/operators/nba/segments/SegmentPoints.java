package vigil.operators.nba.segments;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import vigil.operators.nba.NbaSettings;
import vigil.schemas.ScoreUpdate;

/**
 * A customer score update as the segment learner sees it: its behaviour vector, the segment features in
 * order (NaN where missing); tombstones give none. Chained to churn scoring, so the one learner instance
 * receives a few doubles per update over the network instead of the whole update with every feature.
 */
public class SegmentPoints implements FlatMapFunction<ScoreUpdate, double[]> {
    private final NbaSettings.SegmentSettings settings;

    public SegmentPoints(NbaSettings.SegmentSettings settings) {
        this.settings = settings;
    }

    @Override
    public void flatMap(ScoreUpdate update, Collector<double[]> out) {
        if (update.getScore() != null) {
            out.collect(Segments.raw(settings.features(), update.getFeatures()));
        }
    }
}
