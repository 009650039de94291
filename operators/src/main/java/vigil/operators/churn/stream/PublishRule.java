package vigil.operators.churn.stream;

import vigil.schemas.PublishedChurn;

/**
 * When a customer's published churn risk changes: the first time, when the band changes, when the
 * model changes, or when the risk moved by more than {@code minDelta}. Otherwise scores keep carrying
 * the last published risk, band and reasons, so consumers of cx.scores are not flooded with jitter.
 */
final class PublishRule {
    private final double minDelta;

    PublishRule(double minDelta) {
        this.minDelta = minDelta;
    }

    boolean publish(PublishedChurn last, PublishedChurn next) {
        return last == null
                || !last.getBand().equals(next.getBand())
                || !last.getModelId().equals(next.getModelId())
                || last.getModelVersion() != next.getModelVersion()
                || Math.abs(next.getRisk() - last.getRisk()) > minDelta;
    }
}
