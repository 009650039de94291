package vigil.schemas.codec;

/** A record that cannot be accepted, with a machine-readable code and a reason a person can read. */
public class DecodeException extends Exception {
    private final RejectCode code;

    public DecodeException(RejectCode code, String reason) {
        super(reason);
        this.code = code;
    }

    public RejectCode code() {
        return code;
    }
}
