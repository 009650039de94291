package vigil.operators.rules;

/** A rule or rule command that cannot be accepted; the message is the reason, for people. */
public class InvalidRuleException extends Exception {
    public InvalidRuleException(String reason) {
        super(reason);
    }
}
