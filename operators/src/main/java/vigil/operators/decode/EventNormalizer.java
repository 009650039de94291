package vigil.operators.decode;

import org.apache.avro.specific.SpecificRecord;
import vigil.operators.churn.ModelUpdates;
import vigil.operators.nba.CatalogControl;
import vigil.operators.rules.RuleControl;
import vigil.schemas.CallEvent;
import vigil.schemas.Channel;
import vigil.schemas.ChatMessage;
import vigil.schemas.ClickEvent;
import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;
import vigil.schemas.CustomerEvent;
import vigil.schemas.Interaction;
import vigil.schemas.Outcome;
import vigil.schemas.ProfileUpdate;
import vigil.schemas.SocialPost;
import vigil.schemas.codec.DecodeException;
import vigil.schemas.codec.RejectCode;
import vigil.schemas.streams.StreamId;

import java.util.Locale;

/**
 * Turns each source's record into the one shape the rest of the job handles: channel events become
 * an {@link Interaction}; profiles, outcomes, erasure requests, model updates and rule messages pass through, all keyed by customer.
 */
public final class EventNormalizer {
    /** Social authors without a linked customer are keyed by handle, clicks without login by anonymous id. */
    public static final String HANDLE_PREFIX = "handle:";
    public static final String ANONYMOUS_PREFIX = "anon:";

    /** The event, or null for a record that is valid but not for the job (alert actions on cx.control). */
    public CustomerEvent normalize(StreamId stream, SpecificRecord record) throws DecodeException {
        switch (stream) {
            case CALLS:
                return call((CallEvent) record);
            case CHATS:
                return chat((ChatMessage) record);
            case SOCIAL:
                return social((SocialPost) record);
            case CLICKS:
                return click((ClickEvent) record);
            case PROFILES:
                ProfileUpdate profile = (ProfileUpdate) record;
                return wrap(profile.getCustomerId(), profile.getTimestamp(), profile);
            case OUTCOMES:
                Outcome outcome = (Outcome) record;
                return wrap(outcome.getCustomerId(), outcome.getTimestamp(), outcome);
            case CONTROL:
                return control((ControlMessage) record);
            default:
                throw new DecodeException(RejectCode.UNKNOWN_TOPIC, "stream " + stream + " is not an input");
        }
    }

    private CustomerEvent call(CallEvent e) throws DecodeException {
        Interaction i = base(e.getEventId(), e.getCustomerId(), Channel.CALL, e.getType().name(), e.getTimestamp())
                .setConversationId(e.getCallId()).setParty(e.getSpeaker()).setText(e.getText())
                .setQueue(e.getQueue()).setAgentId(e.getAgentId())
                .setOffsetMs(e.getOffsetMs() != null ? e.getOffsetMs() : e.getDurationMs()).build();
        return wrap(i.getCustomerId(), i.getTimestamp(), i);
    }

    private CustomerEvent chat(ChatMessage e) throws DecodeException {
        Interaction i = base(e.getEventId(), e.getCustomerId(), Channel.CHAT, e.getType().name(), e.getTimestamp())
                .setConversationId(e.getConversationId()).setParty(e.getSender()).setText(e.getText())
                .setQueue(e.getQueue()).setAgentId(e.getAgentId()).build();
        return wrap(i.getCustomerId(), i.getTimestamp(), i);
    }

    private CustomerEvent social(SocialPost e) throws DecodeException {
        String customer = firstPresent(e.getCustomerId(), HANDLE_PREFIX, e.getHandle(), "customerId or handle");
        Interaction i = base(e.getEventId(), customer, Channel.SOCIAL, e.getType().name(), e.getTimestamp())
                .setText(e.getText()).setPage(e.getUrl()).build();
        return wrap(customer, i.getTimestamp(), i);
    }

    private CustomerEvent click(ClickEvent e) throws DecodeException {
        String customer = firstPresent(e.getCustomerId(), ANONYMOUS_PREFIX, e.getAnonymousId(),
                "customerId or anonymousId");
        Interaction i = base(e.getEventId(), customer, Channel.CLICK, e.getType().name(), e.getTimestamp())
                .setConversationId(e.getSessionId()).setPage(e.getPage()).setErrorCode(e.getErrorCode())
                .setParty(null).build();
        return wrap(customer, i.getTimestamp(), i);
    }

    private CustomerEvent control(ControlMessage e) throws DecodeException {
        switch (e.getType()) {
            case ERASE_CUSTOMER:
                return wrap(e.getCustomerId(), e.getTimestamp(), e);
            case MODEL_UPDATE:
                // Whether the payload is a model the scorer can use is its decision (it parses it);
                // an update without one is wrong whoever reads it.
                if (isBlank(e.getPayload())) {
                    throw new DecodeException(RejectCode.MISSING_FIELD,
                            "a MODEL_UPDATE control message needs a payload: the model as JSON");
                }
                return wrap(ModelUpdates.KEY, e.getTimestamp(), e);
            case RULE_UPSERT:
            case RULE_PAUSE:
            case RULE_DELETE:
                // Whether the rule is valid is the rules' decision, reported on the rule-status stream.
                if (isBlank(e.getPayload())) {
                    throw new DecodeException(RejectCode.MISSING_FIELD, "a " + e.getType()
                            + " control message needs a payload: " + (e.getType() == ControlType.RULE_UPSERT
                            ? "the rule as JSON" : "the rule id"));
                }
                return wrap(RuleControl.KEY, e.getTimestamp(), e);
            case ALERT_ACTION:
                // The supervisor console's acknowledge/assign/resolve, read back by the console: not the job's.
                if (isBlank(e.getPayload())) {
                    throw new DecodeException(RejectCode.MISSING_FIELD,
                            "an ALERT_ACTION control message needs a payload: the action as JSON");
                }
                return null;
            case CATALOG_REPLACE:
                // Whether the catalog is valid is next-best-action's decision, reported on cx.catalog-status.
                if (isBlank(e.getPayload())) {
                    throw new DecodeException(RejectCode.MISSING_FIELD,
                            "a CATALOG_REPLACE control message needs a payload: the action catalog as JSON");
                }
                return wrap(CatalogControl.KEY, e.getTimestamp(), e);
            default:
                // A control type this version does not know: reject rather than drop.
                throw new DecodeException(RejectCode.UNSUPPORTED,
                        "control type " + e.getType() + " is not handled by this version of Vigil");
        }
    }

    private static Interaction.Builder base(String id, String customer, Channel channel, String kind, long ts) {
        return Interaction.newBuilder().setInteractionId(id).setCustomerId(customer).setChannel(channel)
                .setKind(kind.toLowerCase(Locale.ROOT)).setTimestamp(ts);
    }

    private static CustomerEvent wrap(String customerId, long timestamp, Object payload) throws DecodeException {
        if (isBlank(customerId)) {
            throw new DecodeException(RejectCode.MISSING_CUSTOMER_ID, "the record has no customerId");
        }
        return CustomerEvent.newBuilder().setCustomerId(customerId).setTimestamp(timestamp).setPayload(payload)
                .build();
    }

    private static String firstPresent(String id, String prefix, String alternative, String what)
            throws DecodeException {
        if (!isBlank(id)) {
            return id;
        }
        if (!isBlank(alternative)) {
            return prefix + alternative;
        }
        throw new DecodeException(RejectCode.MISSING_CUSTOMER_ID, "the record has neither " + what);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
