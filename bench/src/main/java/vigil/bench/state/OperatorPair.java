package vigil.bench.state;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import vigil.jobs.churn.ChurnModels;
import vigil.jobs.config.VigilConfig;
import vigil.operators.churn.ModelParser;
import vigil.operators.churn.stream.ChurnScoringFunction;
import vigil.operators.churn.stream.ChurnStateDescriptors;
import vigil.operators.customer.CustomerStateDescriptors;
import vigil.operators.customer.CustomerStateFunction;
import vigil.schemas.ControlMessage;
import vigil.schemas.CustomerEvent;
import vigil.schemas.CustomerState;
import vigil.schemas.LabelHistory;
import vigil.schemas.PublishedChurn;
import vigil.schemas.ScoreUpdate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The job's two per-customer keyed operators, customer state and churn scoring, each in a test harness
 * on RocksDB with incremental checkpoints (as in production) and file checkpoint storage, with direct
 * access to every piece of their keyed state and the churn scorer's per-customer timer.
 */
final class OperatorPair implements AutoCloseable {
    /** Everything kept for one customer: the customer state, the published churn, the feature history, its expiry. */
    record Customer(CustomerState state, PublishedChurn published, LabelHistory history, Long expiry) {
        int snapshots() {
            return history == null ? 0 : history.getSnapshots().size();
        }
    }

    final KeyedOneInputStreamOperatorTestHarness<String, CustomerEvent, ScoreUpdate> customers;
    final KeyedBroadcastOperatorTestHarness<String, ScoreUpdate, ControlMessage, ScoreUpdate> churn;
    /** RocksDB memory (write buffers and block cache) per operator. */
    static final MemorySize ROCKSDB_MEMORY = MemorySize.parse("256mb");

    private final VigilConfig config;
    // state handles, made once: building a descriptor's Avro type information per access cost 80 % of a write
    private final ValueState<CustomerState> customerState;
    private final ValueState<PublishedChurn> publishedState;
    private final ValueState<LabelHistory> historyState;
    private final ValueState<Long> expiryState;
    private final InternalTimerService<VoidNamespace> timers;

    private OperatorPair(VigilConfig config, Path dir, OperatorSubtaskState[] restoreFrom) throws Exception {
        this.config = config;
        customers = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new CustomerStateFunction(config.stateSettings(), config.featureSpec())),
                CustomerEvent::getCustomerId, Types.STRING);
        ModelParser parser = ChurnModels.parser();
        churn = new KeyedBroadcastOperatorTestHarness<>(new CoBroadcastWithKeyedOperator<>(
                new ChurnScoringFunction(config.churnSettings(), parser, ChurnModels.initialModelJson(config.churn, parser)),
                List.of(ChurnStateDescriptors.MODELS)), ScoreUpdate::getCustomerId, Types.STRING, 128, 1, 0);
        start(customers, dir.resolve("customer-state"), restoreFrom == null ? null : restoreFrom[0]);
        start(churn, dir.resolve("churn-scoring"), restoreFrom == null ? null : restoreFrom[1]);
        customerState = customers.getOperator().<String>getKeyedStateBackend().getPartitionedState(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE, CustomerStateDescriptors.customer(config.stateSettings()));
        publishedState = churnState(ChurnStateDescriptors.published(config.churnSettings()));
        historyState = churnState(ChurnStateDescriptors.labelHistory());
        expiryState = churnState(ChurnStateDescriptors.historyExpiry());
        timers = timerService();
    }

    static OperatorPair open(VigilConfig config, Path dir) throws Exception {
        return new OperatorPair(config, dir, null);
    }

    static OperatorPair restore(VigilConfig config, Path dir, OperatorSubtaskState[] from) throws Exception {
        return new OperatorPair(config, dir, from);
    }

    private static void start(AbstractStreamOperatorTestHarness<?> harness, Path dir, OperatorSubtaskState from)
            throws Exception {
        EmbeddedRocksDBStateBackend backend = new EmbeddedRocksDBStateBackend(true);
        backend.setDbStoragePath(dir.resolve("db").toString());
        // A test harness's mock task has almost no managed memory: RocksDB's write buffer manager then
        // flushes every few writes (thousands of 2 KB files and constant compaction). Give each operator
        // what a slot of a real TaskManager has: the Helm chart's (6 GB, 2 slots) has ~1 GB managed per slot.
        backend.getMemoryConfiguration().setFixedMemoryPerSlot(ROCKSDB_MEMORY);
        harness.setStateBackend(backend);
        harness.setCheckpointStorage(new FileSystemCheckpointStorage(dir.resolve("checkpoints").toUri()));
        if (from == null) {
            harness.setup();
        } else {
            harness.initializeState(from);
        }
        harness.open();
    }

    /** Runs one event through customer state and its score update through churn scoring. */
    void process(CustomerEvent event) throws Exception {
        customers.processElement(event, event.getTimestamp());
        for (ScoreUpdate update : customers.extractOutputValues()) {
            churn.processElement(update, update.getEventTime());
        }
        customers.getOutput().clear();
        churn.getOutput().clear();
    }

    /** Every customer in the state, with all their state. */
    List<Customer> all() throws Exception {
        List<String> keys;
        try (Stream<String> stream = customers.getOperator().<String>getKeyedStateBackend()
                .getKeys("customer", VoidNamespace.INSTANCE)) {
            keys = stream.toList();
        }
        List<Customer> out = new ArrayList<>();
        for (String key : keys) {
            out.add(read(key));
        }
        return out;
    }

    Customer read(String key) throws Exception {
        customers.getOperator().setCurrentKey(key);
        churn.getOperator().setCurrentKey(key);
        return new Customer(customerState.value(), publishedState.value(), historyState.value(), expiryState.value());
    }

    /** Writes a customer's state under {@code key}, with the churn history's expiry timer, as the operators would. */
    void write(String key, Customer customer) throws Exception {
        customers.getOperator().setCurrentKey(key);
        churn.getOperator().setCurrentKey(key);
        customerState.update(customer.state());
        if (customer.published() != null) {
            publishedState.update(customer.published());
        }
        if (customer.history() != null) {
            historyState.update(customer.history());
        }
        if (customer.expiry() != null) {
            Long previous = expiryState.value();
            if (previous != null && !previous.equals(customer.expiry())) {
                timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, previous);
            }
            expiryState.update(customer.expiry());
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, customer.expiry());
        }
    }

    /** Serialized bytes of a customer's state, per piece: customer state, published churn, history, expiry. */
    long[] serializedBytes(Customer customer) throws IOException {
        ExecutionConfig execution = new ExecutionConfig();
        return new long[] {
            bytes(CustomerStateDescriptors.customer(config.stateSettings()), execution, customer.state()),
            customer.published() == null ? 0
                    : bytes(ChurnStateDescriptors.published(config.churnSettings()), execution, customer.published()),
            customer.history() == null ? 0 : bytes(ChurnStateDescriptors.labelHistory(), execution, customer.history()),
            customer.expiry() == null ? 0 : Long.BYTES,
        };
    }

    private static <T> long bytes(StateDescriptor<?, T> descriptor, ExecutionConfig execution, T value) throws IOException {
        descriptor.initializeSerializerUnlessSet(execution);
        DataOutputSerializer out = new DataOutputSerializer(256);
        descriptor.getSerializer().serialize(value, out);
        return out.length();
    }

    OperatorSubtaskState[] snapshot(long id) throws Exception {
        return new OperatorSubtaskState[] {customers.snapshot(id, id), churn.snapshot(id, id)};
    }

    void completed(long id) throws Exception {
        customers.notifyOfCompletedCheckpoint(id);
        churn.notifyOfCompletedCheckpoint(id);
    }

    private <T> ValueState<T> churnState(ValueStateDescriptor<T> descriptor) throws Exception {
        KeyedStateBackend<String> backend = churn.getOperator().getKeyedStateBackend();
        return backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, descriptor);
    }

    /** The churn operator's own event-time timer service (the one its function's timers go to). */
    @SuppressWarnings("unchecked")
    private InternalTimerService<VoidNamespace> timerService() {
        AbstractStreamOperator<ScoreUpdate> operator = churn.getOperator();
        return operator.getInternalTimerService("user-timers", VoidNamespaceSerializer.INSTANCE,
                (Triggerable<Object, VoidNamespace>) (Object) operator);
    }

    @Override
    public void close() throws Exception {
        customers.close();
        churn.close();
    }
}
