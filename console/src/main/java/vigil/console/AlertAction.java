package vigil.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;

import java.util.Locale;
import java.util.UUID;

/**
 * A supervisor's action on an alert, written to cx.control as an {@code ALERT_ACTION} control message
 * (key: the alert id) whose payload is this record as JSON:
 * {@code {"alertId":"spike:billing:1763800027000","action":"ASSIGN","assignee":"bob","by":"alice","at":1763800031000}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertAction(String alertId, Action action, String assignee, String by, long at) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final int MAX_NAME = 64;

    public enum Action { ACKNOWLEDGE, ASSIGN, RESOLVE, REOPEN }

    /** Checks the fields; throws {@link IllegalArgumentException} with a readable reason. */
    public AlertAction {
        if (alertId == null || alertId.isBlank() || alertId.length() > 256) {
            throw new IllegalArgumentException("alertId must be 1 to 256 characters");
        }
        if (action == null) {
            throw new IllegalArgumentException("action must be one of ACKNOWLEDGE, ASSIGN, RESOLVE, REOPEN");
        }
        by = name(by, "by");
        if (action == Action.ASSIGN) {
            assignee = name(assignee, "assignee");
        } else if (assignee != null) {
            throw new IllegalArgumentException("only ASSIGN takes an assignee");
        }
    }

    /** A person's name as the console shows it: trimmed, 1 to 64 characters, no control characters. */
    public static String name(String value, String field) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " must be 1 to " + MAX_NAME + " characters without control characters");
        }
        return trimmed;
    }

    public static Action parseAction(String value) {
        try {
            return Action.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("action must be one of ACKNOWLEDGE, ASSIGN, RESOLVE, REOPEN, not '" + value + "'");
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static AlertAction fromJson(String json) {
        try {
            return JSON.readValue(json, AlertAction.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException("not an alert action: " + cause.getMessage(), e);
        }
    }

    public ControlMessage toControlMessage() {
        return ControlMessage.newBuilder().setId("alert-action:" + UUID.randomUUID()).setTimestamp(at)
                .setType(ControlType.ALERT_ACTION).setIssuedBy("console:" + by).setPayload(toJson()).build();
    }

    /** The action in a control message, or null when the message is of another type. */
    public static AlertAction fromControlMessage(ControlMessage message) {
        if (message.getType() != ControlType.ALERT_ACTION) {
            return null;
        }
        if (message.getPayload() == null) {
            throw new IllegalArgumentException("ALERT_ACTION " + message.getId() + " has no payload");
        }
        return fromJson(message.getPayload());
    }
}
