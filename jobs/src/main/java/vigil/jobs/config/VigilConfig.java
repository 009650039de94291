package vigil.jobs.config;

import vigil.jobs.pulsar.PulsarSettings;
import vigil.jobs.streams.StreamSystem;
import vigil.operators.churn.RiskBands;
import vigil.operators.churn.learn.LearnerSettings;
import vigil.operators.churn.stream.ChurnSettings;
import vigil.operators.customer.StateSettings;
import vigil.operators.enrich.AnalysisSettings;
import vigil.operators.enrich.SentimentPath;
import vigil.operators.features.FeatureKind;
import vigil.operators.features.FeatureSpec;
import vigil.operators.nba.NbaSettings;
import vigil.operators.nba.catalog.CatalogSource;
import vigil.operators.rules.RuleSettings;
import vigil.operators.spike.SpikeSettings;
import vigil.operators.text.EntityTagger;
import vigil.operators.text.TopicTagger;
import vigil.schemas.Channel;
import vigil.operators.decode.DecodeSettings;
import vigil.schemas.codec.RecordFormat;
import vigil.schemas.streams.StreamId;

import java.io.Serializable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All of Vigil's settings, with their defaults, in one typed object. Loaded from YAML by
 * {@link ConfigLoader}; each section maps to one part of the README's configuration table.
 */
public class VigilConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    public String jobName = "vigil-scoring";
    public int parallelism = 2;
    public Kafka kafka = new Kafka();
    public PulsarSettings pulsar = new PulsarSettings();
    /** The system each stream lives on, inputs and outputs alike; KAFKA unless set (README: Pulsar). */
    public Map<StreamId, StreamSystem> systems = new EnumMap<>(StreamId.class);
    /** Topic name per stream; streams left out keep their default name. */
    public Map<StreamId, String> topics = new EnumMap<>(StreamId.class);
    /** Wire format per stream, inputs and outputs alike; JSON unless set. */
    public Map<StreamId, RecordFormat> formats = new EnumMap<>(StreamId.class);
    public Limits limits = new Limits();
    public State state = new State();
    public EventTime eventTime = new EventTime();
    public Analysis analysis = new Analysis();
    public Churn churn = new Churn();
    public Checkpoints checkpoints = new Checkpoints();
    public Spikes spikes = new Spikes();
    public Rules rules = new Rules();
    public Metrics metrics = new Metrics();
    public Console console = new Console();
    public Nba nba = new Nba();
    /** The embedded Flink cluster of `run` without a cluster, `demo`, `eval-alerts` and the benchmarks. */
    public LocalCluster localCluster = new LocalCluster();
    /**
     * Pass records between chained operators without a deep copy (Flink's object reuse). Every Vigil function
     * treats its input as read-only or owns it (README: Performance).
     */
    public boolean objectReuse = true;
    /**
     * Longest a partly filled network buffer waits before it is sent on (Flink's buffer timeout, 100 ms by
     * default): a score crosses three network exchanges, so this bounds what waiting for fuller buffers adds.
     */
    public Duration networkBufferTimeout = Duration.ofMillis(10);

    public static class Kafka implements Serializable {
        public String bootstrapServers = "127.0.0.1:9092";
        public String groupId = "vigil-scoring";
        /** Prefix of the transactional ids of the exactly-once sinks; unique per job. */
        public String transactionalIdPrefix = "vigil-scoring";
        /** Must stay below the broker's transaction.max.timeout.ms (15 minutes by default). */
        public Duration transactionTimeout = Duration.ofMinutes(10);
        /** Extra client properties (security.protocol, sasl.*, ssl.*), passed to every client. */
        public Map<String, String> properties = new HashMap<>();
        /**
         * Where the source starts on partitions it has no checkpointed offset for: {@code committed} (the
         * group's offsets, else the earliest), {@code earliest}, {@code latest}, or {@code timestamp:T}
         * (T an ISO-8601 instant or epoch milliseconds).
         */
        public String startFrom = "committed";
    }

    public static class LocalCluster implements Serializable {
        /**
         * Off-heap memory of the embedded cluster's task manager, shared by RocksDB in every slot (Flink's
         * {@code taskmanager.memory.managed.size}; Flink's own default for a local cluster is 128 MB, which
         * starves RocksDB). A real cluster's task managers are sized by their own configuration.
         */
        public String managedMemory = "1g";
        /**
         * Flink's changelog state backend on the embedded cluster, its files under
         * {@code checkpoints.directory}/changelog (README: Performance, the checkpoint tail); a restore of
         * such a job runs in LEGACY mode (ChangelogBackend). Keys of {@code configuration} override what this sets.
         */
        public boolean changelog = true;
        /** Further Flink configuration for the embedded cluster, key to value. */
        public Map<String, String> configuration = new HashMap<>();
    }

    public static class Metrics implements Serializable {
        /** Port of the Prometheus reporter of a job started by Vigil (run, tests); 0: no reporter. */
        public int prometheusPort = 0;
        /** Address the reporter listens on. */
        public String prometheusHost = "127.0.0.1";
    }

    public static class Limits implements Serializable {
        public int maxTextChars = 16_384;
        public int maxRecordBytes = 1_048_576;
        public Duration maxFutureSkew = Duration.ofHours(1);
    }

    public static class State implements Serializable {
        public Duration ttl = Duration.ofDays(90);
        /** Decaying-count windows, label to length. */
        public Map<String, Duration> windows = defaultWindows();
        /** Weight of the newest message in the customer's sentiment moving averages. */
        public double sentimentAlpha = 0.3;
        /** Messages per channel the sentiment trend (slope) is fitted over. */
        public int sentimentTrendWindow = 10;
    }

    public static class Analysis implements Serializable {
        /** Sentiment path per channel (CALL, CHAT, SOCIAL): FAST (default) or DEEP (CoreNLP, slow). */
        public Map<Channel, SentimentPath> sentiment = new EnumMap<>(Channel.class);
        /** Directory of a fast-path model snapshot (from train-sentiment); empty for the shipped model. */
        public String sentimentModel;
        /** Problem-topic rules (TokensRegex), a classpath resource, file or URL. */
        public String taxonomy = TopicTagger.DEFAULT_TAXONOMY;
        /** Product and plan catalog for entities, a classpath resource, file or URL. */
        public String catalog = EntityTagger.DEFAULT_CATALOG;
    }

    public static class EventTime implements Serializable {
        public Duration outOfOrderness = Duration.ofSeconds(5);
        /** A source split silent this long stops holding back the watermark. */
        public Duration idleness = Duration.ofSeconds(30);
    }

    public static class Checkpoints implements Serializable {
        public Duration interval = Duration.ofSeconds(10);
        public String directory = "file:///tmp/vigil/checkpoints";
        public int restartAttempts = 10;
        public Duration restartDelay = Duration.ofSeconds(2);
        /**
         * Barriers that wait longer than this for alignment (under backpressure) switch to an
         * unaligned checkpoint, so outputs keep committing; 0 (the default) keeps checkpoints aligned.
         */
        public Duration alignedTimeout = Duration.ZERO;
    }

    public static class Churn implements Serializable {
        /** The churn feature spec (YAML): a file path or a classpath resource. */
        public String featureSpec = FeatureSpec.DEFAULT_SPEC;
        /** A churn model's JSON file; empty for the model shipped with Vigil (none yet: no scoring until one is broadcast). */
        public String model;
        public Bands bands = new Bands();
        /** The published risk changes only when it moves further than this (or the band or model changes). */
        public double minDelta = 0.02;
        /** Reason codes published per score. */
        public int reasons = 3;
        public LabelHistory labelHistory = new LabelHistory();
        public Learner learner = new Learner();
    }

    public static class Bands implements Serializable {
        /** Lowest risk of the medium band; below it is low. */
        public double medium = 0.3;
        /** Lowest risk of the high band. */
        public double high = 0.6;
    }

    public static class LabelHistory implements Serializable {
        /** Feature snapshots kept per customer for joining outcomes. */
        public int size = 4;
        /** Snapshots are dropped this long (event time) after the customer's newest one. */
        public Duration retention = Duration.ofDays(30);
    }

    public static class Learner implements Serializable {
        public boolean enabled = true;
        /** K: a candidate model is formed every K labeled examples. */
        public int candidateEvery = 200;
        /** W: candidates are judged on the rolling ROC-AUC of this many examples. */
        public int window = 500;
        /** A candidate is promoted unless its AUC is worse than the current model's by more than this. */
        public double margin = 0.01;
        /** FTRL-Proximal parameters. */
        public double alpha = 0.1;
        public double beta = 1.0;
        public double l1 = 0.0;
        public double l2 = 0.0;
    }

    /** Cross-source spike detection per problem topic (README: Spike detection). */
    public static class Spikes implements Serializable {
        public boolean enabled = true;
        public Duration slide = Duration.ofSeconds(5);
        public Duration window = Duration.ofSeconds(30);
        /** Full windows' worth of event time the baseline learns before the topic may alert. */
        public Duration warmUp = Duration.ofMinutes(30);
        public Duration halfLife = Duration.ofMinutes(15);
        /** Half-life of the baseline's trend (Holt), so that it follows a ramp; 0 s for none. */
        public Duration trendHalfLife = Duration.ofMinutes(10);
        /** Half-life of a source's recent complaint rate that scales its topics' baselines when it runs high; 0 s for none. */
        public Duration volumeHalfLife = Duration.ofMinutes(2);
        /** A source's other topics must usually bring this many complaints per window to scale a baseline. */
        public double minVolume = 5.0;
        /** The rise the evidence looks for, as a multiple of the baseline. */
        public double lift = 3.0;
        /** Evidence (log-likelihood ratio, nats) summed over the rising sources that opens an alert. */
        public double threshold = 15.0;
        /** A source counts as rising with at least this much evidence of its own. */
        public double sourceEvidence = 1.0;
        public int minSources = 2;
        /** One source alone opens an alert with the full threshold at this multiple of its baseline. */
        public double extremeRatio = 5.0;
        /** Consecutive slides the opening rule must hold. */
        public int persistence = 1;
        /** Expected complaints per window and source are never taken below this. */
        public double minExpected = 1.0;
        public Duration quietPeriod = Duration.ofMinutes(2);
        /** Evidence (nats) that an open alert's sources are back at their baselines, held for the quiet period, resolves it. */
        public double resolveEvidence = 5.0;
        public Duration coolDown = Duration.ofMinutes(10);
        public int evidenceSamples = 5;
        /** Count NEUTRAL texts with a problem topic as well as NEGATIVE ones. */
        public boolean countNeutral = true;
        public List<String> ignoredTopics = List.of("praise");
        /** Click ERROR pages to topics, by page prefix (the longest wins). */
        public Map<String, String> pageTopics = defaultPageTopics();
    }

    /** Runtime rules per customer (README: Runtime rules and per-customer alerts). */
    public static class Rules implements Serializable {
        public boolean enabled = true;
        /** Rules in force from the start: a JSON file (a rule or an array of rules) or a directory of *.json; empty for none. */
        public String initialRules;
        /** A rule alerts at most once per customer within this long (event time). */
        public Duration coolDown = Duration.ofMinutes(30);
        /** Per-customer rule state is dropped this long after the customer's latest event; the longest window a rule may use. */
        public Duration retention = Duration.ofDays(30);
        /** A call or chat with no event for this long is forgotten (its ENDED never came). */
        public Duration conversationTimeout = Duration.ofHours(4);
        /** What a cancel-page visit is, besides a CANCEL_STEP click: regular expressions on the whole page path. */
        public List<String> cancelPages = RuleSettings.DEFAULT_CANCEL_PAGES;
    }

    /** The supervisor console (README: The supervisor console). */
    public static class Console implements Serializable {
        public String bindAddress = "127.0.0.1";
        /** 0: a free port, printed at start. */
        public int port = 0;
        /** What supervisors log in with (at least 12 characters); the environment variable VIGIL_CONSOLE_TOKEN overrides it. */
        public String token;
        /** Mark the session cookie Secure: set when the console is served over HTTPS (a TLS proxy). */
        public boolean secureCookie = false;
        public Duration sessionTimeout = Duration.ofHours(12);
        /** At start, scores and enriched interactions are read from this long ago (alerts and control from the beginning). */
        public Duration lookback = Duration.ofHours(1);
        /** Alerts kept in memory (the most recently updated). */
        public int maxAlerts = 500;
        /** Customers kept in memory for the drill-down (the most recently seen), each with its latest score. */
        public int maxCustomers = 20_000;
        public int interactionsPerCustomer = 20;
        /** The live chart: alerts opened and average sentiment per source in buckets of this length. */
        public Duration chartBucket = Duration.ofSeconds(10);
        public int chartBuckets = 30;
    }

    /** Next-best-action (README: Next-best-action). */
    public static class Nba implements Serializable {
        public boolean enabled = true;
        /** The action catalog (JSON): a file path or a classpath resource; replaceable at runtime by CATALOG_REPLACE. */
        public String catalog = CatalogSource.DEFAULT_CATALOG;
        /** Actions published per customer. */
        public int topN = 3;
        public NbaPolicy policy = new NbaPolicy();
        /** Beta prior (pseudo-counts) of an action whose catalog entry has none. */
        public double priorAccepted = 1;
        public double priorRejected = 4;
        public NbaSegments segments = new NbaSegments();
    }

    public static class NbaPolicy implements Serializable {
        /** M: an action is suppressed after this many impressions (shown, accepted or rejected) within the window. */
        public int maxImpressions = 3;
        /** ... or this many rejections within the window. */
        public int maxRejections = 2;
        /** N days of both caps. */
        public Duration window = Duration.ofDays(7);
        /** After an accept or a reject, the action waits this long. */
        public Duration coolDown = Duration.ofDays(2);
        /** Impressions per channel per customer within channelPeriod (any action); a channel left out is not capped. */
        public Map<String, Integer> channelCaps = new LinkedHashMap<>(Map.of("call", 1, "sms", 2, "email", 3, "app", 5));
        public Duration channelPeriod = Duration.ofDays(7);
    }

    public static class NbaSegments implements Serializable {
        /** k: behaviour segments. */
        public int k = 4;
        /** Weight of the past per mini-batch (OnlineKMeans' decayFactor). */
        public double decay = 0.9;
        /** Points per mini-batch. */
        public int batchSize = 200;
        /** Numeric features of the feature spec the segments are learned on (standardized). */
        public List<String> features = List.of("tenureMonths", "monthlyCharges", "contacts.30d", "negative.30d",
                "repeatContacts", "cancelPages.30d", "pricingPages.30d", "errorPages.30d", "sentiment");
        public long seed = 42;
    }

    public String topic(StreamId stream) {
        return topics.getOrDefault(stream, stream.defaultTopic());
    }

    public StreamSystem system(StreamId stream) {
        return systems.getOrDefault(stream, StreamSystem.KAFKA);
    }

    public RecordFormat format(StreamId stream) {
        return formats.getOrDefault(stream, RecordFormat.JSON);
    }

    public DecodeSettings decodeSettings() {
        Map<String, StreamId> byTopic = new HashMap<>();
        Map<StreamId, RecordFormat> formatByStream = new EnumMap<>(StreamId.class);
        for (StreamId stream : StreamId.values()) {
            if (stream.isInput()) {
                byTopic.put(topic(stream), stream);
                formatByStream.put(stream, format(stream));
            }
        }
        return new DecodeSettings(byTopic, formatByStream, limits.maxTextChars, limits.maxRecordBytes,
                limits.maxFutureSkew.toMillis());
    }

    public StateSettings stateSettings() {
        Map<String, Long> windowsMs = new LinkedHashMap<>();
        state.windows.forEach((label, length) -> windowsMs.put(label, length.toMillis()));
        return new StateSettings(state.ttl.toMillis(), windowsMs, state.sentimentAlpha, state.sentimentTrendWindow);
    }

    /** Reads and checks the feature spec, so a bad one fails the job before it starts. */
    public FeatureSpec featureSpec() {
        return FeatureSpec.load(churn.featureSpec);
    }

    public AnalysisSettings analysisSettings() {
        return new AnalysisSettings(analysis.sentiment, analysis.sentimentModel, analysis.taxonomy, analysis.catalog);
    }

    public ChurnSettings churnSettings() {
        return new ChurnSettings(new RiskBands(churn.bands.medium, churn.bands.high), churn.minDelta, churn.reasons,
                churn.labelHistory.size, churn.labelHistory.retention.toMillis(), state.ttl.toMillis(),
                featureSpec().fingerprint());
    }

    public LearnerSettings learnerSettings() {
        Learner l = churn.learner;
        return new LearnerSettings(l.candidateEvery, l.window, l.margin, l.alpha, l.beta, l.l1, l.l2);
    }

    public SpikeSettings spikeSettings() {
        return new SpikeSettings(spikes.slide.toMillis(), spikes.window.toMillis(), spikes.warmUp.toMillis(),
                spikes.halfLife.toMillis(), spikes.lift, spikes.threshold, spikes.sourceEvidence, spikes.minSources,
                spikes.extremeRatio, spikes.persistence, spikes.minExpected, spikes.quietPeriod.toMillis(),
                spikes.resolveEvidence, spikes.coolDown.toMillis(), spikes.evidenceSamples,
                spikes.trendHalfLife.toMillis(), spikes.volumeHalfLife.toMillis(), spikes.minVolume);
    }

    public SpikeSettings.Signals spikeSignals() {
        return new SpikeSettings.Signals(spikes.pageTopics, new HashSet<>(spikes.ignoredTopics), spikes.countNeutral);
    }

    /** Reads the initial rules; the customer rules operator checks them, so a bad one fails the job at start. */
    public RuleSettings ruleSettings() {
        return new RuleSettings(rules.coolDown.toMillis(), rules.retention.toMillis(),
                rules.conversationTimeout.toMillis(), rules.cancelPages, RuleFiles.read(rules.initialRules));
    }

    /** Reads the catalog and the feature spec; the next-best-action operator checks the catalog, so a bad one fails the job at start. */
    public NbaSettings nbaSettings() {
        FeatureSpec spec = featureSpec();
        for (String feature : nba.segments.features) {
            boolean numeric = spec.features().stream()
                    .anyMatch(f -> f.name().equals(feature) && f.kind() == FeatureKind.NUMERIC);
            if (!numeric) {
                throw new IllegalArgumentException("nba.segments.features: '" + feature
                        + "' is not a numeric feature of the feature spec " + churn.featureSpec);
            }
        }
        NbaPolicy p = nba.policy;
        return new NbaSettings(CatalogSource.read(nba.catalog), NbaSettings.facts(spec), nba.topN,
                new NbaSettings.PolicySettings(p.maxImpressions, p.maxRejections, p.window.toMillis(),
                        p.coolDown.toMillis(), p.channelCaps, p.channelPeriod.toMillis()),
                new double[] {nba.priorAccepted, nba.priorRejected},
                new NbaSettings.SegmentSettings(nba.segments.k, nba.segments.decay, nba.segments.batchSize,
                        nba.segments.features, nba.segments.seed),
                state.ttl.toMillis());
    }

    private static Map<String, String> defaultPageTopics() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/account/billing", "billing");
        pages.put("/account/payment", "billing");
        pages.put("/checkout/payment", "billing");
        pages.put("/status", "outage");
        pages.put("/support/outage", "outage");
        pages.put("/account/contract", "cancellation");
        pages.put("/account/orders", "delivery");
        pages.put("/orders", "delivery");
        pages.put("/support/devices", "defect");
        pages.put("/login", "login");
        pages.put("/account/security", "login");
        pages.put("/plans", "pricing");
        pages.put("/pricing", "pricing");
        return pages;
    }

    private static Map<String, Duration> defaultWindows() {
        Map<String, Duration> windows = new LinkedHashMap<>();
        windows.put("1d", Duration.ofDays(1));
        windows.put("7d", Duration.ofDays(7));
        windows.put("30d", Duration.ofDays(30));
        return windows;
    }
}
