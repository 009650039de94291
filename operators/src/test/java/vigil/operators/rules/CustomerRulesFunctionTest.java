package vigil.operators.rules;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vigil.operators.testing.Harnesses;
import vigil.schemas.Alert;
import vigil.schemas.AlertStatus;
import vigil.schemas.Channel;
import vigil.schemas.ControlMessage;
import vigil.schemas.Party;
import vigil.schemas.RuleAction;
import vigil.schemas.RuleInput;
import vigil.schemas.RuleStatus;
import vigil.schemas.Severity;
import vigil.schemas.ValueTier;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.operators.rules.RuleInputsForTests.DAY;
import static vigil.operators.rules.RuleInputsForTests.MIN;
import static vigil.operators.rules.RuleInputsForTests.T0;
import static vigil.operators.rules.RuleInputsForTests.callEnded;
import static vigil.operators.rules.RuleInputsForTests.chat;
import static vigil.operators.rules.RuleInputsForTests.click;
import static vigil.operators.rules.RuleInputsForTests.delete;
import static vigil.operators.rules.RuleInputsForTests.erased;
import static vigil.operators.rules.RuleInputsForTests.pause;
import static vigil.operators.rules.RuleInputsForTests.risk;
import static vigil.operators.rules.RuleInputsForTests.rule;
import static vigil.operators.rules.RuleInputsForTests.segment;
import static vigil.operators.rules.RuleInputsForTests.upsert;

class CustomerRulesFunctionTest {
    private static final String CHURN = "{\"type\":\"churnRiskAbove\",\"threshold\":0.6,\"valueTier\":\"HIGH\"}";
    private static final String CANCEL_PHRASE =
            "{\"type\":\"phrase\",\"phrases\":[\"cancel my contract\"],\"by\":\"CUSTOMER\",\"window\":{\"first\":30}}";

    private KeyedBroadcastOperatorTestHarness<String, RuleInput, ControlMessage, Alert> harness;
    private CustomerRulesFunction function;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    // --- rule lifecycle through broadcast state -------------------------------------------------

    @Test
    void rulesAreAddedUpdatedPausedResumedAndDeletedWithAStatusForEachMessage() throws Exception {
        harness = open(settings(), null, false);
        broadcast(upsert("m1", rule("risk", CHURN)));
        feed(risk("C1", T0, 0.4, ValueTier.HIGH));
        feed(risk("C1", T0 + 1, 0.7, ValueTier.HIGH));
        assertThat(alerts()).hasSize(1);

        broadcast(upsert("m2", rule("risk", CHURN.replace("0.6", "0.8"))));
        feed(risk("C2", T0, 0.7, ValueTier.HIGH));
        assertThat(alerts()).as("0.7 is not above the updated 0.8").hasSize(1);

        broadcast(pause("m3", "risk"));
        feed(risk("C3", T0, 0.9, ValueTier.HIGH));
        assertThat(alerts()).as("paused").hasSize(1);

        broadcast(pause("m4", "{\"ruleId\":\"risk\",\"paused\":false}"));
        feed(risk("C4", T0, 0.9, ValueTier.HIGH));
        assertThat(alerts()).as("resumed").hasSize(2);

        broadcast(delete("m5", "risk"));
        feed(risk("C5", T0, 0.9, ValueTier.HIGH));
        assertThat(alerts()).as("deleted").hasSize(2);
        assertThat(harness.getBroadcastState(RuleDescriptors.RULES).get("risk").getDefinition()).isNull();

        broadcast(upsert("m6", rule("risk", CHURN)));
        assertThat(statuses()).extracting(RuleStatus::getMessageId, RuleStatus::getAction, RuleStatus::getAccepted,
                        RuleStatus::getVersion)
                .containsExactly(
                        tuple("m1", RuleAction.ADD, true, 1), tuple("m2", RuleAction.UPDATE, true, 2),
                        tuple("m3", RuleAction.PAUSE, true, 2), tuple("m4", RuleAction.RESUME, true, 2),
                        tuple("m5", RuleAction.DELETE, true, 2), tuple("m6", RuleAction.ADD, true, 3));
        assertThat(statuses().get(0).getReason()).isEqualTo("added: risk (HIGH): churnRiskAbove 0.60 (HIGH)");
        assertThat(statuses().get(0).getRuleId()).isEqualTo("risk");
        assertThat(statuses().get(0).getAt()).isEqualTo(T0);
        assertThat(function.metrics().accepted.getCount()).isEqualTo(6);
        assertThat(function.metrics().activeCount()).isEqualTo(1);
    }

    @Test
    void anInvalidRuleIsRejectedWithItsReasonAndTheOldVersionStays() throws Exception {
        harness = open(settings(), null, false);
        broadcast(upsert("m1", rule("risk", CHURN)));
        broadcast(upsert("m2", rule("risk", "{\"type\":\"churnRiskAbove\",\"threshold\":2}")));
        broadcast(upsert("m3", "{not json"));
        broadcast(pause("m4", "nope"));
        broadcast(delete("m5", "{\"ruleId\":\"risk\",\"force\":true}"));

        List<RuleStatus> statuses = statuses();
        assertThat(statuses).extracting(RuleStatus::getAccepted).containsExactly(true, false, false, false, false);
        assertThat(statuses.get(1).getReason())
                .isEqualTo("rule 'risk': field 'threshold' in 'when' must be between 0 and 1, got 2; version 1 stays in force");
        assertThat(statuses.get(1).getVersion()).isEqualTo(1);
        assertThat(statuses.get(2).getRuleId()).isNull();
        assertThat(statuses.get(2).getReason()).startsWith("the rule is not valid JSON");
        assertThat(statuses.get(3).getReason()).isEqualTo("no rule 'nope'");
        assertThat(statuses.get(4).getReason()).contains("unknown field 'force'");
        assertThat(function.metrics().rejected.getCount()).isEqualTo(4);

        feed(risk("C1", T0, 0.7, ValueTier.HIGH));
        assertThat(alerts()).as("the old rule still works").hasSize(1);
    }

    @Test
    void onlySubtaskZeroReportsStatusButEverySubtaskAppliesTheRule() throws Exception {
        harness = open(settings(), null, false, 2, 1);
        String customer = Stream.of("C1", "C2", "C3", "C4", "C5", "C6")
                .filter(c -> KeyGroupRangeAssignment.assignKeyToParallelOperator(c, 128, 2) == 1).findFirst().orElseThrow();
        broadcast(upsert("m1", rule("risk", CHURN)));
        feed(risk(customer, T0, 0.7, ValueTier.HIGH));

        assertThat(statuses()).isEmpty();
        assertThat(alerts()).hasSize(1);
    }

    @Test
    void initialRulesApplyFromTheStartAndCanBeDeleted() throws Exception {
        RuleSettings settings = new RuleSettings(30 * MIN, 30 * DAY, 4 * 60 * MIN, RuleSettings.DEFAULT_CANCEL_PAGES,
                List.of(rule("risk", CHURN)));
        harness = open(settings, null, false);
        feed(risk("C1", T0, 0.7, ValueTier.HIGH));
        broadcast(delete("m1", "risk"));
        feed(risk("C2", T0, 0.7, ValueTier.HIGH));

        assertThat(alerts()).hasSize(1);
        assertThat(statuses()).singleElement().satisfies(s -> assertThat(s.getVersion()).isEqualTo(1));
    }

    // --- conditions -------------------------------------------------------------------------------

    @Test
    void churnRiskFiresOnTheCrossingOnlyAndOnlyForTheTier() throws Exception {
        harness = open(settings(), null, false);
        broadcast(upsert("m", rule("risk", CHURN)));
        feed(risk("C1", T0, 0.4, ValueTier.HIGH));
        feed(risk("C1", T0 + DAY, 0.7, ValueTier.HIGH));   // crosses
        feed(risk("C1", T0 + 2 * DAY, 0.8, ValueTier.HIGH)); // stays above
        feed(risk("C2", T0, 0.9, ValueTier.MEDIUM));       // other tier

        Alert alert = alerts().get(0);
        assertThat(alerts()).hasSize(1);
        assertThat(alert.getAlertId()).isEqualTo("rule:risk:C1:" + (T0 + DAY));
        assertThat(alert.getStatus()).isEqualTo(AlertStatus.OPENED);
        assertThat(alert.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(alert.getDetector()).isEqualTo("risk");
        assertThat(alert.getCustomerId()).isEqualTo("C1");
        assertThat(alert.getReason()).isEqualTo("Rule risk: churn risk rose to 0.70 from 0.40, above 0.60 for a HIGH-tier customer");
        assertThat(alert.getEvidence()).singleElement().asString().contains("churn risk 0.70 (was 0.40)");
        assertThat(function.metrics().evaluations("risk").getCount()).isEqualTo(3);
        assertThat(function.metrics().matches("risk").getCount()).isEqualTo(1);
    }

    @Test
    void aPhraseSaidByTheCustomerInTheFirstSecondsFiresAtOnce() throws Exception {
        harness = open(settings(), null, false);
        broadcast(upsert("m", rule("cancel-words", CANCEL_PHRASE)));
        feed(segment("C1", "k1", T0, 5, Party.AGENT, "Do you want to cancel my contract?", 0));      // the agent
        feed(segment("C1", "k1", T0, 12, Party.CUSTOMER, "Yes, I want to CANCEL my contract!", -0.5));
        feed(segment("C1", "k1", T0, 20, Party.CUSTOMER, "cancel my contract, I said", -0.5));     // same call again
        feed(segment("C2", "k2", T0, 45, Party.CUSTOMER, "please cancel my contract", -0.5));      // too late

        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.getCustomerId()).isEqualTo("C1");
            assertThat(a.getReason()).isEqualTo(
                    "Rule cancel-words: CUSTOMER said \"cancel my contract\" 12 s into CALL k1 (within the first 30 s)");
            assertThat(a.getEvidence()).containsExactly("CALL C1-CALL-" + (T0 + 12_000) + " at 12 s: Yes, I want to CANCEL my contract!");
            assertThat(a.getSources()).containsExactly(Channel.CALL);
        });
    }

    @Test
    void aPhraseNotSaidInTheLastSecondsFiresWhenTheCallEnds() throws Exception {
        harness = open(settings(), null, false);
        broadcast(upsert("m", rule("closing", "{\"type\":\"phrase\",\"phrases\":[\"anything else\"],\"said\":false,"
                + "\"by\":\"AGENT\",\"window\":{\"last\":60}}")));
        feed(segment("C1", "k1", T0, 250, Party.AGENT, "Is there anything else I can do?", 0));
        feed(callEnded("C1", "k1", T0, 300));
        feed(segment("C2", "k2", T0, 100, Party.AGENT, "Anything else?", 0));             // too early
        feed(segment("C2", "k2", T0, 280, Party.CUSTOMER, "anything else you want?", 0));  // not the agent
        assertThat(alerts()).isEmpty();
        feed(callEnded("C2", "k2", T0, 300));

        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.getCustomerId()).isEqualTo("C2");
            assertThat(a.getReason()).isEqualTo("Rule closing: AGENT did not say \"anything else\" in the last 60 s of CALL k2 (300 s long)");
            assertThat(a.getEvidence()).containsExactly("CALL C2-CALL-" + (T0 + 300_000) + " at 300 s");
        });
    }

    @Test
    void aPhraseSaidInTheLastSecondsAndOneNotSaidInTheFirstAreDecidedAtTheEnd() throws Exception {
        harness = open(settings(), null, false);
        broadcast(upsert("m1", rule("late-cancel", "{\"type\":\"phrase\",\"phrases\":[\"cancel\"],"
                + "\"by\":\"CUSTOMER\",\"window\":{\"last\":30}}")));
        broadcast(upsert("m2", rule("no-greeting", "{\"type\":\"phrase\",\"phrases\":[\"thank you for calling\"],"
                + "\"said\":false,\"by\":\"AGENT\",\"window\":{\"first\":20},\"channels\":[\"CALL\",\"CHAT\"]}")));
        feed(segment("C1", "k1", T0, 5, Party.AGENT, "Thank you for calling!", 0));
        feed(segment("C1", "k1", T0, 100, Party.CUSTOMER, "then I will cancel", -0.5));   // not in the last 30 s
        feed(callEnded("C1", "k1", T0, 200));
        assertThat(alerts()).isEmpty();
        feed(segment("C2", "k2", T0, 40, Party.AGENT, "thank you for calling", 0));        // too late
        feed(segment("C2", "k2", T0, 190, Party.CUSTOMER, "I will cancel", -0.5));
        assertThat(alerts()).as("decided at the end").isEmpty();
        feed(callEnded("C2", "k2", T0, 200));

        assertThat(alerts()).extracting(Alert::getDetector).containsExactly("late-cancel", "no-greeting");
        assertThat(alerts().get(0).getReason()).isEqualTo("Rule late-cancel: CUSTOMER said \"cancel\" in the last 30 s of CALL k2");
        assertThat(alerts().get(0).getEvidence()).singleElement().asString().contains("at 190 s: I will cancel");
        assertThat(alerts().get(1).getReason())
                .isEqualTo("Rule no-greeting: AGENT did not say \"thank you for calling\" in the first 20 s of CALL k2 (200 s long)");
        assertThat(keys(RuleDescriptors.CUSTOMER)).as("ended calls are forgotten; only C2's cool-down is kept").isEqualTo(1);
    }

    @Test
    void sentimentBelowForTurnsNeedsConsecutiveTurnsAndFiresOncePerRun() throws Exception {
        harness = open(settings(), null, false);
        broadcast(upsert("m", rule("sour", "{\"type\":\"sentimentBelow\",\"threshold\":-0.4,\"forTurns\":3}")));
        feed(segment("C1", "k1", T0, 10, Party.CUSTOMER, "bad", -0.6));
        feed(segment("C1", "k1", T0, 20, Party.CUSTOMER, "worse", -0.7));
        feed(segment("C1", "k1", T0, 25, Party.AGENT, "sorry", -0.9));     // agents do not count
        feed(segment("C1", "k1", T0, 30, Party.CUSTOMER, "fine", 0.1));    // breaks the run
        feed(segment("C1", "k1", T0, 40, Party.CUSTOMER, "bad", -0.6));
        feed(segment("C1", "k1", T0, 50, Party.CUSTOMER, "bad", -0.6));
        assertThat(alerts()).isEmpty();
        feed(segment("C1", "k1", T0, 60, Party.CUSTOMER, "awful", -0.8));
        feed(segment("C1", "k1", T0, 70, Party.CUSTOMER, "awful", -0.8));

        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.getReason()).isEqualTo("Rule sour: customer sentiment below -0.40 for 3 customer turns in CALL k1 (latest -0.80)");
            assertThat(a.getEvidence()).hasSize(3).first().asString().endsWith(": awful");
        });
    }

    @Test
    void runsAndCallsEndOnRocksDbWhereStateListsComeBackAsAvroArrays() throws Exception {
        harness = open(settings(), null, true);
        broadcast(upsert("m1", rule("sour", "{\"type\":\"sentimentBelow\",\"threshold\":-0.4,\"forTurns\":2}")));
        broadcast(upsert("m2", rule("late-cancel", "{\"type\":\"phrase\",\"phrases\":[\"cancel\"],"
                + "\"by\":\"CUSTOMER\",\"window\":{\"last\":30}}")));
        feed(segment("C1", "k1", T0, 10, Party.CUSTOMER, "bad", -0.6));
        feed(segment("C1", "k1", T0, 20, Party.CUSTOMER, "fine", 0.1));     // a run ends: removed from state
        feed(segment("C1", "k1", T0, 30, Party.CUSTOMER, "bad", -0.6));
        feed(segment("C1", "k1", T0, 40, Party.CUSTOMER, "I will cancel", -0.7));
        feed(callEnded("C1", "k1", T0, 50));                                  // the call is removed from state

        assertThat(alerts()).extracting(Alert::getDetector).containsExactlyInAnyOrder("sour", "late-cancel");
        feed(segment("C1", "k2", T0 + 100_000, 10, Party.CUSTOMER, "hello", 0.2));
        assertThat(alerts()).hasSize(2);
    }

    @Test
    void sentimentBelowForSecondsOnAChat() throws Exception {
        harness = open(settings(), null, false);
        broadcast(upsert("m", rule("sour-chat", "{\"type\":\"sentimentBelow\",\"threshold\":-0.4,\"forSeconds\":60}")));
        feed(chat("C1", "v1", T0, -0.5, "meh"));
        feed(chat("C1", "v1", T0 + 30_000, -0.5, "meh"));
        assertThat(alerts()).isEmpty();
        feed(chat("C1", "v1", T0 + 61_000, -0.5, "meh"));

        assertThat(alerts()).singleElement().satisfies(a -> assertThat(a.getReason()).contains("for 61 s (3 customer turns) in CHAT v1"));
    }

    @Test
    void repeatContactAboutTheSameTopicWithinTheWindow() throws Exception {
        harness = open(settings(), null, false);
        broadcast(upsert("m", rule("again", "{\"type\":\"repeatContact\",\"topic\":\"billing\",\"withinDays\":7}")));
        feed(segment("C1", "k1", T0, 10, Party.CUSTOMER, "charged twice", -0.5, "billing"));
        feed(segment("C1", "k1", T0, 20, Party.CUSTOMER, "charged twice again", -0.5, "billing")); // same call
        feed(chat("C1", "v1", T0 + 3 * DAY, -0.5, "still charged twice", "billing"));
        feed(chat("C2", "v2", T0, -0.5, "charged twice", "billing"));
        feed(chat("C2", "v3", T0 + 10 * DAY, -0.5, "charged twice", "billing"));                 // too late
        feed(chat("C3", "v4", T0, -0.5, "no signal", "outage"));
        feed(chat("C3", "v5", T0 + DAY, -0.5, "charged twice", "billing"));                      // other topic before

        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.getCustomerId()).isEqualTo("C1");
            assertThat(a.getTopic()).isEqualTo("billing");
            assertThat(a.getSources()).containsExactly(Channel.CALL, Channel.CHAT);
            assertThat(a.getReason()).isEqualTo("Rule again: contacted again about billing within 7.0 days: CHAT now, CALL 3.0 days earlier");
            assertThat(a.getEvidence()).hasSize(2);
            assertThat(a.getEvidence().get(1)).contains("charged twice again");
        });
    }

    @Test
    void cancelPageAfterANegativeCallInEitherArrivalOrder() throws Exception {
        harness = open(settings(), null, false);
        broadcast(upsert("m", rule("cancel-after-bad-call", "{\"type\":\"cancelPageAfterNegativeCall\",\"withinMinutes\":60}")));
        feed(segment("C1", "k1", T0, 10, Party.CUSTOMER, "this is useless", -0.7));
        feed(click("C1", T0 + 20 * MIN, "page_view", "/account/cancel"));
        feed(segment("C2", "k2", T0, 10, Party.CUSTOMER, "this is useless", -0.7));
        feed(click("C2", T0 + 90 * MIN, "page_view", "/account/cancel"));            // too late
        feed(segment("C3", "k3", T0, 10, Party.CUSTOMER, "all good", 0.6));
        feed(click("C3", T0 + 5 * MIN, "cancel_step", "/account/contract"));         // the call was not negative
        feed(click("C4", T0 + 5 * MIN, "page_view", "/account/downgrade"));          // the visit arrives first
        feed(segment("C4", "k4", T0, 10, Party.CUSTOMER, "this is useless", -0.7));

        assertThat(alerts()).extracting(Alert::getCustomerId).containsExactly("C1", "C4");
        assertThat(alerts().get(0).getReason())
                .isEqualTo("Rule cancel-after-bad-call: visited a cancel page (page_view /account/cancel) 19 min after a negative call (CALL k1)");
        assertThat(alerts().get(0).getEvidence()).hasSize(2);
        assertThat(alerts().get(0).getSources()).containsExactly(Channel.CALL, Channel.CLICK);
    }

    @Test
    void aRuleAlertsOncePerCustomerWithinTheCoolDown() throws Exception {
        harness = open(settings(), null, false);
        broadcast(upsert("m", rule("risk", "{\"type\":\"churnRiskAbove\",\"threshold\":0.6}")));
        feed(risk("C1", T0, 0.7, null));
        feed(risk("C1", T0 + MIN, 0.5, null));
        feed(risk("C1", T0 + 2 * MIN, 0.7, null));          // crosses again within 30 min
        feed(risk("C1", T0 + 40 * MIN, 0.5, null));
        feed(risk("C1", T0 + 41 * MIN, 0.7, null));         // after the cool-down

        assertThat(alerts()).extracting(Alert::getOpenedAt).containsExactly(T0, T0 + 41 * MIN);
        assertThat(function.metrics().suppressed.getCount()).isEqualTo(1);
        assertThat(function.metrics().matches("risk").getCount()).isEqualTo(3);
    }

    // --- state: nothing without rules, snapshot, expiry, erasure ------------------------------------

    @Test
    void withoutActiveRulesNothingIsKept() throws Exception {
        harness = open(settings(), null, false);
        feed(risk("C1", T0, 0.7, ValueTier.HIGH));
        feed(segment("C1", "k1", T0, 10, Party.CUSTOMER, "bad", -0.6, "billing"));

        assertThat(keys(RuleDescriptors.CUSTOMER)).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void rulesAndPerCustomerStateSurviveSnapshotAndRestoreOnRocksDb() throws Exception {
        harness = open(settings(), null, true);
        broadcast(upsert("m1", rule("sour", "{\"type\":\"sentimentBelow\",\"threshold\":-0.4,\"forTurns\":3}")));
        broadcast(upsert("m2", rule("risk", CHURN)));
        broadcast(pause("m3", "risk"));
        feed(segment("C1", "k1", T0, 10, Party.CUSTOMER, "bad", -0.6));
        feed(segment("C1", "k1", T0, 20, Party.CUSTOMER, "bad", -0.6));
        OperatorSubtaskState snapshot = harness.snapshot(1L, T0);
        harness.close();

        harness = open(settings(), snapshot, true);
        feed(segment("C1", "k1", T0, 30, Party.CUSTOMER, "bad", -0.6));
        feed(risk("C2", T0, 0.9, ValueTier.HIGH));
        broadcast(pause("m4", "{\"ruleId\":\"risk\",\"paused\":false}"));

        assertThat(alerts()).as("the run of two turns was restored; the paused rule stayed paused")
                .singleElement().satisfies(a -> assertThat(a.getDetector()).isEqualTo("sour"));
        assertThat(statuses()).singleElement().satisfies(s -> {
            assertThat(s.getAction()).isEqualTo(RuleAction.RESUME);
            assertThat(s.getVersion()).as("restored version").isEqualTo(1);
        });
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }

    @Test
    void stateExpiresByTimerAfterTheRetention() throws Exception {
        harness = open(settings(), null, false);
        broadcast(upsert("m", rule("again", "{\"type\":\"repeatContact\",\"topic\":\"billing\",\"withinDays\":7}")));
        feed(chat("C1", "v1", T0, -0.5, "charged twice", "billing"));
        feed(chat("C1", "v2", T0 + DAY, -0.5, "hello", "praise"));
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        watermark(T0 + 30 * DAY);       // the first timer: moved to the latest event's due time
        assertThat(keys(RuleDescriptors.CUSTOMER)).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        watermark(T0 + 31 * DAY);

        assertThat(keys(RuleDescriptors.CUSTOMER)).isZero();
        assertThat(keys(RuleDescriptors.EXPIRY)).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void erasureFromEitherPathLeavesNoStateAndNoTimers() throws Exception {
        harness = open(settings(), null, false);
        broadcast(upsert("m1", rule("again", "{\"type\":\"repeatContact\",\"topic\":\"billing\",\"withinDays\":7}")));
        broadcast(upsert("m2", rule("risk", CHURN)));
        feed(chat("C1", "v1", T0, -0.5, "charged twice", "billing"));
        feed(risk("C1", T0, 0.5, ValueTier.HIGH));
        feed(chat("C2", "v2", T0, -0.5, "charged twice", "billing"));
        assertThat(keys(RuleDescriptors.CUSTOMER)).isEqualTo(2);

        feed(erased("C1", T0 + 1));
        feed(erased("C2", T0 + 1));

        assertThat(keys(RuleDescriptors.CUSTOMER)).isZero();
        assertThat(keys(RuleDescriptors.EXPIRY)).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        feed(chat("C1", "v3", T0 + 2, -0.5, "charged twice", "billing"));
        assertThat(alerts()).as("the erased contact is not remembered").isEmpty();
    }

    // --- plumbing -------------------------------------------------------------------------------

    private static RuleSettings settings() {
        return new RuleSettings(30 * MIN, 30 * DAY, 4 * 60 * MIN, RuleSettings.DEFAULT_CANCEL_PAGES, List.of());
    }

    private KeyedBroadcastOperatorTestHarness<String, RuleInput, ControlMessage, Alert> open(
            RuleSettings settings, OperatorSubtaskState restoreFrom, boolean rocksDb) throws Exception {
        return open(settings, restoreFrom, rocksDb, 1, 0);
    }

    private KeyedBroadcastOperatorTestHarness<String, RuleInput, ControlMessage, Alert> open(RuleSettings settings,
            OperatorSubtaskState restoreFrom, boolean rocksDb, int parallelism, int subtask) throws Exception {
        function = new CustomerRulesFunction(settings);
        var h = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(function, List.of(RuleDescriptors.RULES)),
                RuleInput::getCustomerId, Types.STRING, 128, parallelism, subtask);
        return Harnesses.start(h, restoreFrom, rocksDb);
    }

    private void broadcast(ControlMessage message) throws Exception {
        harness.processBroadcastElement(message, message.getTimestamp());
    }

    private void feed(RuleInput input) throws Exception {
        harness.processElement(new StreamRecord<>(input, input.getTimestamp()));
    }

    private void watermark(long time) throws Exception {
        harness.processWatermark(time);
        harness.processBroadcastWatermark(time);
    }

    private long keys(String state) {
        KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
        try (Stream<String> keys = backend.getKeys(state, VoidNamespace.INSTANCE)) {
            return keys.count();
        }
    }

    private List<Alert> alerts() {
        return harness.extractOutputValues();
    }

    private List<RuleStatus> statuses() {
        List<RuleStatus> out = new ArrayList<>();
        var side = harness.getSideOutput(RuleDescriptors.RULE_STATUS);
        if (side != null) {
            side.forEach(r -> out.add(r.getValue()));
        }
        return out;
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
