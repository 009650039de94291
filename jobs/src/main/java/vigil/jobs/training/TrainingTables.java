package vigil.jobs.training;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.ml.common.datastream.TableUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

import java.util.ArrayList;
import java.util.List;

/** The local Flink environment training runs on, and labeled texts as the tables Flink ML estimators take. */
public final class TrainingTables {
    private TrainingTables() {}

    /** A local batch environment: training reads bounded data and only wants final results. */
    public static StreamTableEnvironment localEnvironment(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(parallelism);
        return StreamTableEnvironment.create(env);
    }

    /** A table with two string columns named {@code textCol} and {@code labelCol}. */
    public static Table of(StreamTableEnvironment tEnv, List<LabeledText> rows, String textCol, String labelCol) {
        List<Row> values = new ArrayList<>(rows.size());
        rows.forEach(r -> values.add(Row.of(r.text(), r.label())));
        TypeInformation<Row> type = Types.ROW_NAMED(new String[] {textCol, labelCol}, Types.STRING, Types.STRING);
        StreamExecutionEnvironment env = TableUtils.getExecutionEnvironment(tEnv);
        return tEnv.fromDataStream(env.fromCollection(values, type));
    }
}
