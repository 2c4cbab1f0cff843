package dev.orderflow.bench.cost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./orderflow cost [--workflow-type STANDARD|EXPRESS] [--orders-per-month N] ...}: dollars per million
 * orders for the configured stack, line by line, with where every figure comes from.
 */
public final class CostMain {

    static final String USAGE = """
            Usage: ./orderflow cost [--workflow-type STANDARD|EXPRESS] [--orders-per-month N] [--stack-config FILE]
                                    [--report FILE] [--pricing FILE] [--gets-per-order N] [--cold-start-rate R]

              --workflow-type     price this workflow type instead of the stack's orderflow:workflowType
              --orders-per-month  the volume (default 1000000): it sets how full the poller's batches are
              --stack-config      a Pulumi stack file (default: the only Pulumi.<stack>.yaml at the root, else the
                                  program's defaults)
              --report            a bench report for the functions' durations (default: the last ./orderflow bench)
              --pricing           a price list (default: the bundled pricing/us-east-1.json)
              --gets-per-order    GET /orders/{id} calls a client makes per order (default 1)
              --cold-start-rate   the share of invocations that start a new container (default 0.01)
            """;

    static final Path DEFAULT_REPORT = Path.of("local", "bench", "target", "bench", "report.json");

    private CostMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(USAGE);
            return;
        }
        try {
            System.out.print(run(Path.of("").toAbsolutePath(), args));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("orderflow cost: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    /** The printout for these arguments, run from {@code repository}. */
    static String run(Path repository, String... args) {
        String workflowType = null;
        long ordersPerMonth = 1_000_000;
        Path stackFile = null;
        Path report = null;
        Path pricingFile = null;
        double gets = 1;
        double coldStartRate = 0.01;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--workflow-type" -> workflowType = value(args[i], value);
                case "--orders-per-month" -> ordersPerMonth = (long) number(args[i], value);
                case "--stack-config" -> stackFile = Path.of(value(args[i], value));
                case "--report" -> report = Path.of(value(args[i], value));
                case "--pricing" -> pricingFile = Path.of(value(args[i], value));
                case "--gets-per-order" -> gets = number(args[i], value);
                case "--cold-start-rate" -> coldStartRate = number(args[i], value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        StringBuilder out = new StringBuilder();
        if (stackFile == null) {
            stackFile = stackFile(repository);
        }
        StackSettings stack = stackFile == null ? StackSettings.defaults() : StackSettings.read(stackFile);
        if (workflowType != null) {
            stack = stack.withWorkflowType(workflowType);
        }
        if (report == null && Files.isRegularFile(repository.resolve(DEFAULT_REPORT))) {
            report = repository.resolve(DEFAULT_REPORT);
        }
        Durations durations = report == null ? Durations.assumed() : Durations.fromReport(report);
        Pricing pricing = pricingFile == null ? Pricing.usEast1() : Pricing.read(pricingFile);
        CostModel.Inputs inputs = new CostModel.Inputs(stack, durations, WorkflowPath.orderWorkflow(), ordersPerMonth,
                gets, coldStartRate);
        List<CostModel.LineItem> items = CostModel.perMillionOrders(pricing, inputs);
        double total = CostModel.total(items);

        out.append("Orderflow: dollars per million orders, %s workflow, %s, %d MB functions (%s)%n".formatted(
                stack.workflowType(), pricing.region(), stack.functionMemoryMb(), stack.architecture()));
        out.append("  stack: %s%n".formatted(stackFile == null ? "the Pulumi program's defaults (no stack file)" : stackFile));
        out.append("  durations: %s%n".formatted(durations.source()));
        out.append("  prices: as of %s, %s%n%n".formatted(pricing.asOf(),
                pricingFile == null ? "pricing/us-east-1.json" : pricingFile));
        out.append(String.format(Locale.ROOT, "%-16s %-92s %14s %-11s %10s%n", "service", "item", "per 1M orders",
                "unit", "dollars"));
        for (CostModel.LineItem item : items) {
            out.append(String.format(Locale.ROOT, "%-16s %-92s %14.0f %-11s %10.4f%n", item.service(), item.item(),
                    item.quantityPerMillionOrders(), item.unit(), item.dollarsPerMillionOrders()));
        }
        out.append(String.format(Locale.ROOT, "%n%-16s %-92s %14s %-11s %10.2f%n", "total", "per million orders", "", "",
                total));
        out.append(String.format(Locale.ROOT, "at %,d orders a month: $%.2f a month%n%n", ordersPerMonth,
                total * ordersPerMonth / CostModel.MILLION));
        out.append("Sources:\n");
        pricing.sources().forEach(s -> out.append("  ").append(s).append('\n'));
        return out.toString();
    }

    /** The one {@code Pulumi.<stack>.yaml} at the root, if there is exactly one. */
    private static Path stackFile(Path repository) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(repository, "Pulumi.*.yaml")) {
            found.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.size() == 1 ? files.getFirst() : null;
    }

    private static String value(String flag, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }

    private static double number(String flag, String value) {
        try {
            return Double.parseDouble(value(flag, value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, got '" + value + "'");
        }
    }
}
