package vigil.operators.enrich;

import org.apache.flink.streaming.api.operators.StreamFlatMap;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import vigil.schemas.Channel;
import vigil.schemas.CustomerEvent;
import vigil.schemas.Interaction;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.operators.testing.Events.erasure;
import static vigil.operators.testing.Events.interaction;
import static vigil.operators.testing.Events.profile;

class InteractionsOnlyTest {
    @Test
    void passesInteractionsAndNothingElse() throws Exception {
        InteractionsOnly function = new InteractionsOnly();
        try (var harness = new OneInputStreamOperatorTestHarness<CustomerEvent, Interaction>(
                new StreamFlatMap<>(function))) {
            harness.open();
            harness.processElement(new StreamRecord<>(interaction("C1", Channel.CHAT, "v", 1L), 1L));
            harness.processElement(new StreamRecord<>(profile("C1", 2L, "Basic", 1), 2L));
            harness.processElement(new StreamRecord<>(erasure("C2", 3L), 3L));
            harness.processElement(new StreamRecord<>(interaction("C3", Channel.CLICK, "s", 4L), 4L));

            List<String> customers = new ArrayList<>();
            harness.extractOutputValues().forEach(i -> customers.add(i.getCustomerId()));
            assertThat(customers).containsExactly("C1", "C3");
            assertThat(function.eventsOut(Channel.CHAT)).as("counted per channel").isEqualTo(1);
            assertThat(function.eventsOut(Channel.CLICK)).isEqualTo(1);
            assertThat(function.eventsOut(Channel.CALL)).isZero();
            assertThat(function.eventsOut(Channel.SOCIAL)).isZero();
        }
    }
}
