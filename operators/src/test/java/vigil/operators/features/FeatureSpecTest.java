package vigil.operators.features;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.schemas.Channel;
import vigil.schemas.Interaction;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeatureSpecTest {
    private static final List<String> WINDOWS = List.of("1d", "7d", "30d");

    @Test
    void theShippedSpecLoadsFromTheClasspath() throws Exception {
        FeatureSpec spec = FeatureSpec.loadDefault();

        assertThat(spec.features()).extracting(FeatureSpec.Feature::name)
                .contains("tenureMonths", "plan", "complaints.billing", "repeatContacts", "daysSinceContact",
                        "cancelPages.7d", "paymentFailures.30d", "sentiment.chat.trend")
                .doesNotHaveDuplicates();
        assertThat(spec.features()).filteredOn(f -> f.kind() == FeatureKind.CATEGORICAL)
                .extracting(FeatureSpec.Feature::name)
                .containsExactly("plan", "contract", "valueTier", "paymentMethod");
        assertThat(spec.signals()).contains("negative", "complaints.billing", "repeatContacts",
                "clicks.cancelPages", "clicks.paymentFailures").doesNotContain("contacts.all");
        assertThat(spec.repeatWithinMs()).isEqualTo(14 * 86_400_000L);
        assertThat(spec.repeatCounts("billing")).isTrue();
        assertThat(spec.repeatCounts("praise")).as("not a problem topic").isFalse();
        assertThat(new FeatureExtractor(spec, WINDOWS).names()).hasSize(spec.features().size());
        new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(spec); // shipped inside a Flink function
    }

    @Test
    void aSpecLoadsFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my-features.yaml");
        Files.writeString(file, "repeatContacts: {withinDays: 3}\n"
                + "clickSignals:\n  refunds:\n    - {pages: ['/refund.*'], types: [page_view]}\n"
                + "features:\n"
                + "  - {name: region, kind: categorical, source: profile.attributes.region}\n"
                + "  - {name: refunds, kind: numeric, source: clicks.refunds.7d}\n");

        FeatureSpec spec = FeatureSpec.load(file.toString());

        assertThat(spec.features()).containsExactly(
                new FeatureSpec.Feature("region", FeatureKind.CATEGORICAL, "profile.attributes.region"),
                new FeatureSpec.Feature("refunds", FeatureKind.NUMERIC, "clicks.refunds.7d"));
        assertThat(spec.repeatWithinMs()).isEqualTo(3 * 86_400_000L);
        assertThat(spec.repeatCounts("praise")).as("no topic list: every topic").isTrue();
        ClickSignal refunds = spec.clickSignals().get("refunds");
        assertThat(refunds.matches(click("page_view", "/refund/status", null))).isTrue();
        assertThat(refunds.matches(click("click", "/refund/status", null))).as("wrong type").isFalse();
        assertThat(refunds.matches(click("page_view", "/account/refund", null))).as("whole path").isFalse();
    }

    @Test
    void clickRulesMatchPagesTypesAndErrorCodeRanges() {
        FeatureSpec spec = parse("clickSignals:\n  serverErrors:\n    - {types: [ERROR], errorCodes: ['500-504', 402]}\n"
                + "features:\n  - {name: e, kind: numeric, source: clicks.serverErrors.7d}\n");
        ClickSignal errors = spec.clickSignals().get("serverErrors");

        assertThat(errors.matches(click("error", "/x", 503))).isTrue();
        assertThat(errors.matches(click("error", "/x", 402))).isTrue();
        assertThat(errors.matches(click("error", "/x", 404))).isFalse();
        assertThat(errors.matches(click("error", "/x", null))).as("no code").isFalse();
        assertThat(errors.matches(click("page_view", "/x", 500))).isFalse();
    }

    @Test
    void unknownSourcesKindsAndKeysAreClearErrors() {
        assertThatThrownBy(() -> parse("features:\n  - {name: x, kind: numeric, source: mood.today}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.yaml").hasMessageContaining("feature 'x'")
                .hasMessageContaining("unknown source 'mood.today'");
        assertThatThrownBy(() -> parse("features:\n  - {name: x, kind: numerical, source: negative.7d}\n"))
                .hasMessageContaining("feature 'x'").hasMessageContaining("unknown kind 'numerical'");
        assertThatThrownBy(() -> parse("features:\n  - {name: x, kind: numeric, source: profile.planName}\n"))
                .hasMessageContaining("unknown profile field 'planName'");
        assertThatThrownBy(() -> parse("features:\n  - {name: x, kind: numeric, source: profile.plan}\n"))
                .hasMessageContaining("must be categorical");
        assertThatThrownBy(() -> parse("features:\n  - {name: x, kind: categorical, source: negative.7d}\n"))
                .hasMessageContaining("must be numeric");
        assertThatThrownBy(() -> parse("features:\n  - {name: x, kind: numeric, source: clicks.nope.7d}\n"))
                .hasMessageContaining("no click signal 'nope'");
        assertThatThrownBy(() -> parse("features:\n  - {name: x, kind: numeric, source: sentiment.click.level}\n"))
                .hasMessageContaining("unknown channel 'click'");
        assertThatThrownBy(() -> parse("features:\n  - {name: x, kind: numeric, source: negative.7d}\n"
                + "  - {name: x, kind: numeric, source: negative.30d}\n")).hasMessageContaining("declared twice");
        assertThatThrownBy(() -> parse("feature:\n  - {name: x, kind: numeric, source: negative.7d}\n"))
                .hasMessageContaining("unknown key 'feature'");
        assertThatThrownBy(() -> parse("features:\n  - {name: x, kind: numeric}\n"))
                .hasMessageContaining("needs name, kind and source");
        assertThatThrownBy(() -> FeatureSpec.load("no/such/features.yaml"))
                .hasMessageContaining("neither a file nor a classpath resource");
    }

    @Test
    void theOutcomeCannotBeAFeature() {
        assertThatThrownBy(() -> parse("features:\n  - {name: x, kind: categorical, source: lastOutcome}\n"))
                .hasMessageContaining("would leak");
    }

    @Test
    void windowsMustBeOnesTheStateKeeps() {
        FeatureSpec spec = parse("features:\n  - {name: x, kind: numeric, source: negative.90d}\n");

        assertThatThrownBy(() -> new FeatureExtractor(spec, WINDOWS))
                .hasMessageContaining("feature 'x'").hasMessageContaining("unknown window '90d'");
    }

    @Test
    void theFingerprintFollowsNamesKindsAndSourcesNotFormatting() {
        FeatureSpec spec = parse("features:\n  - {name: x, kind: numeric, source: negative.30d}\n");
        assertThat(parse("# a comment\nfeatures:\n  - name: x\n    kind: numeric\n    source: negative.30d\n").fingerprint())
                .isEqualTo(spec.fingerprint());
        assertThat(parse("features:\n  - {name: x, kind: numeric, source: negative.7d}\n").fingerprint())
                .as("another source").isNotEqualTo(spec.fingerprint());
        assertThat(parse("features:\n  - {name: y, kind: numeric, source: negative.30d}\n").fingerprint())
                .as("another name").isNotEqualTo(spec.fingerprint());
        assertThat(FeatureSpec.loadDefault().fingerprint()).isEqualTo(FeatureSpec.loadDefault().fingerprint());
    }

    private static FeatureSpec parse(String yaml) {
        return FeatureSpec.parse(yaml, "test.yaml");
    }

    private static Interaction click(String kind, String page, Integer errorCode) {
        return Interaction.newBuilder().setInteractionId("i").setCustomerId("C").setChannel(Channel.CLICK)
                .setKind(kind).setTimestamp(1).setPage(page).setErrorCode(errorCode).build();
    }
}
