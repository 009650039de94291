package vigil.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-chain summary of Flink's checkpoint statistics, from REST answers shaped as Flink 1.18 gives them. */
class CheckpointStatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static JsonNode subtasks(long sync0, long sync1, long align0, long delay1) throws Exception {
        return json("{'subtasks': ["
                + "{'index': 0, 'status': 'completed', 'checkpoint': {'sync': " + sync0 + ", 'async': 5},"
                + " 'alignment': {'buffered': 0, 'duration': " + align0 + "}, 'start_delay': 3},"
                + "{'index': 1, 'status': 'completed', 'checkpoint': {'sync': " + sync1 + ", 'async': 7},"
                + " 'alignment': {'buffered': 0, 'duration': 1}, 'start_delay': " + delay1 + "}]}");
    }

    @Test
    void keepsTheCompletedCheckpointsOfTheWindowOnly() throws Exception {
        JsonNode overview = json("{'history': ["
                + "{'id': 4, 'status': 'IN_PROGRESS', 'trigger_timestamp': 4000},"
                + "{'id': 3, 'status': 'COMPLETED', 'is_savepoint': false, 'trigger_timestamp': 3000},"
                + "{'id': 2, 'status': 'COMPLETED', 'is_savepoint': false, 'trigger_timestamp': 2000},"
                + "{'id': 1, 'status': 'COMPLETED', 'is_savepoint': false, 'trigger_timestamp': 1000}]}");

        assertThat(CheckpointStats.completedIn(overview, 1500, 5000)).containsExactly(3L, 2L);
    }

    @Test
    void summarizesTheSlowestSubtaskPerCheckpointAsMedianAndMaximum() throws Exception {
        JsonNode job = json("{'vertices': ["
                + "{'id': 'v1', 'name': 'Source: kafka inputs -> decode + validate -> text analysis'},"
                + "{'id': 'v2', 'name': 'customer state'}]}");
        JsonNode overview = json("{'history': ["
                + "{'id': 9, 'end_to_end_duration': 900}, {'id': 8, 'end_to_end_duration': 100},"
                + "{'id': 7, 'end_to_end_duration': 300}, {'id': 6, 'end_to_end_duration': 5000}]}");
        Map<Long, Map<String, JsonNode>> details = new LinkedHashMap<>();
        details.put(9L, Map.of("v1", subtasks(10, 20, 0, 4), "v2", subtasks(400, 100, 30, 50)));
        details.put(8L, Map.of("v1", subtasks(5, 1, 0, 2), "v2", subtasks(90, 120, 10, 40)));
        details.put(7L, Map.of("v1", subtasks(30, 2, 0, 9), "v2", subtasks(60, 70, 20, 80)));

        CheckpointStats.Result result = CheckpointStats.summarize(job, overview, details);

        assertThat(result.checkpoints()).isEqualTo(3);
        assertThat(result.endToEnd()).containsExactly(300, 900);
        List<CheckpointStats.Row> rows = result.rows();
        assertThat(rows).extracting(CheckpointStats.Row::chain).containsExactly("kafka inputs (+2)", "customer state");
        CheckpointStats.Row state = rows.get(1);
        assertThat(state.checkpoints()).isEqualTo(3);
        assertThat(state.sync()).containsExactly(120, 400); // per checkpoint: 400, 120, 70
        assertThat(state.async()).containsExactly(7, 7);
        assertThat(state.alignment()).containsExactly(20, 30);
        assertThat(state.startDelay()).containsExactly(50, 80);
        assertThat(rows.get(0).sync()).containsExactly(20, 30);
        assertThat(CheckpointStats.table(result)).contains("3 completed checkpoints, end to end 300 / 900 ms",
                "customer state", "120 / 400");
    }

    @Test
    void aWindowWithoutCheckpointsGivesZeros() throws Exception {
        JsonNode job = json("{'vertices': [{'id': 'v1', 'name': 'churn scoring -> segment points'}]}");

        CheckpointStats.Result result = CheckpointStats.summarize(job, json("{'history': []}"), Map.of());

        assertThat(result.checkpoints()).isZero();
        assertThat(result.rows()).singleElement().satisfies(row -> {
            assertThat(row.chain()).isEqualTo("churn scoring (+1)");
            assertThat(row.sync()).containsExactly(0, 0);
        });
    }
}
