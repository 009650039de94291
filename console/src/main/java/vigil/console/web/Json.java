package vigil.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.console.AlertAction;
import vigil.console.view.AlertBoard;
import vigil.console.view.CustomerBook;
import vigil.console.view.LiveView;
import vigil.schemas.Alert;
import vigil.schemas.Channel;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The JSON the page reads. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String body) {
        try {
            return MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    static ObjectNode alert(AlertBoard.Entry entry, LiveView view) {
        Alert a = entry.alert();
        ObjectNode node = MAPPER.createObjectNode()
                .put("alertId", a.getAlertId()).put("status", a.getStatus().name())
                .put("severity", a.getSeverity().name()).put("detector", a.getDetector())
                .put("topic", a.getTopic()).put("customerId", a.getCustomerId())
                .put("affectedCustomers", a.getAffectedCustomers()).put("reason", a.getReason())
                .put("openedAt", a.getOpenedAt()).put("updatedAt", a.getUpdatedAt())
                .put("state", entry.state().name()).put("assignee", entry.assignee())
                .put("resolvedBy", entry.resolvedBy()).put("resolvedAt", entry.resolvedAt());
        strings(node.putArray("sources"), a.getSources().stream().map(Channel::name).toList());
        strings(node.putArray("evidence"), a.getEvidence());
        strings(node.putArray("queues"), view.queues(a));
        ArrayNode evidenceCustomers = node.putArray("evidenceCustomers");
        view.evidenceCustomers(a).forEach(evidenceCustomers::add);
        ArrayNode history = node.putArray("history");
        for (AlertAction action : entry.history()) {
            history.add(MAPPER.valueToTree(action));
        }
        return node;
    }

    /** Every alert, newest first, with the topics and queues to filter on. */
    static String alerts(LiveView view) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode alerts = node.putArray("alerts");
        Set<String> topics = new TreeSet<>();
        Set<String> queues = new TreeSet<>();
        for (AlertBoard.Entry entry : view.alerts().entries()) {
            ObjectNode alert = alert(entry, view);
            alerts.add(alert);
            if (entry.alert().getTopic() != null) {
                topics.add(entry.alert().getTopic());
            }
            alert.get("queues").forEach(q -> queues.add(q.asText()));
        }
        strings(node.putArray("topics"), topics);
        strings(node.putArray("queues"), queues);
        return write(node);
    }

    /** The drill-down: the latest score as the job wrote it (every field it has) and the recent interactions. */
    static String customer(CustomerBook.Customer customer, LiveView view) {
        ObjectNode node = MAPPER.createObjectNode().put("customerId", customer.customerId());
        node.set("score", customer.scoreJson() == null ? null : read(customer.scoreJson()));
        node.set("interactions", MAPPER.valueToTree(customer.interactions()));
        ArrayNode alerts = node.putArray("alerts");
        for (AlertBoard.Entry entry : view.alerts().entries()) {
            if (customer.customerId().equals(entry.alert().getCustomerId())) {
                alerts.add(entry.alert().getAlertId());
            }
        }
        return write(node);
    }

    private static void strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }

}
