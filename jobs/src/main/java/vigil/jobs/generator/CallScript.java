package vigil.jobs.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.schemas.streams.StreamId;

/**
 * A phone call: STARTED, then transcript segments alternating between agent and customer, maybe a
 * hold or a transfer to another team, then ENDED with the call's length.
 */
final class CallScript extends Conversation {
    private static final String[] TRANSFER_QUEUES = {"retention", "technical", "billing", "complaints"};

    private final String callId;

    CallScript(World world, long time) {
        super(world, StreamId.CALLS, Customer.CALL, time);
        this.callId = world.ids.next("call-");
        this.agent = world.people.agent(world.rnd);
        script.add(Turn.START);
        script.add(Turn.GREETING);
        script.add(Turn.STATEMENT);
        if (world.rnd.nextDouble() < 0.5) {
            script.add(Turn.VERIFY);
            script.add(Turn.FOLLOW_UP);
        }
        script.add(Turn.RESPONSE);
        if (world.rnd.nextDouble() < 0.15) {
            script.add(Turn.HOLD_NOTICE);
            script.add(Turn.HOLD);
            script.add(Turn.RESPONSE);
        }
        addRounds(0, 3);
        if (world.rnd.nextDouble() < 0.1) {
            script.add(Turn.TRANSFER_NOTICE);
            script.add(Turn.TRANSFER);
            script.add(Turn.GREETING);
            addRounds(1, 2);
        }
        script.add(Turn.WRAP_UP);
        script.add(Turn.CLOSING);
        script.add(Turn.END);
    }

    @Override
    Draft emit(Turn turn, long time) {
        if (turn == Turn.TRANSFER) {
            queue = Catalog.pick(TRANSFER_QUEUES, world.rnd);
            agent = world.people.agent(world.rnd);
        }
        ObjectNode json = World.object();
        json.put("eventId", world.ids.next("ev-"));
        json.put("customerId", customer.id);
        json.put("callId", callId);
        json.put("type", type(turn));
        json.put("timestamp", time);
        json.put("queue", queue);
        if (turn != Turn.START) {
            json.put("agentId", world.people.agentId(agent));
        }
        String text = say(turn, time);
        if (text != null) {
            json.put("speaker", turn.party);
            json.put("text", text);
        }
        json.put("offsetMs", time - startTime);
        if (turn == Turn.END) {
            json.put("durationMs", time - startTime);
        }
        return new Draft(StreamId.CALLS, customer.id, json, time);
    }

    private static String type(Turn turn) {
        switch (turn) {
            case START: return "STARTED";
            case END: return "ENDED";
            case HOLD: return "HOLD";
            case TRANSFER: return "TRANSFERRED";
            default: return "SEGMENT";
        }
    }
}
