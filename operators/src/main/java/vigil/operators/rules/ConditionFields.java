package vigil.operators.rules;

import vigil.schemas.Channel;

import java.util.EnumSet;
import java.util.Set;

/** Fields several conditions share. */
final class ConditionFields {
    private ConditionFields() {}

    /** Optional "channels": a subset of {@code allowed}; {@code fallback} when absent. */
    static Set<Channel> channels(RuleFields when, Set<Channel> fallback, Set<Channel> allowed)
            throws InvalidRuleException {
        if (!when.has("channels")) {
            return fallback;
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String name : when.texts("channels", 4)) {
            Channel channel = null;
            for (Channel c : allowed) {
                if (c.name().equalsIgnoreCase(name)) {
                    channel = c;
                }
            }
            if (channel == null) {
                throw new InvalidRuleException("channel \"" + name + "\" is not allowed here; allowed: " + allowed);
            }
            channels.add(channel);
        }
        return channels;
    }
}
