package vigil.operators.rules;

import vigil.schemas.Interaction;
import vigil.schemas.RuleEvidence;

/** References to the interactions behind a match: id, channel, time and a short redacted snippet. */
final class Evidence {
    private static final int MAX_CHARS = 160;

    private Evidence() {}

    static RuleEvidence of(Interaction i) {
        String text = i.getText();
        if (text != null && text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS - 1) + "…";
        }
        if (text == null && i.getPage() != null) {
            text = i.getKind() + " " + i.getPage();
        }
        return RuleEvidence.newBuilder().setInteractionId(i.getInteractionId()).setChannel(i.getChannel())
                .setConversationId(i.getConversationId()).setTimestamp(i.getTimestamp()).setText(text).build();
    }

    /** "CALL ev-17: I want to cancel my contract" */
    static String describe(RuleEvidence e) {
        return (e.getChannel() == null ? "" : e.getChannel() + " ") + e.getInteractionId()
                + (e.getText() == null ? "" : ": " + e.getText());
    }

    /** "CALL k9 at 42 s, ev-17: ..." */
    static String describe(RuleEvidence e, long offsetMs) {
        return (e.getChannel() == null ? "" : e.getChannel() + " ") + e.getInteractionId() + " at "
                + offsetMs / 1000 + " s" + (e.getText() == null ? "" : ": " + e.getText());
    }
}
