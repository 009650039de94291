package vigil.operators.nba;

import vigil.operators.nba.catalog.Action;
import vigil.operators.nba.catalog.Catalog;
import vigil.schemas.ActionContact;

import java.util.ArrayList;
import java.util.List;

/**
 * The contact policy over a customer's contact history: an action is suppressed after
 * {@code maxImpressions} impressions (shown, accepted or rejected: a reaction means it was presented)
 * or {@code maxRejections} rejections within the window, and for the cool-down after an accept or a
 * reject; a channel is closed once the customer had its cap of impressions (any action) within the
 * channel period. An action needs one open channel of its own (none for an action without contact).
 */
final class ContactPolicy {
    static final String SHOWN = "SHOWN";
    static final String ACCEPTED = "ACCEPTED";
    static final String REJECTED = "REJECTED";

    private final NbaSettings.PolicySettings defaults;

    ContactPolicy(NbaSettings.PolicySettings defaults) {
        this.defaults = defaults;
    }

    /** Allowed with the channel to use (null for an action without contact), or suppressed with why. */
    record Verdict(boolean allowed, String channel, String why) {}

    Verdict check(Action action, List<ActionContact> history, long now) {
        Action.ActionPolicy own = action.policy();
        long window = own.windowMs() != null ? own.windowMs() : defaults.windowMs();
        int maxImpressions = own.maxImpressions() != null ? own.maxImpressions() : defaults.maxImpressions();
        int maxRejections = own.maxRejections() != null ? own.maxRejections() : defaults.maxRejections();
        long coolDown = own.coolDownMs() != null ? own.coolDownMs() : defaults.coolDownMs();
        int impressions = 0;
        int rejections = 0;
        long lastReaction = Long.MIN_VALUE;
        for (ActionContact c : history) {
            if (!c.getActionId().equals(action.id()) || c.getAt() > now) {
                continue;
            }
            if (c.getAt() > now - window) {
                impressions++;
                if (c.getReaction().equals(REJECTED)) {
                    rejections++;
                }
            }
            if (!c.getReaction().equals(SHOWN)) {
                lastReaction = Math.max(lastReaction, c.getAt());
            }
        }
        if (rejections >= maxRejections) {
            return new Verdict(false, null, rejections + " rejection(s) within " + Durations.text(window));
        }
        if (impressions >= maxImpressions) {
            return new Verdict(false, null, impressions + " impression(s) within " + Durations.text(window));
        }
        if (lastReaction != Long.MIN_VALUE && now - lastReaction < coolDown) {
            return new Verdict(false, null, "cooling down for " + Durations.text(coolDown) + " after a reaction");
        }
        if (action.channels().isEmpty()) {
            return new Verdict(true, null, null);
        }
        for (String channel : action.channels()) {
            Integer cap = defaults.channelCaps().get(channel);
            if (cap == null || onChannel(history, channel, now) < cap) {
                return new Verdict(true, channel, null);
            }
        }
        return new Verdict(false, null, "channel caps reached on " + action.channels());
    }

    private long onChannel(List<ActionContact> history, String channel, long now) {
        return history.stream().filter(c -> channel.equals(c.getChannel()) && c.getAt() <= now
                && c.getAt() > now - defaults.channelPeriodMs()).count();
    }

    /** How long a contact matters under the defaults and the catalog's overrides. */
    long retentionMs(Catalog catalog) {
        return Math.max(Math.max(defaults.windowMs(), defaults.channelPeriodMs()),
                Math.max(defaults.coolDownMs(), catalog.longestOverrideMs()));
    }

    /** The history without contacts older than the retention before {@code now}, as a new list. */
    static List<ActionContact> prune(List<ActionContact> history, long now, long retentionMs) {
        List<ActionContact> kept = new ArrayList<>(history.size());
        for (ActionContact c : history) {
            if (c.getAt() > now - retentionMs) {
                kept.add(c);
            }
        }
        return kept;
    }
}
