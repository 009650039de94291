package vigil.operators.rules;

import vigil.schemas.Interaction;
import vigil.schemas.LiveConversation;
import vigil.schemas.Party;
import vigil.schemas.RuleCustomerState;
import vigil.schemas.RuleInput;

/** One input as the conditions see it, with the customer's memory before the input is folded in. */
final class RuleContext {
    final RuleInput input;
    /** Null on a churn risk reading. */
    final Interaction interaction;
    final RuleCustomerState state;
    /** The live call or chat the interaction belongs to, when conversations are kept; else null. */
    final LiveConversation conversation;
    /** Milliseconds since the conversation started (a call's own offset when it has one). */
    final long offsetMs;
    /** True on a call's ENDED or a chat's CLOSED event. */
    final boolean conversationEnd;
    /** A click on a cancel page or a cancel step (rules.cancelPages). */
    final boolean cancelVisit;
    /** A customer's call turn labelled NEGATIVE. */
    final boolean negativeCallTurn;

    RuleContext(RuleInput input, RuleCustomerState state, LiveConversation conversation, long offsetMs,
                boolean conversationEnd, boolean cancelVisit, boolean negativeCallTurn) {
        this.input = input;
        this.interaction = input.getInteraction();
        this.state = state;
        this.conversation = conversation;
        this.offsetMs = offsetMs;
        this.conversationEnd = conversationEnd;
        this.cancelVisit = cancelVisit;
        this.negativeCallTurn = negativeCallTurn;
    }

    long time() {
        return input.getTimestamp();
    }

    boolean isRiskReading() {
        return interaction == null && input.getChurnRisk() != null;
    }

    /** A turn with text by the given party (null: anyone). */
    boolean isTextBy(Party party) {
        return interaction != null && interaction.getText() != null
                && (party == null || party == interaction.getParty());
    }

    /** A turn by the customer carrying a sentiment. */
    boolean isScoredCustomerTurn() {
        return interaction != null && interaction.getParty() == Party.CUSTOMER && interaction.getSentiment() != null;
    }
}
