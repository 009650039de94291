package vigil.operators.testing;

import vigil.schemas.Channel;
import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;
import vigil.schemas.CustomerEvent;
import vigil.schemas.Interaction;
import vigil.schemas.Party;
import vigil.schemas.ProfileUpdate;

/** Small builders of normalized events for operator tests. */
public final class Events {
    private Events() {}

    public static CustomerEvent interaction(String customer, Channel channel, String conversation, long ts) {
        Interaction i = Interaction.newBuilder().setInteractionId(customer + "-" + ts).setCustomerId(customer)
                .setChannel(channel).setKind("message").setTimestamp(ts).setConversationId(conversation)
                .setParty(Party.CUSTOMER).setText("hello").build();
        return wrap(customer, ts, i);
    }

    public static CustomerEvent profile(String customer, long ts, String plan, Integer tenure) {
        ProfileUpdate p = ProfileUpdate.newBuilder().setEventId("p-" + ts).setCustomerId(customer).setTimestamp(ts)
                .setPlan(plan).setTenureMonths(tenure).build();
        return wrap(customer, ts, p);
    }

    public static CustomerEvent erasure(String customer, long ts) {
        ControlMessage c = ControlMessage.newBuilder().setId("erase-" + customer).setTimestamp(ts)
                .setType(ControlType.ERASE_CUSTOMER).setCustomerId(customer).build();
        return wrap(customer, ts, c);
    }

    private static CustomerEvent wrap(String customer, long ts, Object payload) {
        return CustomerEvent.newBuilder().setCustomerId(customer).setTimestamp(ts).setPayload(payload).build();
    }
}
