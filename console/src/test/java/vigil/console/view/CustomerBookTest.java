package vigil.console.view;

import org.junit.jupiter.api.Test;
import vigil.schemas.Alert;
import vigil.schemas.AlertStatus;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerBookTest {
    private final CustomerBook book = new CustomerBook(2, 3);

    @Test
    void keepsTheLatestInteractionsNewestFirst() {
        for (int i = 1; i <= 5; i++) {
            book.onInteraction("C1", recent("e" + i, "k1", "billing", i * 10L));
        }
        assertThat(book.customer("C1").interactions()).extracting(Recent::interactionId).containsExactly("e5", "e4", "e3");
        assertThat(book.owner("e5")).isEqualTo("C1");
        assertThat(book.owner("e1")).as("dropped with its interaction").isNull();
    }

    @Test
    void forgetsTheLeastRecentlySeenCustomerAndErasedOnes() {
        book.onScore("C1", "{\"customerId\":\"C1\"}");
        book.onInteraction("C2", recent("e1", "k", null, 1));
        book.customer("C1");
        book.onInteraction("C3", recent("e2", "k", null, 2));
        assertThat(book.customer("C2")).isNull();
        assertThat(book.owner("e1")).isNull();
        assertThat(book.customer("C1").scoreJson()).contains("C1");

        book.onErased("C3");
        assertThat(book.customer("C3")).isNull();
        assertThat(book.owner("e2")).isNull();
    }

    @Test
    void queuesComeFromTheCustomerOrFromTheEvidencesConversations() {
        book.onInteraction("C1", recent("e1", "call-1", "billing", 1));
        book.onInteraction("C1", recent("e2", "call-1", null, 2));
        book.onInteraction("C2", recent("e3", "chat-9", "retention", 3));
        assertThat(book.queues("C2", List.of())).containsExactly("retention");
        assertThat(book.queues(null, List.of("e2"))).as("the queue of e2's call").containsExactly("billing");
        assertThat(book.queues(null, List.of("e2", "e3", "unknown"))).containsExactly("billing", "retention");
        book.onInteraction("C2", new Recent("p1", "SOCIAL", "post", 4, null, null, "post", null, null, List.of(), null, null));
        assertThat(book.queues(null, List.of("p1"))).as("a post has no conversation and no queue").isEmpty();

        LiveView view = new LiveView(new AlertBoard(5), book, new SourceChart(1000, 5), () -> 0L);
        Alert alert = Alert.newBuilder().setAlertId("a").setStatus(AlertStatus.OPENED)
                .setSeverity(vigil.schemas.Severity.LOW).setDetector("d").setReason("r").setOpenedAt(1).setUpdatedAt(1)
                .setEvidence(List.of("CALL e2 at 12 s: hello", "SOCIAL e9: nobody", "no id here")).build();
        assertThat(view.queues(alert)).containsExactly("billing");
        assertThat(view.evidenceCustomers(alert)).containsExactly("C1", null, null);
    }

    static Recent recent(String id, String conversation, String queue, long at) {
        return new Recent(id, "CALL", "segment", at, conversation, "CUSTOMER", "text " + id, queue, null, List.of(),
                "NEGATIVE", -0.5);
    }
}
