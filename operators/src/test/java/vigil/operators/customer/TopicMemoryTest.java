package vigil.operators.customer;

import org.junit.jupiter.api.Test;
import vigil.schemas.CustomerState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TopicMemoryTest {
    private static final long DAY = 86_400_000L;
    private final TopicMemory memory = new TopicMemory(7 * DAY);

    @Test
    void aContactAboutATopicRaisedInAnotherRecentContactIsARepeat() {
        CustomerState state = newState();

        assertThat(memory.raise(state, "billing", "chat-1", 0)).isEmpty();
        assertThat(memory.raise(state, "billing", "chat-1", DAY)).as("the same conversation again").isEmpty();
        assertThat(memory.raise(state, "outage", "chat-2", 2 * DAY)).as("another topic").isEmpty();
        assertThat(memory.raise(state, "billing", "call-1", 3 * DAY)).containsExactly(3 * DAY);
        assertThat(memory.raise(state, "outage", "post-1", 20 * DAY)).as("too long after").isEmpty();
    }

    @Test
    void repeatsDoNotDependOnArrivalOrder() {
        long[] times = {0, 2 * DAY, 5 * DAY, 30 * DAY};
        List<Long> inOrder = raiseAll(new int[] {0, 1, 2, 3}, times);

        assertThat(inOrder).containsExactlyInAnyOrder(2 * DAY, 5 * DAY);
        for (int[] order : new int[][] {{3, 2, 1, 0}, {2, 0, 3, 1}, {1, 3, 0, 2}}) {
            assertThat(raiseAll(order, times)).as("order %s", java.util.Arrays.toString(order))
                    .containsExactlyInAnyOrderElementsOf(inOrder);
        }
    }

    @Test
    void memoryStaysBounded() {
        CustomerState state = newState();
        for (int i = 0; i < 50; i++) {
            memory.raise(state, "topic-" + (i % 30), "contact-" + i, i * DAY);
        }
        assertThat(state.getTopicContacts()).hasSize(TopicMemory.MAX_TOPICS);
        state.getTopicContacts().forEach(t -> assertThat(t.getContacts()).hasSizeLessThanOrEqualTo(
                TopicMemory.CONTACTS_PER_TOPIC));
    }

    private List<Long> raiseAll(int[] order, long[] times) {
        CustomerState state = newState();
        List<Long> repeats = new ArrayList<>();
        for (int i : order) {
            repeats.addAll(memory.raise(state, "billing", "contact-" + i, times[i]));
        }
        return repeats;
    }

    private static CustomerState newState() {
        return CustomerState.newBuilder().setUpdatedAt(0).setActivity(new ArrayList<>())
                .setChannelSentiment(new ArrayList<>()).setSignals(new HashMap<>()).setTopicContacts(new ArrayList<>())
                .build();
    }
}
