package vigil.jobs.pulsar;

import org.apache.flink.connector.base.DeliveryGuarantee;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** The `pulsar` configuration section: used for every stream whose system is PULSAR (README: Pulsar). */
public class PulsarSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The brokers' binary protocol address. */
    public String serviceUrl = "pulsar://127.0.0.1:6650";
    /** The brokers' HTTP admin address. */
    public String adminUrl = "http://127.0.0.1:8080";
    /** The source's subscription on every Pulsar input topic; its cursor lives in Flink's checkpoints. */
    public String subscription = "vigil-scoring";
    /**
     * The sinks' guarantee: AT_LEAST_ONCE (the default), or EXACTLY_ONCE through Pulsar transactions,
     * which needs transactionCoordinatorEnabled=true on the brokers.
     */
    public DeliveryGuarantee deliveryGuarantee = DeliveryGuarantee.AT_LEAST_ONCE;
    /** Extra Flink Pulsar connector options for sources and sinks (pulsar.client.authPluginClassName, ...). */
    public Map<String, String> properties = new HashMap<>();
}
