package vigil.jobs.generator;

import vigil.schemas.streams.StreamId;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import static vigil.jobs.generator.ConversationPhrases.FOLLOW_UPS;

/**
 * Composes utterances from the phrase books: opener, problem statement, detail, emotion, sometimes
 * personal data, then channel noise. Polarity follows the topic, with the occasional exception.
 */
final class Texts {
    private static final Map<Topic, String[]> HASHTAGS = new EnumMap<>(Topic.class);
    private static final String[] REPLIES = {"Still waiting.", "Any update?", "Sent you a DM.",
        "That's what you said last time.", "Still nothing {hours}.", "Thanks, sorted now.", "DM sent, order {order}."};

    static {
        HASHTAGS.put(Topic.BILLING, new String[] {"#overcharged", "#billing", "#refund"});
        HASHTAGS.put(Topic.OUTAGE, new String[] {"#outage", "#KestrelDown", "#noInternet"});
        HASHTAGS.put(Topic.CANCELLATION, new String[] {"#switching", "#byeKestrel"});
        HASHTAGS.put(Topic.DELIVERY, new String[] {"#wheresmyorder", "#delivery"});
        HASHTAGS.put(Topic.DEFECT, new String[] {"#faulty", "#broken"});
        HASHTAGS.put(Topic.LOGIN, new String[] {"#appfail", "#locked"});
        HASHTAGS.put(Topic.PRICING, new String[] {"#ripoff", "#priceRise"});
        HASHTAGS.put(Topic.AGENT_CONDUCT, new String[] {"#customerservice", "#fail"});
        HASHTAGS.put(Topic.PRAISE, new String[] {"#happycustomer", "#thanks", "#impressed"});
        HASHTAGS.put(Topic.QUESTION, new String[] {"#help", "#question"});
    }

    private final Random rnd;
    private final Filler filler;

    Texts(Random rnd) {
        this.rnd = rnd;
        this.filler = new Filler(rnd);
    }

    /** The customer's first message: what the conversation is about. */
    String statement(Customer c, Topic topic, StreamId channel, long time) {
        filler.about(c, null, topic.queue(), time);
        StringBuilder out = new StringBuilder(160);
        if (channel != StreamId.SOCIAL && chance(0.45)) {
            append(out, ConversationPhrases.OPENERS);
        }
        if (topic.isComplaint() && chance(0.2)) {
            append(out, ConversationPhrases.UPSET);
        }
        append(out, CustomerPhrases.STATEMENTS.get(topic));
        if (topic.isComplaint() && topic != Topic.CANCELLATION && chance(0.35)) {
            append(out, ConversationPhrases.COMPLAINT_TAILS);
        } else if (topic == Topic.PRAISE && chance(0.4)) {
            append(out, ConversationPhrases.PRAISE_TAILS);
        }
        if (channel != StreamId.SOCIAL && chance(0.03)) {
            append(out, ConversationPhrases.PII);
        }
        return Noise.apply(out.toString(), channel, topic.polarity(), rnd);
    }

    /** A later customer turn: more detail, an answer to the agent, sometimes personal data. */
    String followUp(Customer c, Topic topic, StreamId channel, long time) {
        filler.about(c, null, topic.queue(), time);
        double r = rnd.nextDouble();
        String[] options = r < 0.5 ? FOLLOW_UPS.get(topic) : r < 0.9 ? ConversationPhrases.GENERIC
                : ConversationPhrases.PII;
        return Noise.apply(filler.fill(Catalog.pick(options, rnd)), channel, r < 0.5 ? topic.polarity() : 0, rnd);
    }

    /** The customer's last word: thanks when it was sorted, anger when not (mostly). */
    String closing(Customer c, Topic topic, boolean resolved, StreamId channel, String agent, long time) {
        filler.about(c, agent, topic.queue(), time);
        String[] options = resolved ? ConversationPhrases.CLOSE_RESOLVED
                : topic.isComplaint() ? ConversationPhrases.CLOSE_UNRESOLVED : ConversationPhrases.CLOSE_NEUTRAL;
        int polarity = resolved ? 1 : topic.isComplaint() ? -1 : 0;
        return Noise.apply(filler.fill(Catalog.pick(options, rnd)), channel, polarity, rnd);
    }

    /** An agent's line: greeting, verification, response to the topic, hold, transfer or wrap-up. */
    String agent(String[] options, Customer c, String agent, String queue, StreamId channel, long time) {
        filler.about(c, agent, queue, time);
        String line = filler.fill(Catalog.pick(options, rnd));
        return channel == StreamId.CALLS ? Noise.transcript(line, rnd) : line;
    }

    /** The agent's answer to the problem, often with an apology first. */
    String agentResponse(Customer c, Topic topic, String agent, String queue, StreamId channel, long time) {
        filler.about(c, agent, queue, time);
        String action = filler.fill(Catalog.pick(AgentPhrases.ACTIONS.get(topic), rnd));
        String line = topic.isComplaint() && chance(0.5)
                ? filler.fill(Catalog.pick(AgentPhrases.EMPATHY, rnd)) + " " + action : action;
        return channel == StreamId.CALLS ? Noise.transcript(line, rnd) : line;
    }

    /** A post, mention or reply about the brand. */
    String post(Customer c, Topic topic, String type, long time) {
        String text;
        if (type.equals("REPLY")) {
            filler.about(c, null, topic.queue(), time);
            text = Catalog.BRAND_HANDLE + " " + filler.fill(Catalog.pick(REPLIES, rnd));
        } else {
            String body = statement(c, topic, StreamId.SOCIAL, time);
            text = type.equals("MENTION") ? Catalog.BRAND_HANDLE + " " + body
                    : chance(0.5) ? "Dear " + Catalog.BRAND + ", " + lowerFirst(body) : body + " #" + Catalog.BRAND;
        }
        if (chance(0.35)) {
            text += " " + Catalog.pick(HASHTAGS.get(topic), rnd);
        }
        return text;
    }

    private void append(StringBuilder out, String[] options) {
        if (out.length() > 0) {
            out.append(' ');
        }
        out.append(filler.fill(Catalog.pick(options, rnd)));
    }

    private boolean chance(double p) {
        return rnd.nextDouble() < p;
    }

    private static String lowerFirst(String s) {
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !s.startsWith("I ") && !s.startsWith("I'")
                && Character.isLowerCase(s.charAt(1)) ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }
}
