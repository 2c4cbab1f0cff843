package dev.orderflow.local.chaos;

import dev.orderflow.local.auth.OAuthClient;
import dev.orderflow.local.stack.LocalStack;
import dev.orderflow.local.stack.LocalStackOptions;
import dev.orderflow.local.states.execution.Execution;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * One chaos run: starts the local stack with the fault plan on (ports picked by the system, everything in memory,
 * a short visibility timeout), places the orders, waits for quiescence, accounts for every 202, and stops the
 * stack. Quiescence: the queue empty (nothing visible, nothing in flight), no execution running, the poller up,
 * and all of that, with the number of executions and dead letters, unchanged for {@link #STABLE}.
 */
final class ChaosRun {

    static final Duration STABLE = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(200);

    private ChaosRun() {
    }

    static ChaosReport run(ChaosSettings settings) {
        LocalStackOptions options = LocalStackOptions.ephemeral()
                .withVisibilityTimeout(settings.visibilityTimeout())
                .withFaults(settings.faultPlan());
        try (LocalStack stack = LocalStack.start(options)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            ApiCaller alice = signIn(http, stack, LocalStack.CLIENTS.get(0));
            ApiCaller bob = signIn(http, stack, LocalStack.CLIENTS.get(1));
            Ledger ledger = new Ledger();
            OrderTraffic traffic = new OrderTraffic(alice, bob, stack.endpoints().restaurants(), ledger, settings.seed());
            int schemaInvalid = Math.max(2, settings.orders() / 20);

            Instant start = Instant.now();
            traffic.run(traffic.scripts(settings.orders()), schemaInvalid);
            Instant submitted = Instant.now();
            boolean quiescent = awaitQuiescence(stack, submitted.plus(settings.deadline()));
            Instant settled = Instant.now();

            ChaosReport.Accounts accounts = new Accounting(stack).account(ledger);
            return new ChaosReport(settings, ledger.answers(), schemaInvalid, ledger.schemaAccepted(), accounts,
                    stack.faults().injected(), Duration.between(start, submitted), Duration.between(start, settled),
                    quiescent);
        }
    }

    private static ApiCaller signIn(HttpClient http, LocalStack stack, OAuthClient client) {
        return ApiCaller.signIn(http, stack.endpoints().apiUrl(), stack.endpoints().tokenUrl(), client.clientId(),
                client.clientSecret());
    }

    /** What must stay unchanged, and idle, for the run to be over. */
    private record Snapshot(int queued, int deadLetters, int running, int executions, boolean pollerUp,
                            long unrecorded) {
        boolean idle() {
            return queued == 0 && running == 0 && pollerUp;
        }
    }

    static boolean awaitQuiescence(LocalStack stack, Instant deadline) {
        Snapshot last = null;
        Instant stableSince = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            Snapshot now = snapshot(stack);
            if (!now.idle() || !now.equals(last)) {
                stableSince = Instant.now();
            } else if (Duration.between(stableSince, Instant.now()).compareTo(STABLE) >= 0) {
                return true;
            }
            last = now;
            LockSupport.parkNanos(POLL.toNanos());
        }
        return false;
    }

    private static Snapshot snapshot(LocalStack stack) {
        List<Execution> executions = stack.stepFunctions().service()
                .listExecutions(stack.endpoints().stateMachineArn(), Optional.empty());
        int running = (int) executions.stream().filter(Execution::isRunning).count();
        return new Snapshot(depth(stack, stack.endpoints().queueUrl()), depth(stack, stack.endpoints().dlqUrl()),
                running, executions.size(), stack.poller().isRunning() && !stack.pollerRestarting(),
                stack.unrecordedExecutions());
    }

    private static int depth(LocalStack stack, String queueUrl) {
        Map<QueueAttributeName, String> attributes = stack.sqs().client().getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(List.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }
}
