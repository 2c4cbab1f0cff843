package dev.orderflow.local.faults;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The plan at work: outage windows in time, the proxy rules' verdicts, and the counters. */
class FaultsTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static FaultProxy.Request request(String target, String body) {
        return new FaultProxy.Request("POST", "/", Map.of("X-Amz-Target", List.of(target)),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void outageWindows_openEvery10Seconds_forRateTimes5Seconds_alternatingRefusalAndThrottling() {
        ManualClock clock = new ManualClock();
        Faults faults = new Faults(FaultPlan.of(0.2, 5).only(Fault.DYNAMODB_OUTAGE), clock);
        FaultProxy.Rule dynamoDb = faults.dynamoDb();
        List<Long> windows = new ArrayList<>();
        List<FaultProxy.Verdict> verdicts = new ArrayList<>();
        int inOutage = 0;

        for (int step = 0; step < 300; step++) { // 30 s in steps of 100 ms
            Optional<Long> window = faults.outageNow();
            if (window.isPresent()) {
                inOutage++;
                if (windows.isEmpty() || !windows.getLast().equals(window.get())) {
                    windows.add(window.get());
                    verdicts.add(dynamoDb.judge(request("DynamoDB_20120810.PutItem", "{}")));
                }
            }
            clock.advance(Duration.ofMillis(100));
        }

        assertThat(windows).containsExactly(0L, 1L, 2L);
        assertThat(inOutage).as("3 windows of 1 s").isEqualTo(30);
        assertThat(verdicts.get(0)).isEqualTo(FaultProxy.Verdict.DROP);
        assertThat(verdicts.get(1)).isInstanceOfSatisfying(FaultProxy.Verdict.Answer.class, answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("ThrottlingException");
        });
        assertThat(faults.injected(Fault.DYNAMODB_OUTAGE)).isEqualTo(3);
    }

    @Test
    void anOffPlan_neverOpensAnOutage_andForwardsEverything() {
        ManualClock clock = new ManualClock();
        Faults faults = new Faults(FaultPlan.none(), clock);

        for (int step = 0; step < 100; step++) {
            assertThat(faults.outageNow()).isEmpty();
            assertThat(faults.dynamoDb().judge(request("DynamoDB_20120810.GetItem", "{}")))
                    .isEqualTo(FaultProxy.Verdict.FORWARD);
            clock.advance(Duration.ofMillis(500));
        }
        assertThat(faults.injected().values()).containsOnly(0L);
    }

    @Test
    void startExecution_poisonMessagesAreRefusedEveryTime_otherOperationsPassUntouched() {
        FaultPlan plan = FaultPlan.of(1, 1).only(Fault.POISON_MESSAGE);
        Faults faults = new Faults(plan, Clock.systemUTC());
        FaultProxy.Rule rule = faults.startExecution();
        String poisoned = IntStream.range(0, 10_000).mapToObj(i -> "c-order-" + i)
                .filter(name -> plan.strikes(Fault.POISON_MESSAGE, name)).findFirst().orElseThrow();
        String healthy = IntStream.range(0, 10_000).mapToObj(i -> "c-order-" + i)
                .filter(name -> !plan.strikes(Fault.POISON_MESSAGE, name)).findFirst().orElseThrow();

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(rule.judge(request("AWSStepFunctions.StartExecution", "{\"name\": \"" + poisoned + "\"}")))
                    .isInstanceOfSatisfying(FaultProxy.Verdict.Answer.class, answer -> {
                        assertThat(answer.status()).isEqualTo(400);
                        assertThat(answer.body()).contains("\"__type\":\"InvalidExecutionInput\"");
                    });
        }
        assertThat(rule.judge(request("AWSStepFunctions.StartExecution", "{\"name\": \"" + healthy + "\"}")))
                .isEqualTo(FaultProxy.Verdict.FORWARD);
        assertThat(rule.judge(request("AWSStepFunctions.DescribeExecution", "{}"))).isEqualTo(FaultProxy.Verdict.FORWARD);
        assertThat(faults.injected(Fault.POISON_MESSAGE)).isEqualTo(5);
    }

    @Test
    void startExecution_throttlesTheFirstStartOfItsShareOfExecutions_asStepFunctionsThrottlingException() {
        Faults faults = new Faults(FaultPlan.of(1, 1).only(Fault.START_THROTTLE), Clock.systemUTC());
        var rule = faults.startExecution();
        List<FaultProxy.Verdict> firstStarts = new ArrayList<>();
        List<FaultProxy.Verdict> retries = new ArrayList<>();

        for (int i = 0; i < 2_000; i++) {
            String start = "{\"name\": \"execution-" + i + "\"}";
            firstStarts.add(rule.judge(request("AWSStepFunctions.StartExecution", start)));
            retries.add(rule.judge(request("AWSStepFunctions.StartExecution", start)));
        }

        List<FaultProxy.Verdict> throttled = firstStarts.stream().filter(v -> v != FaultProxy.Verdict.FORWARD).toList();
        assertThat(throttled.size() / 2_000.0).isCloseTo(Fault.START_THROTTLE.probability(1), within(0.04));
        assertThat(retries).allSatisfy(verdict -> assertThat(verdict).isEqualTo(FaultProxy.Verdict.FORWARD));
        assertThat(throttled).allSatisfy(verdict -> assertThat(verdict).isInstanceOfSatisfying(
                FaultProxy.Verdict.Answer.class, answer -> {
                    assertThat(answer.status()).isEqualTo(400);
                    assertThat(answer.body()).contains("\"__type\":\"ThrottlingException\"");
                    assertThat(answer.contentType()).isEqualTo("application/x-amz-json-1.0");
                }));
        assertThat(faults.injected(Fault.START_THROTTLE)).isEqualTo(throttled.size());
    }

    @Test
    void dynamoDb_requestFaults_comeAtTheirShares_asThrottlingErrorsAndDroppedConnections() {
        Faults faults = new Faults(FaultPlan.of(0.4, 9).only(Fault.DYNAMODB_THROTTLE, Fault.DYNAMODB_ERROR,
                Fault.DYNAMODB_RESET), Clock.systemUTC());
        int forwarded = 0;
        for (int i = 0; i < 4_000; i++) {
            FaultProxy.Verdict verdict = faults.dynamoDb().judge(request("DynamoDB_20120810.PutItem", "{}"));
            if (verdict == FaultProxy.Verdict.FORWARD) {
                forwarded++;
            } else if (verdict instanceof FaultProxy.Verdict.Answer answer) {
                assertThat(answer.status()).isIn(400, 500);
            }
        }

        assertThat(faults.injected(Fault.DYNAMODB_THROTTLE) / 4_000.0).isCloseTo(0.1, within(0.02));
        assertThat(faults.injected(Fault.DYNAMODB_ERROR) + faults.injected(Fault.DYNAMODB_RESET)).isPositive();
        assertThat(forwarded + faults.injected(Fault.DYNAMODB_THROTTLE) + faults.injected(Fault.DYNAMODB_ERROR)
                + faults.injected(Fault.DYNAMODB_RESET)).isEqualTo(4_000);
    }
}
