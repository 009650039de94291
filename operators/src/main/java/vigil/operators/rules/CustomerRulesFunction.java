package vigil.operators.rules;

import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.schemas.Alert;
import vigil.schemas.ControlMessage;
import vigil.schemas.RuleCustomerState;
import vigil.schemas.RuleEntry;
import vigil.schemas.RuleInput;
import vigil.schemas.RuleStatus;

import java.util.List;

/**
 * Runtime rules per customer. Rules arrive as RULE_UPSERT, RULE_PAUSE and RULE_DELETE control
 * messages on the broadcast side and live in broadcast state (over the configured initial rules); an
 * invalid one is rejected with its reason and the old rules stay. Each rule status goes to
 * {@link RuleDescriptors#RULE_STATUS} from subtask 0 only: every subtask applies every message, the
 * same way. On the keyed side each customer input (interaction, churn risk reading) is checked by the
 * active rules against what the customer's memory holds, and a match becomes an alert unless the rule
 * fired for the customer within the cool-down. With no active rule, or nothing to remember, nothing is kept. The memory is
 * dropped by an event-time timer after the retention, and by an erasure.
 */
public class CustomerRulesFunction extends KeyedBroadcastProcessFunction<String, RuleInput, ControlMessage, Alert> {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerRulesFunction.class);

    private final RuleSettings settings;

    private transient ValueState<RuleCustomerState> customer;
    private transient ValueState<Long> expiry;
    private transient RuleBook book;
    private transient RuleCommands commands;
    private transient CustomerMemory memory;
    private transient RuleAlerts alerts;
    private transient RuleMetrics metrics;
    private transient boolean reportsStatus;

    public CustomerRulesFunction(RuleSettings settings) {
        this.settings = settings;
        new RuleBook(new RuleParser(settings.retentionMs()), settings.initialRules()); // fails here, not on the cluster
    }

    @Override
    public void open(Configuration parameters) {
        customer = getRuntimeContext().getState(RuleDescriptors.customer());
        expiry = getRuntimeContext().getState(RuleDescriptors.expiry());
        book = new RuleBook(new RuleParser(settings.retentionMs()), settings.initialRules());
        commands = new RuleCommands(book);
        memory = new CustomerMemory(settings);
        alerts = new RuleAlerts(settings.coolDownMs());
        metrics = new RuleMetrics(getRuntimeContext().getMetricGroup(), () -> book.activeCount());
        reportsStatus = getRuntimeContext().getIndexOfThisSubtask() == 0;
    }

    @Override
    public void processElement(RuleInput input, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        if (input.getErased()) {
            erase(ctx.timerService());
            return;
        }
        ReadOnlyBroadcastState<String, RuleEntry> rules = ctx.getBroadcastState(RuleDescriptors.RULES);
        List<Rule> active = book.active(rules);
        if (active.isEmpty()) {
            return;
        }
        RuleCustomerState state = customer.value();
        if (state == null) {
            state = CustomerMemory.empty(input.getTimestamp());
        } else {
            CustomerMemory.mutableLists(state);
        }
        RuleContext context = memory.open(state, input, book.needs());
        for (Rule rule : active) {
            if (!rule.condition().appliesTo(context)) {
                continue;
            }
            metrics.evaluations(rule.id()).inc();
            Match match = rule.condition().evaluate(rule.id(), context);
            if (match == null) {
                continue;
            }
            metrics.matches(rule.id()).inc();
            if (alerts.coolingDown(state, rule.id(), context.time())) {
                metrics.suppressed.inc();
            } else {
                metrics.alerts.inc();
                out.collect(alerts.open(rule, ctx.getCurrentKey(), context.time(), match, state));
            }
        }
        memory.fold(context, book.needs());
        if (CustomerMemory.isEmpty(state)) {
            erase(ctx.timerService());
        } else {
            customer.update(state);
            scheduleExpiry(state, ctx.timerService());
        }
    }

    @Override
    public void processBroadcastElement(ControlMessage message, Context ctx, Collector<Alert> out) throws Exception {
        if (!RuleControl.isRuleMessage(message)) {
            return;
        }
        BroadcastState<String, RuleEntry> rules = ctx.getBroadcastState(RuleDescriptors.RULES);
        RuleStatus status = commands.apply(message, rules);
        book.invalidate();
        book.active(rules); // keeps the rulesActive gauge current
        if (!reportsStatus) {
            return;
        }
        if (status.getAccepted()) {
            metrics.accepted.inc();
            LOG.info("Rule message {} ({} {}): {}", message.getId(), status.getAction(), status.getRuleId(),
                    status.getReason());
        } else {
            metrics.rejected.inc();
            LOG.warn("Rejected rule message {} ({} {}): {}", message.getId(), status.getAction(), status.getRuleId(),
                    status.getReason());
        }
        ctx.output(RuleDescriptors.RULE_STATUS, status);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        RuleCustomerState state = customer.value();
        long due = state == null ? Long.MIN_VALUE : state.getLastSeen() + settings.retentionMs();
        if (due > timestamp) {
            ctx.timerService().registerEventTimeTimer(due);
            expiry.update(due);
        } else {
            customer.clear();
            expiry.clear();
        }
    }

    /** One timer per customer, moved lazily: when it fires early, it is set again for the new due time. */
    private void scheduleExpiry(RuleCustomerState state, TimerService timers) throws Exception {
        if (expiry.value() == null) {
            long due = state.getLastSeen() + settings.retentionMs();
            timers.registerEventTimeTimer(due);
            expiry.update(due);
        }
    }

    private void erase(TimerService timers) throws Exception {
        Long due = expiry.value();
        if (due != null) {
            timers.deleteEventTimeTimer(due);
        }
        customer.clear();
        expiry.clear();
    }

    /** For tests: this subtask's metrics. */
    RuleMetrics metrics() {
        return metrics;
    }
}
