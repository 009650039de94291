package vigil.jobs.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.schemas.streams.StreamId;

/**
 * A web chat: OPENED, the bot greets and either answers or hands over to an agent, customer and
 * agent exchange messages, then CLOSED. Some customers give up while waiting.
 */
final class ChatScript extends Conversation {
    private final String conversationId;
    private final boolean english;
    private boolean agentJoined;

    ChatScript(World world, long time) {
        super(world, StreamId.CHATS, Customer.CHAT, time);
        this.conversationId = world.ids.next("chat-");
        // Older chat widgets (schema version 1) send no language.
        this.english = world.rnd.nextDouble() < 0.85;
        script.add(Turn.START);
        script.add(Turn.BOT_GREETING);
        script.add(Turn.STATEMENT);
        boolean botCanAnswer = !topic.isComplaint() && world.rnd.nextDouble() < 0.5;
        if (botCanAnswer) {
            script.add(Turn.BOT_ANSWER);
            script.add(Turn.CLOSING);
        } else {
            script.add(Turn.BOT_HANDOFF);
            if (world.rnd.nextDouble() < 0.92) {
                script.add(Turn.CHAT_GREETING);
                script.add(Turn.FOLLOW_UP);
                script.add(Turn.RESPONSE);
                addRounds(0, 3);
                script.add(Turn.WRAP_UP);
                script.add(Turn.CLOSING);
            }
        }
        script.add(Turn.END);
    }

    @Override
    Draft emit(Turn turn, long time) {
        if (turn == Turn.CHAT_GREETING) {
            agent = world.people.agent(world.rnd);
            agentJoined = true;
        }
        ObjectNode json = World.object();
        json.put("eventId", world.ids.next("ev-"));
        json.put("customerId", customer.id);
        json.put("conversationId", conversationId);
        json.put("type", turn == Turn.START ? "OPENED" : turn == Turn.END ? "CLOSED" : "MESSAGE");
        json.put("sender", turn.party != null ? turn.party : agentJoined && turn == Turn.END ? "AGENT" : "CUSTOMER");
        String text = say(turn, time);
        if (text != null) {
            json.put("text", text);
        }
        json.put("timestamp", time);
        if (agentJoined && !"BOT".equals(turn.party)) {
            json.put("queue", queue);
            json.put("agentId", world.people.agentId(agent));
        }
        if (english) {
            json.put("language", "en");
        }
        return new Draft(StreamId.CHATS, customer.id, json, time);
    }
}
