package vigil.jobs.generator;

import vigil.schemas.streams.StreamId;

import java.util.ArrayList;
import java.util.List;

/** What calls and chats have in common: a customer, a topic, a script of turns and who says what. */
abstract class Conversation implements Activity {
    final World world;
    final StreamId channel;
    final Customer customer;
    final Topic topic;
    final boolean resolved;
    final long startTime;
    final List<Turn> script = new ArrayList<>();
    private final int channelBit;
    String queue;
    int agent = -1;
    private int step;

    Conversation(World world, StreamId channel, int channelBit, long time) {
        this.world = world;
        this.channel = channel;
        this.channelBit = channelBit;
        this.customer = world.people.pickFree(channelBit, world.rnd);
        this.topic = world.topics.pick(channel, customer.grumpiness, time, world.rnd);
        this.resolved = world.rnd.nextDouble() < (topic.isComplaint() ? 0.55 : 0.92);
        this.startTime = time;
        this.queue = topic.queue();
        customer.busy |= channelBit;
        world.contacted(customer, topic, channel == StreamId.CALLS ? "call" : "chat");
    }

    @Override
    public final Draft next(long time) {
        Turn turn = script.get(step++);
        Draft draft = emit(turn, time);
        if (finished()) {
            customer.busy &= ~channelBit;
            // Unresolved complaints leave customers angrier; a fix calms them a little.
            if (topic.isComplaint()) {
                customer.grievance = Math.max(0, customer.grievance + (resolved ? -0.3 : 0.5));
            }
        }
        return draft;
    }

    @Override
    public final boolean finished() {
        return step >= script.size();
    }

    abstract Draft emit(Turn turn, long time);

    /** The text of a spoken or written turn. */
    String say(Turn turn, long time) {
        Texts texts = world.texts;
        // Before an agent joins a chat, the bot is the one being thanked.
        String agentName = agent >= 0 ? world.people.agentName(agent) : channel == StreamId.CHATS ? "Kes" : null;
        switch (turn) {
            case STATEMENT: return texts.statement(customer, topic, channel, time);
            case FOLLOW_UP: return texts.followUp(customer, topic, channel, time);
            case CLOSING: return texts.closing(customer, topic, resolved, channel, agentName, time);
            case RESPONSE: return texts.agentResponse(customer, topic, agentName, queue, channel, time);
            case GREETING: return agentLine(AgentPhrases.GREETINGS, agentName, time);
            case CHAT_GREETING: return agentLine(AgentPhrases.CHAT_GREETINGS, agentName, time);
            case VERIFY: return agentLine(AgentPhrases.VERIFY, agentName, time);
            case HOLD_NOTICE: return agentLine(AgentPhrases.HOLD, agentName, time);
            case TRANSFER_NOTICE: return agentLine(AgentPhrases.TRANSFER, agentName, time);
            case WRAP_UP: return agentLine(AgentPhrases.WRAP_UPS, agentName, time);
            case BOT_GREETING: return agentLine(AgentPhrases.BOT_GREETINGS, null, time);
            case BOT_ANSWER: return agentLine(AgentPhrases.BOT_ANSWERS, null, time);
            case BOT_HANDOFF: return agentLine(AgentPhrases.BOT_HANDOFFS, null, time);
            default: return null;
        }
    }

    /** Adds the middle of a conversation: a few rounds of customer detail and agent response. */
    void addRounds(int min, int max) {
        int rounds = min + world.rnd.nextInt(max - min + 1);
        for (int i = 0; i < rounds; i++) {
            script.add(Turn.FOLLOW_UP);
            script.add(Turn.RESPONSE);
        }
    }

    private String agentLine(String[] options, String agentName, long time) {
        return world.texts.agent(options, customer, agentName, queue, channel, time);
    }
}
