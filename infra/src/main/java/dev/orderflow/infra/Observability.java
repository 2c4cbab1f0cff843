package dev.orderflow.infra;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What tells an operator something is wrong: alarms on every way an order can get stuck or lost (a message in the
 * dead-letter queue, an old message in either queue, a failed or timed-out execution, function errors and throttles,
 * API 5xx and latency), all notifying one SNS topic (with an e-mail subscription from configuration), and a dashboard
 * with the same metrics.
 */
final class Observability extends ComponentResource {

    /** An order older than this in the queue means the poller is not keeping up (or not running). */
    static final int QUEUE_AGE_ALARM_SECONDS = 300;
    /** SQS deletes dead letters after 14 days: warn after 3, while there is time to redrive. */
    static final int DLQ_AGE_ALARM_SECONDS = 3 * 24 * 3600;
    static final int API_P99_LATENCY_ALARM_MS = 2000;
    private static final int PERIOD_SECONDS = 60;

    private final Topic topic;
    private final Output<String> dashboardUrl;
    private final CustomResourceOptions child;

    Observability(StackContext env, Queueing queueing, Workflow workflow, Api api,
                  ComponentResourceOptions options) {
        super("orderflow:observability:Observability", "observability", options);
        this.child = CustomResourceOptions.builder().parent(this).build();

        // Not KMS-encrypted: CloudWatch alarms cannot publish to a topic under the AWS-managed SNS key, and the
        // notifications carry alarm names and states only.
        this.topic = new Topic("alarms", TopicArgs.builder().displayName("Orderflow " + env.stack() + " alarms").build(),
                child);
        env.config().alarmEmail().ifPresent(email -> new TopicSubscription("alarms-email",
                TopicSubscriptionArgs.builder().topic(topic.arn()).protocol("email").endpoint(email).build(), child));

        Queue queue = queueing.queue();
        Queue dlq = queueing.deadLetterQueue();
        alarm("dlq-depth", "A message reached the dead-letter queue: see README, ./orderflow dlq redrive",
                "AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum", 0, dimension("QueueName", dlq.name()));
        alarm("queue-oldest-message", "Orders wait in the queue: is the poller running?",
                "AWS/SQS", "ApproximateAgeOfOldestMessage", "Maximum", QUEUE_AGE_ALARM_SECONDS,
                dimension("QueueName", queue.name()));
        alarm("dlq-oldest-message", "Dead letters are getting old: redrive or inspect them before SQS deletes them",
                "AWS/SQS", "ApproximateAgeOfOldestMessage", "Maximum", DLQ_AGE_ALARM_SECONDS,
                dimension("QueueName", dlq.name()));

        Output<Map<String, String>> stateMachine = dimension("StateMachineArn", workflow.stateMachine().arn());
        alarm("workflow-failed", "An order workflow execution failed",
                "AWS/States", "ExecutionsFailed", "Sum", 0, stateMachine);
        alarm("workflow-timed-out", "An order workflow execution timed out",
                "AWS/States", "ExecutionsTimedOut", "Sum", 0, stateMachine);

        List<LambdaFunction> functions = List.of(queueing.poller(), workflow.validateOrder(), workflow.persistOrder(),
                api.ordersApi());
        for (LambdaFunction function : functions) {
            String name = function.name();
            Output<Map<String, String>> dimensions = dimension("FunctionName", function.functionName());
            alarm(name + "-errors", name + " failed", "AWS/Lambda", "Errors", "Sum", 0, dimensions);
            alarm(name + "-throttles", name + " was throttled", "AWS/Lambda", "Throttles", "Sum", 0, dimensions);
        }

        Output<Map<String, String>> apiStage = Output.tuple(api.restApi().name(), api.stage().stageName())
                .applyValue(names -> Map.of("ApiName", names.t1, "Stage", names.t2));
        alarm("api-5xx", "The API answered 5xx", "AWS/ApiGateway", "5XXError", "Sum", 0, apiStage);
        new MetricAlarm("api-latency-p99", common("API p99 latency above " + API_P99_LATENCY_ALARM_MS + " ms")
                .namespace("AWS/ApiGateway")
                .metricName("Latency")
                .extendedStatistic("p99")
                .threshold((double) API_P99_LATENCY_ALARM_MS)
                .evaluationPeriods(5)
                .datapointsToAlarm(3)
                .dimensions(apiStage)
                .build(), child);

        String dashboardName = env.prefix();
        new Dashboard("orderflow", DashboardArgs.builder()
                .dashboardName(dashboardName)
                .dashboardBody(Output.tuple(
                                Output.all(List.of(env.region(), queue.name(), dlq.name(), workflow.stateMachine().arn(),
                                        api.restApi().name(), api.stage().stageName())),
                                Output.all(functions.stream().map(LambdaFunction::functionName).toList()))
                        .applyValue(values -> dashboardBody(values.t1.get(0), values.t1.get(1), values.t1.get(2),
                                values.t1.get(3), values.t1.get(4), values.t1.get(5), values.t2)))
                .build(), child);
        this.dashboardUrl = env.region().applyValue(region -> "https://" + region
                + ".console.aws.amazon.com/cloudwatch/home?region=" + region + "#dashboards:name=" + dashboardName);

        registerOutputs(Map.of("alarmTopicArn", topic.arn(), "dashboardUrl", dashboardUrl));
    }

    private void alarm(String name, String description, String namespace, String metric, String statistic,
                       int threshold, Output<Map<String, String>> dimensions) {
        new MetricAlarm(name, common(description)
                .namespace(namespace)
                .metricName(metric)
                .statistic(statistic)
                .threshold((double) threshold)
                .evaluationPeriods(1)
                .dimensions(dimensions)
                .build(), child);
    }

    private MetricAlarmArgs.Builder common(String description) {
        return MetricAlarmArgs.builder()
                .alarmDescription(description)
                .comparisonOperator("GreaterThanThreshold")
                .period(PERIOD_SECONDS)
                .treatMissingData("notBreaching")
                .alarmActions(topic.arn().applyValue(List::of))
                .okActions(topic.arn().applyValue(List::of));
    }

    private static Output<Map<String, String>> dimension(String name, Output<String> value) {
        return value.applyValue(v -> Map.of(name, v));
    }

    static String dashboardBody(String region, String queue, String dlq, String stateMachineArn, String apiName,
                                String stage, List<String> functions) {
        List<Map<String, Object>> widgets = new ArrayList<>();
        widgets.add(widget("Orders queue", region, List.of(
                List.of("AWS/SQS", "NumberOfMessagesSent", "QueueName", queue),
                List.of("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", queue),
                List.of("AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", queue),
                List.of("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", dlq))));
        widgets.add(widget("Workflow executions", region, List.of(
                List.of("AWS/States", "ExecutionsStarted", "StateMachineArn", stateMachineArn),
                List.of("AWS/States", "ExecutionsSucceeded", "StateMachineArn", stateMachineArn),
                List.of("AWS/States", "ExecutionsFailed", "StateMachineArn", stateMachineArn),
                List.of("AWS/States", "ExecutionsTimedOut", "StateMachineArn", stateMachineArn))));
        widgets.add(widget("API", region, List.of(
                List.of("AWS/ApiGateway", "Count", "ApiName", apiName, "Stage", stage),
                List.of("AWS/ApiGateway", "4XXError", "ApiName", apiName, "Stage", stage),
                List.of("AWS/ApiGateway", "5XXError", "ApiName", apiName, "Stage", stage),
                List.of("AWS/ApiGateway", "Latency", "ApiName", apiName, "Stage", stage, Map.of("stat", "p99")))));
        List<List<Object>> errors = new ArrayList<>();
        List<List<Object>> durations = new ArrayList<>();
        for (String function : functions) {
            errors.add(List.of("AWS/Lambda", "Errors", "FunctionName", function));
            errors.add(List.of("AWS/Lambda", "Throttles", "FunctionName", function));
            durations.add(List.of("AWS/Lambda", "Duration", "FunctionName", function, Map.of("stat", "p99")));
        }
        widgets.add(widget("Function errors and throttles", region, errors));
        widgets.add(widget("Function duration p99", region, durations));
        return Policy.write(Map.of("widgets", widgets));
    }

    private static Map<String, Object> widget(String title, String region, List<? extends List<?>> metrics) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("title", title);
        properties.put("region", region);
        properties.put("view", "timeSeries");
        properties.put("stat", "Sum");
        properties.put("period", PERIOD_SECONDS);
        properties.put("metrics", metrics);
        return Map.of("type", "metric", "width", 12, "height", 6, "properties", properties);
    }

    Topic topic() {
        return topic;
    }

    Output<String> dashboardUrl() {
        return dashboardUrl;
    }
}
