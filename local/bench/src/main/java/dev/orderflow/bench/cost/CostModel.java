package dev.orderflow.bench.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dollars per million orders for the configured stack: what one accepted order costs in each service, from what
 * the code does per order (counted below, with where each count comes from), the stack's configuration, the
 * functions' durations and a dated price list. Free tiers are not deducted.
 */
public final class CostModel {

    /** One line of the bill: a quantity per million orders at a unit price. */
    public record LineItem(String service, String item, double quantityPerMillionOrders, String unit,
                           double unitPrice, double dollarsPerMillionOrders) {
    }

    /** What the bill depends on besides prices. */
    public record Inputs(StackSettings stack, Durations durations, WorkflowPath workflow, long ordersPerMonth,
                         double getsPerOrder, double coldStartRate) {
        public Inputs {
            if (ordersPerMonth <= 0) {
                throw new IllegalArgumentException("orders per month must be positive");
            }
            if (getsPerOrder < 0 || coldStartRate < 0 || coldStartRate > 1) {
                throw new IllegalArgumentException("gets per order >= 0, cold-start rate in [0, 1]");
            }
        }
    }

    static final double MILLION = 1_000_000;
    static final double SECONDS_PER_MONTH = 30 * 24 * 3600.0;
    /** Lambda's SQS event source starts with five pollers, each long-polling up to 20 s when the queue is empty. */
    static final int EVENT_SOURCE_POLLERS = 5;
    static final int LONG_POLL_SECONDS = 20;
    /** persist-order writes each order twice (RECORD PutItem, CONFIRM UpdateItem); the byCreatedAt index projects ALL. */
    static final int WRITES_PER_ORDER = 2;
    static final int INDEX_COPIES = 1;
    /** validate-order's catalog Query, eventually consistent, under 4 KB: half a read unit. */
    static final double CATALOG_QUERY_READ_UNITS = 0.5;
    /** orders-api's GetItem is strongly consistent, under 4 KB: one read unit. */
    static final double GET_READ_UNITS = 1.0;
    /** JSON log lines (sizes as the functions write them) and API Gateway access log lines, in bytes. */
    static final int POLLER_LOG_BYTES = 260;
    static final int VALIDATE_LOG_BYTES = 230;
    static final int PERSIST_LOG_BYTES = 230;
    static final int ACCESS_LOG_BYTES = 400;
    /** Step Functions' own time around each Lambda task (invoke, state entry and exit), assumed. */
    static final double TASK_OVERHEAD_MS = 20;
    /** Express workflows bill memory in 64 MB chunks; the order workflow's small payloads need one. */
    static final double EXPRESS_MEMORY_GB = 64.0 / 1024;
    /** X-Ray's default sampling rule: the first request each second, and 5% of the rest. */
    static final double XRAY_RESERVOIR_PER_SECOND = 1;
    static final double XRAY_FIXED_RATE = 0.05;

    private CostModel() {
    }

    public static List<LineItem> perMillionOrders(Pricing p, Inputs in) {
        StackSettings stack = in.stack();
        double ordersPerSecond = in.ordersPerMonth() / SECONDS_PER_MONTH;
        double batch = averageBatch(ordersPerSecond, stack.pollerBatchSize(), stack.pollerBatchWindowSeconds());
        double gets = in.getsPerOrder();
        double memoryGb = stack.functionMemoryMb() / 1024.0;
        double lambdaGbSecond = p.lambdaPerGbSecond(stack.architecture());
        List<LineItem> items = new ArrayList<>();

        double apiRequests = 1 + gets;
        items.add(item("API Gateway", "REST requests (POST + %.1f GET per order)".formatted(gets), apiRequests,
                "requests", p.apiGatewayRestPerMillionRequests() / MILLION));

        double sqsRequests = 1 + 2 / batch;
        items.add(item("SQS", "SendMessage 1, ReceiveMessage and DeleteMessageBatch 1 per batch of %.2f".formatted(batch),
                sqsRequests, "requests", p.sqsStandardPerMillionRequests() / MILLION));
        double idleReceivesPerOrder = EVENT_SOURCE_POLLERS * SECONDS_PER_MONTH / LONG_POLL_SECONDS / in.ordersPerMonth();
        items.add(item("SQS", "event source long polls while the queue is empty (%d pollers, 20 s), at most"
                .formatted(EVENT_SOURCE_POLLERS), idleReceivesPerOrder, "requests", p.sqsStandardPerMillionRequests() / MILLION));

        Map<String, Double> invocations = Map.of("poller", 1 / batch, "validate-order", 1.0, "persist-order",
                (double) WRITES_PER_ORDER, "orders-api", gets);
        double allInvocations = invocations.values().stream().mapToDouble(Double::doubleValue).sum();
        items.add(item("Lambda", "requests (poller 1 per batch, validate 1, persist 2, orders-api 1 per GET)",
                allInvocations, "requests", p.lambdaPerMillionRequests() / MILLION));
        for (String function : List.of("poller", "validate-order", "persist-order", "orders-api")) {
            double billedSeconds = Math.ceil(in.durations().warm(function)) / 1000;
            items.add(item("Lambda", "%s duration (%.0f ms x %.2f per order, %d MB, %s)".formatted(function,
                            Math.ceil(in.durations().warm(function)), invocations.get(function), stack.functionMemoryMb(),
                            stack.architecture()),
                    invocations.get(function) * billedSeconds * memoryGb, "GB-s", lambdaGbSecond));
        }
        double coldGbSeconds = 0;
        for (Map.Entry<String, Double> function : invocations.entrySet()) {
            coldGbSeconds += in.coldStartRate() * function.getValue() * in.durations().init(function.getKey()) / 1000 * memoryGb;
        }
        items.add(item("Lambda", "init phases (%.1f%% of invocations start cold)".formatted(in.coldStartRate() * 100),
                coldGbSeconds, "GB-s", lambdaGbSecond));

        if (stack.workflowType().equals("EXPRESS")) {
            items.add(item("Step Functions", "Express requests", 1, "requests",
                    p.stepFunctionsExpressPerMillionRequests() / MILLION));
            double executionMs = TASK_OVERHEAD_MS * in.workflow().lambdaTasks().size()
                    + in.durations().warm("validate-order") + WRITES_PER_ORDER * in.durations().warm("persist-order");
            double billedSeconds = Math.ceil(executionMs / 100) * 100 / 1000;
            items.add(item("Step Functions", "Express duration (%.0f ms -> %.1f s billed, 64 MB)".formatted(executionMs,
                    billedSeconds), billedSeconds * EXPRESS_MEMORY_GB, "GB-s", p.stepFunctionsExpressPerGbSecond()));
        } else {
            items.add(item("Step Functions", "Standard state transitions (%s)".formatted(
                    String.join(" > ", in.workflow().states())), in.workflow().transitions(), "transitions",
                    p.stepFunctionsStandardPerThousandTransitions() / 1000));
        }

        items.add(item("DynamoDB", "write units (%d writes x (table + index), under 1 KB)".formatted(WRITES_PER_ORDER),
                WRITES_PER_ORDER * (1 + INDEX_COPIES), "WRU", p.dynamoDbPerMillionWriteUnits() / MILLION));
        items.add(item("DynamoDB", "read units (catalog query 0.5, consistent GET 1 each)",
                CATALOG_QUERY_READ_UNITS + gets * GET_READ_UNITS, "RRU", p.dynamoDbPerMillionReadUnits() / MILLION));

        double logBytes = POLLER_LOG_BYTES + VALIDATE_LOG_BYTES + WRITES_PER_ORDER * PERSIST_LOG_BYTES
                + apiRequests * ACCESS_LOG_BYTES;
        items.add(item("CloudWatch Logs", "ingestion (%.0f bytes per order: function lines, access logs)".formatted(logBytes),
                logBytes / 1e9, "GB", p.logsIngestionPerGb()));

        if (stack.tracing()) {
            double requestsPerSecond = ordersPerSecond * apiRequests;
            double traces = apiRequests * sampledFraction(requestsPerSecond);
            items.add(item("X-Ray", "traces recorded (tracing is on; default sampling: %.0f%% at this rate)"
                    .formatted(sampledFraction(requestsPerSecond) * 100), traces, "traces", p.xRayPerMillionTraces() / MILLION));
        }
        return items;
    }

    public static double total(List<LineItem> items) {
        return items.stream().mapToDouble(LineItem::dollarsPerMillionOrders).sum();
    }

    /**
     * Messages per batch the event source hands the poller: what arrives within the batching window, at least one,
     * at most the batch size.
     */
    static double averageBatch(double ordersPerSecond, int batchSize, int windowSeconds) {
        return Math.max(1, Math.min(batchSize, ordersPerSecond * Math.max(windowSeconds, 0)));
    }

    /** The fraction of requests X-Ray's default rule samples at a given request rate. */
    static double sampledFraction(double requestsPerSecond) {
        if (requestsPerSecond <= XRAY_RESERVOIR_PER_SECOND) {
            return 1;
        }
        return (XRAY_RESERVOIR_PER_SECOND + XRAY_FIXED_RATE * (requestsPerSecond - XRAY_RESERVOIR_PER_SECOND))
                / requestsPerSecond;
    }

    private static LineItem item(String service, String item, double quantityPerOrder, String unit, double unitPrice) {
        double quantity = quantityPerOrder * MILLION;
        return new LineItem(service, item, quantity, unit, unitPrice, quantity * unitPrice);
    }
}
