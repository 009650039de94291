package vigil.operators.features;

import org.junit.jupiter.api.Test;
import vigil.schemas.CustomerState;
import vigil.schemas.Profile;
import vigil.schemas.ValueTier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureExtractorTest {
    private static final List<String> WINDOWS = List.of("1d", "7d", "30d");
    private final FeatureExtractor extractor = new FeatureExtractor(FeatureSpec.loadDefault(), WINDOWS);

    @Test
    void whatIsNotKnownYetIsNullAndCountsOfNothingAreZero() {
        Map<String, Object> features = extractor.extract(emptyState());

        assertThat(features.keySet()).containsExactlyElementsOf(extractor.names());
        assertThat(features).containsEntry("tenureMonths", null).containsEntry("plan", null)
                .containsEntry("paymentMethod", null).containsEntry("sentiment", null)
                .containsEntry("sentiment.chat", null).containsEntry("sentiment.chat.trend", null)
                .containsEntry("daysSinceContact", null);
        assertThat(features).containsEntry("negative.7d", 0.0).containsEntry("complaints.billing", 0.0)
                .containsEntry("contacts.30d", 0.0).containsEntry("cancelPages.7d", 0.0);
    }

    @Test
    void profileFieldsAreDoublesOrStringsAndAttributesFollowTheirKind() {
        CustomerState state = emptyState();
        Map<String, String> attributes = new HashMap<>(Map.of("paymentMethod", "card", "lines", "3", "region", "north"));
        state.setProfile(Profile.newBuilder().setTenureMonths(7).setPlan("Fiber 500").setMonthlyCharges(49.5)
                .setValueTier(ValueTier.HIGH).setAttributes(attributes).build());
        FeatureSpec spec = FeatureSpec.parse("features:\n"
                + "  - {name: lines, kind: numeric, source: profile.attributes.lines}\n"
                + "  - {name: regionNumber, kind: numeric, source: profile.attributes.region}\n"
                + "  - {name: tenureBand, kind: categorical, source: profile.tenureMonths}\n", "t");

        Map<String, Object> shipped = extractor.extract(state);
        Map<String, Object> custom = new FeatureExtractor(spec, WINDOWS).extract(state);

        assertThat(shipped).containsEntry("tenureMonths", 7.0).containsEntry("plan", "Fiber 500")
                .containsEntry("monthlyCharges", 49.5).containsEntry("valueTier", "HIGH")
                .containsEntry("paymentMethod", "card")
                .as("a field the profile lacks").containsEntry("contract", null);
        assertThat(custom).containsEntry("lines", 3.0).as("not a number").containsEntry("regionNumber", null)
                .containsEntry("tenureBand", "7");
    }

    private static CustomerState emptyState() {
        return CustomerState.newBuilder().setUpdatedAt(0).setActivity(new ArrayList<>())
                .setChannelSentiment(new ArrayList<>()).setSignals(new HashMap<>()).setTopicContacts(new ArrayList<>())
                .build();
    }
}
