package vigil.schemas.streams;

import org.apache.avro.specific.SpecificRecord;
import vigil.schemas.ActionChange;
import vigil.schemas.Alert;
import vigil.schemas.CatalogStatus;
import vigil.schemas.CallEvent;
import vigil.schemas.ChatMessage;
import vigil.schemas.ClickEvent;
import vigil.schemas.ControlMessage;
import vigil.schemas.CustomerScore;
import vigil.schemas.DeadLetter;
import vigil.schemas.Interaction;
import vigil.schemas.Outcome;
import vigil.schemas.ProfileUpdate;
import vigil.schemas.RuleStatus;
import vigil.schemas.SocialPost;

/**
 * Every stream Vigil reads or writes, declared once with its default topic name and record type.
 * Topic names are configurable; code refers to streams by this enum, never by a string.
 */
public enum StreamId {
    CALLS("cx.calls", CallEvent.class, true),
    CHATS("cx.chats", ChatMessage.class, true),
    SOCIAL("cx.social", SocialPost.class, true),
    CLICKS("cx.clicks", ClickEvent.class, true),
    PROFILES("cx.profiles", ProfileUpdate.class, true),
    OUTCOMES("cx.outcomes", Outcome.class, true),
    CONTROL("cx.control", ControlMessage.class, true),
    SCORES("cx.scores", CustomerScore.class, false),
    ALERTS("cx.alerts", Alert.class, false),
    ENRICHED("cx.enriched", Interaction.class, false),
    DEAD_LETTERS("cx.dead-letters", DeadLetter.class, false),
    RULE_STATUS("cx.rule-status", RuleStatus.class, false),
    ACTIONS("cx.actions", ActionChange.class, false),
    CATALOG_STATUS("cx.catalog-status", CatalogStatus.class, false);

    private final String defaultTopic;
    private final Class<? extends SpecificRecord> recordType;
    private final boolean input;

    StreamId(String defaultTopic, Class<? extends SpecificRecord> recordType, boolean input) {
        this.defaultTopic = defaultTopic;
        this.recordType = recordType;
        this.input = input;
    }

    public String defaultTopic() {
        return defaultTopic;
    }

    public Class<? extends SpecificRecord> recordType() {
        return recordType;
    }

    /** True for the streams the scoring job consumes. */
    public boolean isInput() {
        return input;
    }
}
