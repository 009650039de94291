package vigil.jobs.generator;

/** One step of a call or chat script, with who speaks (null for lifecycle events without text). */
enum Turn {
    START(null),
    END(null),
    HOLD(null),
    TRANSFER(null),
    GREETING("AGENT"),
    CHAT_GREETING("AGENT"),
    VERIFY("AGENT"),
    RESPONSE("AGENT"),
    HOLD_NOTICE("AGENT"),
    TRANSFER_NOTICE("AGENT"),
    WRAP_UP("AGENT"),
    STATEMENT("CUSTOMER"),
    FOLLOW_UP("CUSTOMER"),
    CLOSING("CUSTOMER"),
    BOT_GREETING("BOT"),
    BOT_ANSWER("BOT"),
    BOT_HANDOFF("BOT");

    /** The schema's Party symbol of the speaker, or null. */
    final String party;

    Turn(String party) {
        this.party = party;
    }
}
