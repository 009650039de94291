package vigil.console.view;

import vigil.console.AlertAction;
import vigil.schemas.Alert;
import vigil.schemas.AlertStatus;
import vigil.schemas.Channel;
import vigil.schemas.CustomerScore;
import vigil.schemas.Interaction;
import vigil.schemas.Party;
import vigil.schemas.codec.JsonCodec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Everything the console shows, updated from the topics, telling a listener what changed. */
public final class LiveView {
    /** Told of every change, on the reading thread. */
    public interface Listener {
        void alertChanged(AlertBoard.Entry entry);

        void customerChanged(String customerId);
    }

    /** "CALL ev-17 at 42 s: text" or "SOCIAL ev-8f2c: text": the interaction id after the source. */
    private static final Pattern EVIDENCE_ID = Pattern.compile("^[A-Z]+ ([^\\s:]+)");
    private static final JsonCodec<CustomerScore> SCORE_JSON = new JsonCodec<>(CustomerScore.class);

    private final AlertBoard alerts;
    private final CustomerBook customers;
    private final SourceChart chart;
    private final LongSupplier clock;
    private volatile Listener listener = new Listener() {
        public void alertChanged(AlertBoard.Entry entry) {}

        public void customerChanged(String customerId) {}
    };

    public LiveView(AlertBoard alerts, CustomerBook customers, SourceChart chart, LongSupplier clock) {
        this.alerts = alerts;
        this.customers = customers;
        this.chart = chart;
        this.clock = clock;
    }

    public void listen(Listener listener) {
        this.listener = listener;
    }

    public void onAlert(Alert alert) {
        if (alert.getStatus() == AlertStatus.OPENED) {
            chart.onAlertOpened(alert.getOpenedAt(), alert.getSources().stream().map(Channel::name).toList(),
                    clock.getAsLong());
        }
        listener.alertChanged(alerts.onAlert(alert));
    }

    public void onAction(AlertAction action) {
        AlertBoard.Entry entry = alerts.onAction(action);
        if (entry != null) {
            listener.alertChanged(entry);
        }
    }

    /** A score, or null for a tombstone: the customer was erased. */
    public void onScore(String customerId, CustomerScore score) {
        if (score == null) {
            customers.onErased(customerId);
        } else {
            customers.onScore(customerId, new String(SCORE_JSON.encode(score), StandardCharsets.UTF_8));
        }
        listener.customerChanged(customerId);
    }

    public void onInteraction(Interaction interaction) {
        customers.onInteraction(interaction.getCustomerId(), Recent.of(interaction));
        boolean customersOwnText = interaction.getParty() == null || interaction.getParty() == Party.CUSTOMER;
        if (interaction.getSentiment() != null && customersOwnText) {
            chart.onSentiment(interaction.getChannel().name(), interaction.getTimestamp(),
                    interaction.getSentiment().getScore(), clock.getAsLong());
        }
        listener.customerChanged(interaction.getCustomerId());
    }

    public AlertBoard alerts() {
        return alerts;
    }

    public CustomerBook customers() {
        return customers;
    }

    public SourceChart chart() {
        return chart;
    }

    public long now() {
        return clock.getAsLong();
    }

    /** The queues of the calls and chats behind the alert, as far as the console has seen them. */
    public Set<String> queues(Alert alert) {
        return customers.queues(alert.getCustomerId(), evidenceIds(alert));
    }

    /** Per evidence line, the customer of the interaction it refers to, or null when not known here. */
    public List<String> evidenceCustomers(Alert alert) {
        List<String> customersByLine = new ArrayList<>();
        for (String evidence : alert.getEvidence()) {
            Matcher m = EVIDENCE_ID.matcher(evidence);
            customersByLine.add(m.find() ? customers.owner(m.group(1)) : null);
        }
        return customersByLine;
    }

    static List<String> evidenceIds(Alert alert) {
        List<String> ids = new ArrayList<>();
        for (String evidence : alert.getEvidence()) {
            Matcher m = EVIDENCE_ID.matcher(evidence);
            if (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }
}
