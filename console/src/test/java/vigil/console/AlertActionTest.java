package vigil.console;

import org.junit.jupiter.api.Test;
import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;
import vigil.schemas.codec.JsonCodec;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertActionTest {
    @Test
    void travelsAsAnAlertActionControlMessage() throws Exception {
        AlertAction action = new AlertAction("spike:billing:1", AlertAction.Action.ASSIGN, " bob ", "alice", 1_763_800_031_000L);
        ControlMessage message = action.toControlMessage();

        assertThat(message.getType()).isEqualTo(ControlType.ALERT_ACTION);
        assertThat(message.getIssuedBy()).isEqualTo("console:alice");
        assertThat(message.getTimestamp()).isEqualTo(1_763_800_031_000L);
        assertThat(message.getId()).startsWith("alert-action:");
        assertThat(message.getPayload()).isEqualTo("{\"alertId\":\"spike:billing:1\",\"action\":\"ASSIGN\","
                + "\"assignee\":\"bob\",\"by\":\"alice\",\"at\":1763800031000}");

        JsonCodec<ControlMessage> json = new JsonCodec<>(ControlMessage.class);
        ControlMessage back = json.decode(json.encode(message));
        assertThat(AlertAction.fromControlMessage(back)).isEqualTo(action);
        assertThat(new String(json.encode(message), StandardCharsets.UTF_8)).contains("\"type\":\"ALERT_ACTION\"");
    }

    @Test
    void otherControlMessagesAreNotActions() {
        ControlMessage erase = ControlMessage.newBuilder().setId("e").setTimestamp(1).setType(ControlType.ERASE_CUSTOMER)
                .setCustomerId("C1").build();
        assertThat(AlertAction.fromControlMessage(erase)).isNull();
    }

    @Test
    void refusesIncompleteOrOddActions() {
        assertThatThrownBy(() -> new AlertAction("a", AlertAction.Action.ASSIGN, null, "alice", 1))
                .hasMessageContaining("assignee");
        assertThatThrownBy(() -> new AlertAction("a", AlertAction.Action.RESOLVE, "bob", "alice", 1))
                .hasMessageContaining("only ASSIGN");
        assertThatThrownBy(() -> new AlertAction(" ", AlertAction.Action.RESOLVE, null, "alice", 1))
                .hasMessageContaining("alertId");
        assertThatThrownBy(() -> new AlertAction("a", AlertAction.Action.RESOLVE, null, "x".repeat(65), 1))
                .hasMessageContaining("by");
        assertThatThrownBy(() -> new AlertAction("a", AlertAction.Action.RESOLVE, null, "al\nice", 1))
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> AlertAction.parseAction("delete")).hasMessageContaining("ACKNOWLEDGE, ASSIGN");
        assertThat(AlertAction.parseAction(" resolve ")).isEqualTo(AlertAction.Action.RESOLVE);
        assertThatThrownBy(() -> AlertAction.fromJson("{\"alertId\":\"a\",\"action\":\"ASSIGN\",\"by\":\"x\",\"at\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("assignee");
        assertThatThrownBy(() -> AlertAction.fromJson("{\"alertId\":\"a\",\"action\":\"RESOLVE\",\"by\":\"x\",\"at\":1,\"extra\":1}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theExtensionAddsTheConsoleCommand() {
        assertThat(vigil.jobs.extension.VigilExtension.installed()).hasAtLeastOneElementOfType(ConsoleExtension.class);
        assertThat(new ConsoleExtension().commands()).singleElement().isInstanceOf(ConsoleCommand.class);
    }

    @Test
    void refusesToStartWithoutAToken() {
        vigil.jobs.config.VigilConfig config = new vigil.jobs.config.VigilConfig();
        assertThatThrownBy(() -> Console.start(config, null)).hasMessageContaining(Console.TOKEN_ENV);
        assertThatThrownBy(() -> Console.start(config, "short")).hasMessageContaining("at least 12");
        assertThat(Console.token("from-config", null)).isEqualTo("from-config");
        assertThat(Console.token("from-config", "from-environment")).isEqualTo("from-environment");
        assertThat(Console.randomToken()).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo(Console.randomToken());
    }
}
