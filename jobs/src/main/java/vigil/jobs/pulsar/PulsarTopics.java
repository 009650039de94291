package vigil.jobs.pulsar;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps the full names Pulsar gives messages (persistent://public/default/cx.social, with a -partition-N
 * suffix on partitioned topics) back to the topic names as configured, which the decoder knows.
 */
public final class PulsarTopics implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern PARTITION = Pattern.compile("-partition-(\\d+)$");

    private final Map<String, String> configuredByFullName = new HashMap<>();

    public PulsarTopics(List<String> configured) {
        for (String topic : configured) {
            configuredByFullName.put(fullName(topic), topic);
        }
    }

    /** The configured name of a message's topic (the full name itself for a topic not configured). */
    public String configured(String messageTopic) {
        String base = PARTITION.matcher(fullName(messageTopic)).replaceFirst("");
        return configuredByFullName.getOrDefault(base, messageTopic);
    }

    /** The partition index of a message's topic; 0 for a non-partitioned topic. */
    public static int partition(String messageTopic) {
        var matcher = PARTITION.matcher(messageTopic);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    /** A short name (cx.social) is persistent://public/default/cx.social, as Pulsar reads it. */
    public static String fullName(String topic) {
        if (topic.contains("://")) {
            return topic;
        }
        String[] parts = topic.split("/");
        if (parts.length == 3) {
            return "persistent://" + topic;
        }
        return "persistent://public/default/" + topic;
    }
}
