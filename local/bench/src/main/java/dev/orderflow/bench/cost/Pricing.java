package dev.orderflow.bench.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.workflow.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A dated price list ({@code pricing/us-east-1.json} by default): on-demand list prices in dollars, with the pages
 * they were taken from. Every price the cost model uses is here, and only here.
 */
public record Pricing(String region, LocalDate asOf, List<String> sources, double apiGatewayRestPerMillionRequests,
                      double sqsStandardPerMillionRequests, double lambdaPerMillionRequests,
                      double lambdaX86PerGbSecond, double lambdaArmPerGbSecond,
                      double stepFunctionsStandardPerThousandTransitions, double stepFunctionsExpressPerMillionRequests,
                      double stepFunctionsExpressPerGbSecond, double dynamoDbPerMillionWriteUnits,
                      double dynamoDbPerMillionReadUnits, double logsIngestionPerGb, double xRayPerMillionTraces) {

    public static final String DEFAULT_RESOURCE = "/pricing/us-east-1.json";

    public static Pricing usEast1() {
        try (InputStream in = Pricing.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Pricing read(Path file) {
        try {
            return parse(Json.MAPPER.readTree(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pricing file " + file, e);
        }
    }

    static Pricing parse(JsonNode json) {
        List<String> sources = new ArrayList<>();
        json.path("sources").forEach(s -> sources.add(s.path("name").asText() + " <" + s.path("url").asText() + ">"));
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a pricing file names its sources");
        }
        return new Pricing(json.path("region").asText(), LocalDate.parse(required(json, "asOf").asText()), sources,
                price(json, "apiGatewayRestPerMillionRequests"), price(json, "sqsStandardPerMillionRequests"),
                price(json, "lambdaPerMillionRequests"), price(required(json, "lambdaPerGbSecond"), "x86_64"),
                price(json.path("lambdaPerGbSecond"), "arm64"), price(json, "stepFunctionsStandardPerThousandTransitions"),
                price(json, "stepFunctionsExpressPerMillionRequests"), price(json, "stepFunctionsExpressPerGbSecond"),
                price(json, "dynamoDbOnDemandPerMillionWriteUnits"), price(json, "dynamoDbOnDemandPerMillionReadUnits"),
                price(json, "cloudWatchLogsIngestionPerGb"), price(json, "xRayPerMillionTracesRecorded"));
    }

    /** Lambda's price per GB-second for an architecture as infra names it ({@code x86_64} or {@code arm64}). */
    public double lambdaPerGbSecond(String architecture) {
        return switch (architecture) {
            case "x86_64" -> lambdaX86PerGbSecond;
            case "arm64" -> lambdaArmPerGbSecond;
            default -> throw new IllegalArgumentException("unknown Lambda architecture " + architecture);
        };
    }

    private static JsonNode required(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("the pricing file has no " + field);
        }
        return value;
    }

    private static double price(JsonNode json, String field) {
        JsonNode value = required(json, field);
        if (!value.isNumber() || value.asDouble() < 0) {
            throw new IllegalArgumentException(field + " must be a price (a number, not negative)");
        }
        return value.asDouble();
    }
}
