package dev.orderflow.local.faults;

import dev.orderflow.local.states.lambda.FunctionError;
import dev.orderflow.local.states.lambda.LambdaFunction;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FaultyFunctionTest {

    private static byte[] record(String orderId) {
        return ("{\"action\": \"RECORD\", \"change\": {\"orderId\": \"" + orderId
                + "\", \"userId\": \"alice\", \"kind\": \"CREATE\"}}").getBytes(StandardCharsets.UTF_8);
    }

    /** An order whose first persist-order attempt the plan strikes with {@code fault}. */
    private static byte[] struckOnFirstAttempt(FaultPlan plan, Fault fault) {
        for (int i = 0; i < 10_000; i++) {
            byte[] payload = record("o-" + i);
            FaultyFunction.Step step = FaultyFunction.Step.of(payload);
            String key = fault == Fault.CRASHING_ORDER ? step.order()
                    : FaultyFunction.decisionKey("persist-order", step, 1);
            if (plan.strikes(fault, key)) {
                return payload;
            }
        }
        throw new AssertionError("no order struck by " + fault);
    }
    private static final byte[] OUTPUT = "{\"outcome\": \"RECORDED\"}".getBytes(StandardCharsets.UTF_8);

    private final AtomicInteger calls = new AtomicInteger();
    private final LambdaFunction real = (payload, invocation) -> {
        calls.incrementAndGet();
        return OUTPUT;
    };

    private static LambdaFunction.Invocation invocation(long deadlineMillis) {
        return new LambdaFunction.Invocation("req-1", "persist-order",
                "arn:aws:lambda:us-east-1:000000000000:function:persist-order", deadlineMillis);
    }

    private static LambdaFunction.Invocation invocation() {
        return invocation(System.currentTimeMillis() + 30_000);
    }

    private static Faults faults(FaultPlan plan) {
        return new Faults(plan, Clock.systemUTC());
    }

    @Test
    void anOffPlan_handsBackTheRealFunction() {
        assertThat(Faults.none().function("persist-order", real, true)).isSameAs(real);
    }

    @Test
    void lambdaServiceError_isTheServicesNamedError_andTheFunctionNeverRuns() {
        FaultPlan plan = FaultPlan.of(1, 1).only(Fault.LAMBDA_SERVICE_ERROR);
        Faults faults = faults(plan);
        LambdaFunction function = faults.function("persist-order", real, true);

        FunctionError error = catchThrowableOfType(FunctionError.class, () -> function.invoke(record("o-1"), invocation()));

        assertThat(error.error()).isIn("Lambda.ServiceException", "Lambda.TooManyRequestsException");
        assertThat(error.cause()).contains("Service: AWSLambda");
        assertThat(calls).hasValue(0);
        assertThat(faults.injected(Fault.LAMBDA_SERVICE_ERROR)).isEqualTo(1);
    }

    @Test
    void lambdaTimeout_doesTheWork_thenAnswersOnlyAfterTheDeadline() {
        FaultPlan plan = FaultPlan.of(1, 1).only(Fault.LAMBDA_TIMEOUT);
        Faults faults = faults(plan);
        LambdaFunction function = faults.function("persist-order", real, true);
        byte[] payload = struckOnFirstAttempt(plan, Fault.LAMBDA_TIMEOUT);
        long deadline = System.currentTimeMillis() + 100;

        FunctionError late = catchThrowableOfType(FunctionError.class, () -> function.invoke(payload, invocation(deadline)));

        assertThat(System.currentTimeMillis()).isGreaterThan(deadline);
        assertThat(late.error()).isEqualTo("Sandbox.Timedout");
        assertThat(calls).as("the work was done").hasValue(1);
        assertThat(faults.injected(Fault.LAMBDA_TIMEOUT)).isEqualTo(1);
    }

    @Test
    void lambdaTimeout_endsAtOnce_whenTheRunnerGivesUpOnTheAttempt() throws Exception {
        FaultPlan plan = FaultPlan.of(1, 1).only(Fault.LAMBDA_TIMEOUT);
        LambdaFunction function = faults(plan).function("persist-order", real, true);
        byte[] payload = struckOnFirstAttempt(plan, Fault.LAMBDA_TIMEOUT);
        long start = System.currentTimeMillis();
        Thread attempt = Thread.ofVirtual().start(() -> catchThrowableOfType(FunctionError.class,
                () -> function.invoke(payload, invocation(System.currentTimeMillis() + 60_000))));
        long giveUp = System.currentTimeMillis() + 5_000;
        while (calls.get() == 0 && System.currentTimeMillis() < giveUp) {
            LockSupport.parkNanos(1_000_000);
        }

        attempt.interrupt();
        attempt.join(5_000);

        assertThat(attempt.isAlive()).isFalse();
        assertThat(System.currentTimeMillis() - start).isLessThan(5_000);
    }

    @Test
    void crashingOrder_crashesPersistOrderOnEveryCall_butNotValidateOrder() {
        FaultPlan plan = FaultPlan.of(1, 1).only(Fault.CRASHING_ORDER);
        Faults faults = faults(plan);
        LambdaFunction persist = faults.function("persist-order", real, true);
        LambdaFunction validate = faults.function("validate-order", real, false);
        byte[] poison = struckOnFirstAttempt(plan, Fault.CRASHING_ORDER);

        for (int attempt = 0; attempt < 3; attempt++) {
            FunctionError crash = catchThrowableOfType(FunctionError.class, () -> persist.invoke(poison, invocation()));
            assertThat(crash.error()).isEqualTo("java.lang.IllegalStateException");
            assertThat(crash.cause()).contains("\"errorType\":\"java.lang.IllegalStateException\"");
        }
        assertThat(validate.invoke(poison, invocation())).isEqualTo(OUTPUT);
        assertThat(calls).hasValue(1);
        assertThat(faults.injected(Fault.CRASHING_ORDER)).isEqualTo(3);
    }

    @Test
    void theSamePlan_failsTheSameStepsAndAttempts() {
        List<String> first = outcomes(faults(FaultPlan.of(0.5, 11).only(Fault.LAMBDA_SERVICE_ERROR)));
        List<String> again = outcomes(faults(FaultPlan.of(0.5, 11).only(Fault.LAMBDA_SERVICE_ERROR)));

        assertThat(again).isEqualTo(first);
        assertThat(first).contains("ok").anyMatch(outcome -> outcome.startsWith("Lambda."));
    }

    private List<String> outcomes(Faults faults) {
        LambdaFunction function = faults.function("persist-order", real, true);
        List<String> outcomes = new ArrayList<>();
        for (int order = 0; order < 20; order++) {
            byte[] payload = record("o-" + order);
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    function.invoke(payload, invocation());
                    outcomes.add("ok");
                } catch (FunctionError e) {
                    outcomes.add(e.error());
                }
            }
        }
        return outcomes;
    }
}
