package dev.orderflow.bench.cost;

import dev.orderflow.workflow.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CostModelTest {

    /** Prices chosen so each line is easy to check by hand: $1 per million of everything, $0.00001 per GB-s. */
    private static final Pricing ONES = new Pricing("test", LocalDate.parse("2026-01-01"), List.of("test"),
            1, 1, 1, 0.00001, 0.000008, 1, 1, 0.00001, 1, 1, 1, 1);

    private static final Durations TEN_MS = new Durations(
            Map.of("poller", 10.0, "validate-order", 10.0, "persist-order", 10.0, "orders-api", 10.0),
            Map.of("poller", 100.0, "validate-order", 100.0, "persist-order", 100.0, "orders-api", 100.0), "test");

    private static final WorkflowPath FIVE_STATES = new WorkflowPath(
            List.of("RecordChange", "IsRecorded", "Validate", "IsValid", "RecordConfirmed"),
            List.of("RecordChange", "Validate", "RecordConfirmed"));

    private static CostModel.Inputs inputs(String workflowType, long ordersPerMonth) {
        return new CostModel.Inputs(StackSettings.defaults().withWorkflowType(workflowType), TEN_MS, FIVE_STATES,
                ordersPerMonth, 1, 0);
    }

    private static double line(List<CostModel.LineItem> items, String service, String itemStart) {
        return items.stream().filter(i -> i.service().equals(service) && i.item().startsWith(itemStart))
                .mapToDouble(CostModel.LineItem::dollarsPerMillionOrders).sum();
    }

    @Test
    void standard_perMillionOrders_atAVolumeThatFillsTheBatches() {
        // 26 million orders a month is 10 a second: with a 1 s window, batches of 10
        List<CostModel.LineItem> items = CostModel.perMillionOrders(ONES, inputs("STANDARD", 25_920_000));

        assertThat(line(items, "API Gateway", "REST")).isCloseTo(2.0, within(1e-9));          // POST + GET
        assertThat(line(items, "SQS", "SendMessage")).isCloseTo(1.2, within(1e-9));           // 1 + 2/10
        assertThat(line(items, "Lambda", "requests")).isCloseTo(4.1, within(1e-9));            // 0.1 + 1 + 2 + 1
        // 4.1 invocations x 10 ms x 1 GB x $0.00001 per GB-s, per million orders
        assertThat(line(items, "Lambda", "poller duration") + line(items, "Lambda", "validate-order duration")
                + line(items, "Lambda", "persist-order duration") + line(items, "Lambda", "orders-api duration"))
                .isCloseTo(4.1 * 0.010 * 0.00001 * 1e6, within(1e-9));
        assertThat(line(items, "Step Functions", "Standard")).isCloseTo(5.0 / 1000 * 1e6, within(1e-6)); // $1 per 1000
        assertThat(line(items, "DynamoDB", "write")).isCloseTo(4.0, within(1e-9));            // 2 writes x (table + index)
        assertThat(line(items, "DynamoDB", "read")).isCloseTo(1.5, within(1e-9));             // 0.5 query + 1 GET
        assertThat(line(items, "CloudWatch Logs", "ingestion")).isCloseTo(1750e-9 * 1e6, within(1e-9));
    }

    @Test
    void express_billsARequestAndTheDurationRoundedUpTo100Ms_in64MbChunks() {
        List<CostModel.LineItem> items = CostModel.perMillionOrders(ONES, inputs("EXPRESS", 1_000_000));

        assertThat(line(items, "Step Functions", "Express requests")).isCloseTo(1.0, within(1e-9));
        // 3 tasks x 20 ms overhead + 10 + 2 x 10 ms = 90 ms -> 0.1 s x 64 MB = 0.00625 GB-s per order
        assertThat(line(items, "Step Functions", "Express duration")).isCloseTo(0.00625 * 0.00001 * 1e6, within(1e-9));
        assertThat(line(items, "Step Functions", "Standard")).isZero();
    }

    @Test
    void atLowVolume_everyMessageIsABatchOfOne_andIdlePollingAddsItsShare() {
        List<CostModel.LineItem> items = CostModel.perMillionOrders(ONES, inputs("STANDARD", 1_000_000));

        assertThat(line(items, "SQS", "SendMessage")).isCloseTo(3.0, within(1e-9));
        // 5 pollers x 2,592,000 s / 20 s = 648,000 receives a month, over 1 million orders
        assertThat(line(items, "SQS", "event source")).isCloseTo(0.648, within(1e-9));
        assertThat(line(items, "X-Ray", "traces")).isCloseTo(2.0, within(1e-9)); // every request sampled at 0.8/s
    }

    @Test
    void theBatchIsWhatArrivesInTheWindow_betweenOneAndTheBatchSize() {
        assertThat(CostModel.averageBatch(0.2, 10, 1)).isEqualTo(1);
        assertThat(CostModel.averageBatch(4, 10, 1)).isEqualTo(4);
        assertThat(CostModel.averageBatch(40, 10, 1)).isEqualTo(10);
        assertThat(CostModel.averageBatch(40, 10, 0)).isEqualTo(1);
    }

    @Test
    void xRaySamplesTheFirstRequestEachSecond_andFivePercentOfTheRest() {
        assertThat(CostModel.sampledFraction(0.5)).isEqualTo(1);
        assertThat(CostModel.sampledFraction(21)).isCloseTo((1 + 0.05 * 20) / 21, within(1e-12));
    }

    @Test
    void theBundledPriceList_isDated_citesItsSources_andPricesTheDefaultStack() {
        Pricing pricing = Pricing.usEast1();

        assertThat(pricing.asOf()).isAfter(LocalDate.parse("2025-01-01"));
        assertThat(pricing.sources()).hasSizeGreaterThanOrEqualTo(6).allMatch(s -> s.contains("https://aws.amazon.com/"));
        assertThat(pricing.stepFunctionsStandardPerThousandTransitions()).isEqualTo(0.025);
        assertThat(pricing.dynamoDbPerMillionWriteUnits()).isEqualTo(0.625);
        double standard = CostModel.total(CostModel.perMillionOrders(pricing, inputs("STANDARD", 1_000_000)));
        double express = CostModel.total(CostModel.perMillionOrders(pricing, inputs("EXPRESS", 1_000_000)));
        assertThat(standard - express).isCloseTo(125 - 1 - 0.1 * 0.0625 * 0.00001667 * 1e6, within(1e-6));
    }

    @Test
    void aPriceListWithoutSources_orWithANegativePrice_isRefused() throws IOException {
        String valid = new String(Pricing.class.getResourceAsStream(Pricing.DEFAULT_RESOURCE).readAllBytes());
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(valid);
        json.putArray("sources");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pricing.parse(json)).hasMessageContaining("sources");
        var negative = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(valid);
        negative.put("sqsStandardPerMillionRequests", -1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pricing.parse(negative))
                .hasMessageContaining("sqsStandardPerMillionRequests");
    }
}
