package vigil.console.view;

import vigil.schemas.Interaction;

import java.util.List;

/** One interaction as the drill-down shows it (the text is the job's redacted text). */
public record Recent(String interactionId, String channel, String kind, long timestamp, String conversationId,
                     String party, String text, String queue, String page, List<String> topics,
                     String sentiment, Double sentimentScore) {

    public static Recent of(Interaction i) {
        return new Recent(i.getInteractionId(), i.getChannel().name(), i.getKind(), i.getTimestamp(),
                i.getConversationId(), i.getParty() == null ? null : i.getParty().name(), i.getText(), i.getQueue(),
                i.getPage(), List.copyOf(i.getTopics()),
                i.getSentiment() == null ? null : i.getSentiment().getLabel().name(),
                i.getSentiment() == null ? null : i.getSentiment().getScore());
    }
}
