package vigil.operators.spike;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import vigil.schemas.Channel;
import vigil.schemas.CustomerEvent;
import vigil.schemas.Interaction;
import vigil.schemas.Party;
import vigil.schemas.SentimentLabel;
import vigil.schemas.TopicSignal;

import java.util.Map;

/**
 * Picks out what the spike detector counts: customer-authored call segments, chat messages and
 * social posts tagged with a problem topic and not POSITIVE (or only NEGATIVE ones, if configured),
 * and click ERROR events on pages that belong to a topic. One signal per topic of the interaction.
 */
public class ComplaintSignals implements FlatMapFunction<CustomerEvent, TopicSignal> {
    private final SpikeSettings.Signals settings;

    public ComplaintSignals(SpikeSettings.Signals settings) {
        this.settings = settings;
    }

    @Override
    public void flatMap(CustomerEvent event, Collector<TopicSignal> out) {
        if (!(event.getPayload() instanceof Interaction)) {
            return;
        }
        Interaction interaction = (Interaction) event.getPayload();
        if (interaction.getChannel() == Channel.CLICK) {
            String topic = pageTopic(interaction.getPage());
            if ("error".equals(interaction.getKind()) && topic != null) {
                out.collect(signal(interaction, topic, "error page " + interaction.getPage()));
            }
        } else if (isCustomerComplaint(interaction)) {
            for (String topic : interaction.getTopics()) {
                if (!settings.ignoredTopics.contains(topic)) {
                    out.collect(signal(interaction, topic, interaction.getText()));
                }
            }
        }
    }

    /** The customer's own words (agents and bots are not the customer's mood), and not positive. */
    private boolean isCustomerComplaint(Interaction interaction) {
        boolean customersWords = interaction.getChannel() == Channel.SOCIAL || interaction.getParty() == Party.CUSTOMER;
        if (!customersWords || interaction.getSentiment() == null || interaction.getTopics().isEmpty()) {
            return false;
        }
        SentimentLabel label = interaction.getSentiment().getLabel();
        return label == SentimentLabel.NEGATIVE || (settings.countNeutral && label == SentimentLabel.NEUTRAL);
    }

    /** The topic of the longest configured prefix of the page, or null. */
    String pageTopic(String page) {
        if (page == null) {
            return null;
        }
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, String> entry : settings.pageTopics.entrySet()) {
            if (page.startsWith(entry.getKey()) && entry.getKey().length() > bestLength) {
                best = entry.getValue();
                bestLength = entry.getKey().length();
            }
        }
        return best;
    }

    private static TopicSignal signal(Interaction interaction, String topic, String evidence) {
        return TopicSignal.newBuilder().setTopic(topic).setChannel(interaction.getChannel())
                .setTimestamp(interaction.getTimestamp()).setInteractionId(interaction.getInteractionId())
                .setCustomerId(interaction.getCustomerId()).setEvidence(evidence).build();
    }
}
