package vigil.operators.nba;

import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.operators.nba.catalog.Catalog;
import vigil.operators.nba.catalog.CatalogParser;
import vigil.operators.nba.catalog.InvalidCatalogException;
import vigil.operators.nba.segments.Segments;
import vigil.schemas.ActionChange;
import vigil.schemas.ActionContact;
import vigil.schemas.Alert;
import vigil.schemas.AlertStatus;
import vigil.schemas.CatalogStatus;
import vigil.schemas.ControlMessage;
import vigil.schemas.CustomerScore;
import vigil.schemas.NbaBroadcast;
import vigil.schemas.NbaCustomerState;
import vigil.schemas.PropensityTable;
import vigil.schemas.RecommendedAction;
import vigil.schemas.ScoreUpdate;
import vigil.schemas.SegmentModel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Next-best-action per customer. On the broadcast side: the action catalog (CATALOG_REPLACE on
 * cx.control; an invalid one is rejected with its reason on {@link NbaDescriptors#CATALOG_STATUS} and
 * the old one stays), the segment models, the propensity tables and the open spike alerts. On the keyed
 * side, each score update records the customer's reaction to an action (ACTION_SHOWN, _ACCEPTED,
 * _REJECTED) in their contact history, then the customer's segment is assigned and {@link Arbitration}
 * ranks the catalog: the top N with reasons and the segment go into the score, and a change of the top
 * action goes to {@link NbaDescriptors#ACTION_CHANGES}. The contact history is pruned by an event-time
 * timer once its oldest contact no longer matters; a tombstone clears everything and passes on.
 */
public class NextBestActionFunction extends KeyedBroadcastProcessFunction<String, ScoreUpdate, NbaBroadcast, ScoreUpdate> {
    private static final Logger LOG = LoggerFactory.getLogger(NextBestActionFunction.class);

    private final NbaSettings settings;

    private transient ValueState<NbaCustomerState> customer;
    private transient ValueState<Long> expiry;
    private transient CatalogParser parser;
    private transient ContactPolicy policy;
    private transient Arbitration arbitration;
    private transient NbaMetrics metrics;
    private transient boolean reportsStatus;
    private transient String catalogJson;
    private transient Catalog catalog;
    private transient Segments segments;
    private transient Propensities propensities;

    public NbaSettings settings() {
        return settings;
    }

    public NextBestActionFunction(NbaSettings settings) {
        this.settings = settings;
        try {
            new CatalogParser(settings.facts()).parse(settings.initialCatalog()); // fails here, not on the cluster
        } catch (InvalidCatalogException e) {
            throw new IllegalArgumentException("The initial action catalog is invalid: " + e.getMessage(), e);
        }
    }

    @Override
    public void open(Configuration parameters) throws Exception {
        customer = getRuntimeContext().getState(NbaDescriptors.customer(settings.stateTtlMs()));
        expiry = getRuntimeContext().getState(NbaDescriptors.expiry());
        parser = new CatalogParser(settings.facts());
        policy = new ContactPolicy(settings.policy());
        arbitration = new Arbitration(policy, settings.topN());
        metrics = new NbaMetrics(getRuntimeContext().getMetricGroup());
        reportsStatus = getRuntimeContext().getIndexOfThisSubtask() == 0;
        catalogJson = settings.initialCatalog();
        catalog = parser.parse(catalogJson);
        propensities = new Propensities(null, settings.prior());
    }

    @Override
    public void processElement(ScoreUpdate update, ReadOnlyContext ctx, Collector<ScoreUpdate> out) throws Exception {
        if (update.getScore() == null) {
            erase(ctx.timerService());
            out.collect(update);
            return;
        }
        refresh(ctx);
        NbaCustomerState state = customer.value();
        List<ActionContact> history = state == null ? new ArrayList<>() : new ArrayList<>(state.getContacts());
        String previousTop = state == null ? null : state.getTopActionId();
        long now = Math.max(update.getScore().getUpdatedAt(), state == null ? Long.MIN_VALUE : state.getLastSeen());
        recordReaction(update, history);
        history = ContactPolicy.prune(history, now, policy.retentionMs(catalog));

        Integer segment = segments == null ? null : segments.assign(update.getFeatures());
        Set<String> liveAlerts = new HashSet<>();
        for (Map.Entry<String, String> alert : ctx.getBroadcastState(NbaDescriptors.LIVE_ALERTS).immutableEntries()) {
            liveAlerts.add(alert.getKey());
        }
        Arbitration.Decision decision = arbitration.decide(catalog,
                CustomerFacts.of(update, segment, liveAlerts), segment, propensities, history, now);
        metrics.recommendations.inc();
        metrics.suppressed.inc(decision.suppressed());
        List<RecommendedAction> top = decision.top();
        String topId = top.isEmpty() ? null : top.get(0).getActionId();
        if (topId != null && !topId.equals(previousTop)) {
            metrics.changes.inc();
            metrics.top(topId).inc();
            ctx.output(NbaDescriptors.ACTION_CHANGES, ActionChange.newBuilder().setCustomerId(ctx.getCurrentKey())
                    .setAt(now).setPreviousActionId(previousTop).setAction(top.get(0)).setSegment(segment)
                    .setCatalogVersion(catalog.version()).build());
        }
        String nextTop = topId != null ? topId : previousTop;
        boolean changed = state == null || !history.equals(state.getContacts()) || !Objects.equals(nextTop, previousTop);
        if (changed) { // an unchanged customer costs no state write
            customer.update(NbaCustomerState.newBuilder().setContacts(history).setTopActionId(nextTop)
                    .setLastSeen(now).build());
            scheduleExpiry(history, ctx.timerService());
        }
        out.collect(withActions(update, top, segment));
    }

    @Override
    public void processBroadcastElement(NbaBroadcast element, Context ctx, Collector<ScoreUpdate> out) throws Exception {
        Object payload = element.getPayload();
        if (payload instanceof ControlMessage) {
            replaceCatalog((ControlMessage) payload, ctx);
        } else if (payload instanceof SegmentModel) {
            SegmentModel model = (SegmentModel) payload;
            BroadcastState<String, SegmentModel> models = ctx.getBroadcastState(NbaDescriptors.SEGMENTS);
            SegmentModel current = models.get(NbaDescriptors.CURRENT);
            if (current == null || model.getVersion() > current.getVersion()) {
                models.put(NbaDescriptors.CURRENT, model);
            }
        } else if (payload instanceof PropensityTable) {
            PropensityTable table = (PropensityTable) payload;
            BroadcastState<String, PropensityTable> tables = ctx.getBroadcastState(NbaDescriptors.PROPENSITIES);
            PropensityTable current = tables.get(NbaDescriptors.CURRENT);
            if (current == null || table.getVersion() > current.getVersion()) {
                tables.put(NbaDescriptors.CURRENT, table);
            }
        } else if (payload instanceof Alert) {
            Alert alert = (Alert) payload;
            BroadcastState<String, String> alerts = ctx.getBroadcastState(NbaDescriptors.LIVE_ALERTS);
            if (alert.getStatus() == AlertStatus.RESOLVED) {
                if (alert.getAlertId().equals(alerts.get(alert.getTopic()))) {
                    alerts.remove(alert.getTopic());
                }
            } else {
                alerts.put(alert.getTopic(), alert.getAlertId());
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ScoreUpdate> out) throws Exception {
        expiry.clear();
        NbaCustomerState state = customer.value();
        if (state == null) {
            return;
        }
        refresh(ctx);
        List<ActionContact> kept = ContactPolicy.prune(state.getContacts(), timestamp, policy.retentionMs(catalog));
        customer.update(NbaCustomerState.newBuilder(state).setContacts(kept).build());
        scheduleExpiry(kept, ctx.timerService());
    }

    private void replaceCatalog(ControlMessage message, Context ctx) throws Exception {
        if (!CatalogControl.isCatalogMessage(message)) {
            return;
        }
        BroadcastState<String, String> catalogs = ctx.getBroadcastState(NbaDescriptors.CATALOGS);
        String currentJson = catalogs.get(NbaDescriptors.CATALOG);
        Catalog current = currentJson == null ? parser.parse(settings.initialCatalog()) : parser.parse(currentJson);
        CatalogStatus.Builder status = CatalogStatus.newBuilder().setMessageId(message.getId())
                .setAt(message.getTimestamp());
        try {
            Catalog next = parser.parse(message.getPayload() == null ? "" : message.getPayload());
            catalogs.put(NbaDescriptors.CATALOG, message.getPayload());
            status.setAccepted(true).setCatalogVersion(next.version()).setActions(next.actions().size())
                    .setReason("catalog " + next.version() + " with " + next.actions().size()
                            + " actions in force, replacing " + current.version());
        } catch (InvalidCatalogException e) {
            status.setAccepted(false).setCatalogVersion(current.version()).setActions(current.actions().size())
                    .setReason("rejected: " + e.getMessage() + "; catalog " + current.version() + " stays in force");
        }
        if (!reportsStatus) {
            return;
        }
        CatalogStatus built = status.build();
        if (built.getAccepted()) {
            metrics.catalogsAccepted.inc();
            LOG.info("Catalog message {}: {}", message.getId(), built.getReason());
        } else {
            metrics.catalogsRejected.inc();
            LOG.warn("Catalog message {} {}", message.getId(), built.getReason());
        }
        ctx.output(NbaDescriptors.CATALOG_STATUS, built);
    }

    /** Re-reads the catalog, segment model and propensities from broadcast state when they changed. */
    private void refresh(ReadOnlyContext ctx) throws Exception {
        refresh(ctx.getBroadcastState(NbaDescriptors.CATALOGS).get(NbaDescriptors.CATALOG),
                ctx.getBroadcastState(NbaDescriptors.SEGMENTS).get(NbaDescriptors.CURRENT),
                ctx.getBroadcastState(NbaDescriptors.PROPENSITIES).get(NbaDescriptors.CURRENT));
    }

    private void refresh(OnTimerContext ctx) throws Exception {
        ReadOnlyBroadcastState<String, String> catalogs = ctx.getBroadcastState(NbaDescriptors.CATALOGS);
        refresh(catalogs.get(NbaDescriptors.CATALOG), null, null);
    }

    private void refresh(String json, SegmentModel model, PropensityTable table) throws InvalidCatalogException {
        String wanted = json == null ? settings.initialCatalog() : json;
        if (!wanted.equals(catalogJson)) {
            catalog = parser.parse(wanted); // accepted before it was stored
            catalogJson = wanted;
        }
        if (model != null && (segments == null || segments.version() != model.getVersion())) {
            segments = new Segments(model);
        }
        if (table != null && propensities.version != table.getVersion()) {
            propensities = new Propensities(table, settings.prior());
        }
    }

    private void recordReaction(ScoreUpdate update, List<ActionContact> history) {
        String outcome = update.getOutcome();
        if (update.getActionId() == null || outcome == null || !outcome.startsWith("ACTION_")) {
            return;
        }
        metrics.reactions.inc();
        history.add(ActionContact.newBuilder().setActionId(update.getActionId()).setChannel(update.getActionChannel())
                .setReaction(outcome.substring("ACTION_".length())).setAt(update.getEventTime()).build());
    }

    /** One timer per customer, at the expiry of the oldest contact; moved when it fires. */
    private void scheduleExpiry(List<ActionContact> history, TimerService timers) throws Exception {
        Long pending = expiry.value();
        if (history.isEmpty()) {
            if (pending != null) {
                timers.deleteEventTimeTimer(pending);
                expiry.clear();
            }
            return;
        }
        long oldest = Long.MAX_VALUE;
        for (ActionContact c : history) {
            oldest = Math.min(oldest, c.getAt());
        }
        long due = oldest + policy.retentionMs(catalog);
        if (pending == null || pending != due) {
            if (pending != null) {
                timers.deleteEventTimeTimer(pending);
            }
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

    /** The update with its actions and segment set, in place (the keyed input is never chained: it is this operator's own). */
    private static ScoreUpdate withActions(ScoreUpdate update, List<RecommendedAction> top, Integer segment) {
        List<String> ids = new ArrayList<>(top.size());
        top.forEach(a -> ids.add(a.getActionId()));
        CustomerScore score = update.getScore();
        score.setActions(new ArrayList<>(top));
        score.setTopActions(ids);
        score.setSegment(segment);
        return update;
    }

    /** For tests: the contacts in the current key's history. */
    int contactsForTests() throws Exception {
        NbaCustomerState state = customer.value();
        return state == null ? 0 : state.getContacts().size();
    }

    /** For tests: this subtask's metrics. */
    NbaMetrics metrics() {
        return metrics;
    }
}
