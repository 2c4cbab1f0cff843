package dev.orderflow.infra.ops;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksRequest;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskRequest;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code ./orderflow dlq redrive}: moves the messages of the dead-letter queue back to the orders queue with SQS's
 * own message move task (StartMessageMoveTask), waits for it to finish, and reports how many moved. Works against a
 * deployed stack (the queue URLs are stack outputs) and against the local stack ({@code --endpoint-url}).
 *
 * <pre>
 *   ./orderflow dlq redrive --dlq-url "$(pulumi stack output deadLetterQueueUrl)" \
 *                           --queue-url "$(pulumi stack output queueUrl)" [--region eu-west-1]
 *   ./orderflow dlq redrive --source-arn arn:aws:sqs:...:orders-dlq [--destination-arn arn:aws:sqs:...:orders]
 * </pre>
 * Without a destination, SQS returns every message to the queue it came from.
 */
public final class DlqRedrive {

    static final int OK = 0;
    static final int MOVE_FAILED = 1;
    static final int TIMED_OUT = 2;
    static final int USAGE = 64;

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    /** Waits between two looks at the task; tests pass one that returns at once. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /** What the operator asked for. */
    record Options(Optional<String> dlqUrl, Optional<String> queueUrl, Optional<String> sourceArn,
                   Optional<String> destinationArn, Optional<URI> endpointUrl, Optional<String> region,
                   Optional<Integer> maxMessagesPerSecond, Duration timeout) {

        static Options parse(String... args) {
            Map<String, String> values = new java.util.HashMap<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--help") || name.equals("-h")) {
                    throw new IllegalArgumentException("Moves dead-lettered messages back (SQS StartMessageMoveTask).");
                }
                if (!name.startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("Expected --name value, got '" + name + "'");
                }
                values.put(name.substring(2), args[++i]);
            }
            List<String> unknown = new ArrayList<>(values.keySet());
            unknown.removeAll(List.of("dlq-url", "queue-url", "source-arn", "destination-arn", "endpoint-url",
                    "region", "max-per-second", "timeout-seconds"));
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("Unknown option(s): --" + String.join(", --", unknown));
            }
            Options options = new Options(
                    Optional.ofNullable(values.get("dlq-url")),
                    Optional.ofNullable(values.get("queue-url")),
                    Optional.ofNullable(values.get("source-arn")),
                    Optional.ofNullable(values.get("destination-arn")),
                    Optional.ofNullable(values.get("endpoint-url")).map(URI::create),
                    Optional.ofNullable(values.get("region")),
                    Optional.ofNullable(values.get("max-per-second")).map(Integer::parseInt),
                    Duration.ofSeconds(Long.parseLong(values.getOrDefault("timeout-seconds", "900"))));
            if (options.dlqUrl().isPresent() == options.sourceArn().isPresent()) {
                throw new IllegalArgumentException("Name the dead-letter queue: --dlq-url or --source-arn (one of them)");
            }
            if (options.queueUrl().isPresent() && options.destinationArn().isPresent()) {
                throw new IllegalArgumentException("Name the destination once: --queue-url or --destination-arn");
            }
            return options;
        }
    }

    /** How the move ended. */
    record Result(String status, long moved, long toMove, Optional<String> failureReason) {
        boolean completed() {
            return "COMPLETED".equals(status);
        }
    }

    private final SqsClient sqs;
    private final Pause pause;
    private final Supplier<Instant> clock;
    private final PrintStream out;

    DlqRedrive(SqsClient sqs, Pause pause, Supplier<Instant> clock, PrintStream out) {
        this.sqs = sqs;
        this.pause = pause;
        this.clock = clock;
        this.out = out;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("dlq redrive: " + e.getMessage());
            System.err.println("Usage: ./orderflow dlq redrive (--dlq-url URL | --source-arn ARN)"
                    + " [--queue-url URL | --destination-arn ARN] [--endpoint-url URL] [--region REGION]"
                    + " [--max-per-second N] [--timeout-seconds N]");
            System.exit(USAGE);
            return;
        }
        try (SqsClient sqs = client(options)) {
            DlqRedrive redrive = new DlqRedrive(sqs, duration -> TimeUnit.MILLISECONDS.sleep(duration.toMillis()),
                    Instant::now, System.out);
            System.exit(redrive.run(options));
        }
    }

    /** Resolves the queues, moves, waits, reports; answers the process exit code. */
    int run(Options options) {
        try {
            String source = options.sourceArn().orElseGet(() -> arnOf(options.dlqUrl().orElseThrow()));
            Optional<String> destination = options.destinationArn().or(() -> options.queueUrl().map(this::arnOf));
            Optional<Result> result = redrive(source, destination, options.maxMessagesPerSecond(), options.timeout());
            if (result.isEmpty()) {
                out.println("Timed out after " + options.timeout().toSeconds() + " s; the move goes on in SQS:"
                        + " run again later to see how many moved.");
                return TIMED_OUT;
            }
            Result done = result.get();
            String of = done.toMove() >= done.moved() && done.toMove() > 0 ? " of " + done.toMove() : "";
            out.println("Moved " + done.moved() + of + " message(s) from " + source + " to "
                    + destination.orElse("their source queues") + " (" + done.status() + ")"
                    + done.failureReason().map(reason -> ": " + reason).orElse(""));
            return done.completed() ? OK : MOVE_FAILED;
        } catch (SqsException e) {
            out.println("SQS refused: " + e.awsErrorDetails().errorMessage());
            return MOVE_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MOVE_FAILED;
        }
    }

    /** Starts the move task and polls ListMessageMoveTasks until it ends; empty when the deadline passes first. */
    Optional<Result> redrive(String sourceArn, Optional<String> destinationArn, Optional<Integer> maxPerSecond,
                             Duration timeout) throws InterruptedException {
        StartMessageMoveTaskRequest.Builder start = StartMessageMoveTaskRequest.builder().sourceArn(sourceArn);
        destinationArn.ifPresent(start::destinationArn);
        maxPerSecond.ifPresent(start::maxNumberOfMessagesPerSecond);
        String handle = sqs.startMessageMoveTask(start.build()).taskHandle();
        ListMessageMoveTasksRequest list = ListMessageMoveTasksRequest.builder().sourceArn(sourceArn).maxResults(1).build();
        Instant deadline = clock.get().plus(timeout);
        while (true) {
            // SQS runs one move task per source queue at a time, so the newest task is the one just started.
            List<ListMessageMoveTasksResultEntry> tasks = sqs.listMessageMoveTasks(list).results();
            if (!tasks.isEmpty()) {
                ListMessageMoveTasksResultEntry task = tasks.getFirst();
                boolean ours = task.taskHandle() == null || task.taskHandle().equals(handle);
                if (ours && !"RUNNING".equals(task.status()) && !"CANCELLING".equals(task.status())) {
                    return Optional.of(new Result(task.status(), orZero(task.approximateNumberOfMessagesMoved()),
                            orZero(task.approximateNumberOfMessagesToMove()), Optional.ofNullable(task.failureReason())));
                }
            }
            if (!clock.get().isBefore(deadline)) {
                return Optional.empty();
            }
            pause.pause(POLL_INTERVAL);
        }
    }

    private String arnOf(String queueUrl) {
        return sqs.getQueueAttributes(GetQueueAttributesRequest.builder()
                        .queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN).build())
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static SqsClient client(Options options) {
        SqsClientBuilder builder = SqsClient.builder().httpClient(UrlConnectionHttpClient.create());
        options.region().map(Region::of).ifPresent(builder::region);
        options.endpointUrl().ifPresent(endpoint -> {
            builder.endpointOverride(endpoint);
            builder.credentialsProvider(localCredentials());
            if (options.region().isEmpty()) {
                builder.region(Region.US_EAST_1);
            }
        });
        return builder.build();
    }

    /** The local stack accepts any keys: use the caller's if set, else fixed dummy ones. */
    private static AwsCredentialsProvider localCredentials() {
        DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
        try {
            chain.resolveCredentials();
            return chain;
        } catch (RuntimeException noneConfigured) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
    }
}
