package vigil.console.view;

import org.junit.jupiter.api.Test;
import vigil.console.AlertAction;
import vigil.console.AlertAction.Action;
import vigil.schemas.Alert;
import vigil.schemas.AlertStatus;
import vigil.schemas.Severity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlertBoardTest {
    private final AlertBoard board = new AlertBoard(3);

    @Test
    void supervisorsActionsMakeTheState() {
        board.onAlert(alert("a", AlertStatus.OPENED, 100, 100));
        assertThat(board.entry("a").state()).isEqualTo(AlertBoard.State.NEW);

        board.onAction(action("a", Action.ACKNOWLEDGE, null, "alice", 110));
        assertThat(board.entry("a").state()).isEqualTo(AlertBoard.State.ACKNOWLEDGED);
        board.onAction(action("a", Action.ASSIGN, "bob", "alice", 120));
        assertThat(board.entry("a").state()).isEqualTo(AlertBoard.State.ASSIGNED);
        assertThat(board.entry("a").assignee()).isEqualTo("bob");
        board.onAction(action("a", Action.ACKNOWLEDGE, null, "carol", 125));
        assertThat(board.entry("a").state()).as("acknowledging does not unassign").isEqualTo(AlertBoard.State.ASSIGNED);
        board.onAction(action("a", Action.RESOLVE, null, "bob", 130));
        AlertBoard.Entry resolved = board.entry("a");
        assertThat(resolved.state()).isEqualTo(AlertBoard.State.RESOLVED);
        assertThat(resolved.resolvedBy()).isEqualTo("bob");
        assertThat(resolved.resolvedAt()).isEqualTo(130L);
        board.onAction(action("a", Action.REOPEN, null, "alice", 140));
        assertThat(board.entry("a").state()).isEqualTo(AlertBoard.State.ASSIGNED);
        assertThat(board.entry("a").history()).extracting(AlertAction::action)
                .containsExactly(Action.ACKNOWLEDGE, Action.ASSIGN, Action.ACKNOWLEDGE, Action.RESOLVE, Action.REOPEN);
    }

    @Test
    void theDetectorResolvingResolvesUnlessASupervisorDidFirst() {
        board.onAlert(alert("a", AlertStatus.OPENED, 100, 100));
        board.onAlert(alert("a", AlertStatus.RESOLVED, 100, 200));
        assertThat(board.entry("a").state()).isEqualTo(AlertBoard.State.RESOLVED);
        assertThat(board.entry("a").resolvedBy()).isEqualTo("spike-detector/cusum");

        board.onAlert(alert("b", AlertStatus.OPENED, 100, 100));
        board.onAction(action("b", Action.RESOLVE, null, "alice", 150));
        board.onAlert(alert("b", AlertStatus.RESOLVED, 100, 200));
        assertThat(board.entry("b").resolvedBy()).isEqualTo("alice");
    }

    @Test
    void actionsThatArriveBeforeTheirAlertAreKept() {
        assertThat(board.onAction(action("a", Action.ACKNOWLEDGE, null, "alice", 90))).isNull();
        AlertBoard.Entry entry = board.onAlert(alert("a", AlertStatus.OPENED, 80, 80));
        assertThat(entry.state()).isEqualTo(AlertBoard.State.ACKNOWLEDGED);
    }

    @Test
    void aLateOlderEventDoesNotReplaceANewerOne() {
        board.onAlert(alert("a", AlertStatus.UPDATED, 100, 150));
        board.onAlert(alert("a", AlertStatus.OPENED, 100, 100));
        assertThat(board.entry("a").alert().getStatus()).isEqualTo(AlertStatus.UPDATED);
    }

    @Test
    void keepsTheMostRecentlyUpdatedAlertsNewestFirst() {
        board.onAlert(alert("a", AlertStatus.OPENED, 100, 100));
        board.onAlert(alert("b", AlertStatus.OPENED, 200, 200));
        board.onAlert(alert("c", AlertStatus.OPENED, 300, 300));
        board.onAlert(alert("a", AlertStatus.UPDATED, 100, 400));
        board.onAlert(alert("d", AlertStatus.OPENED, 350, 350));

        assertThat(board.size()).isEqualTo(3);
        assertThat(board.contains("b")).isFalse();
        assertThat(board.entries()).extracting(e -> e.alert().getAlertId()).containsExactly("d", "c", "a");
    }

    static Alert alert(String id, AlertStatus status, long openedAt, long updatedAt) {
        return Alert.newBuilder().setAlertId(id).setStatus(status).setSeverity(Severity.HIGH)
                .setDetector("spike-detector/cusum").setTopic("billing").setReason("r").setEvidence(List.of())
                .setOpenedAt(openedAt).setUpdatedAt(updatedAt).build();
    }

    private static AlertAction action(String id, Action action, String assignee, String by, long at) {
        return new AlertAction(id, action, assignee, by, at);
    }
}
