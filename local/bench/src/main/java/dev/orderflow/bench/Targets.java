package dev.orderflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets, checked against one run: each says what it asks, what was measured, whether it was met, by
 * how much it was missed, and why, from what the run itself measured.
 */
final class Targets {

    static final double COLD_START_MAX_RATIO = 5.0;
    static final double E2E_MIN_RATIO = 0.25;
    static final double ACCEPT_P99_MAX_MS = 25.0;
    static final double E2E_P99_MAX_MS = 250.0;
    static final long JAR_MAX_BYTES = 10_000_000;

    record Check(String name, String target, String measured, boolean met, String shortfall, String why) {
    }

    private Targets() {
    }

    static List<Check> check(Bench.Result r) {
        List<Check> checks = new ArrayList<>();
        double floor = r.floor().medianMs();
        for (ColdStarts.Result start : r.functions()) {
            double ratio = start.medianMs() / floor;
            boolean met = ratio <= COLD_START_MAX_RATIO;
            boolean zip = FunctionUnderTest.ALL.stream().anyMatch(f -> f.name().equals(start.function())
                    && f.packaging() == FunctionUnderTest.Packaging.ZIP);
            String why = met ? "" : "JVM start %.0f ms, handler init %.0f ms, first invocation %.0f ms (medians)%s"
                    .formatted(start.medianOf(ColdStarts.Run::jvmMs), start.medianOf(ColdStarts.Run::initMs),
                            start.medianOf(ColdStarts.Run::invokeMs), zip
                                    ? "; a zip function on the managed runtime cannot carry an AOT cache (the runtime"
                                    + " loads it through its own class loader from the unpacked zip), so every class is"
                                    + " loaded, verified and interpreted afresh; in AWS SnapStart restores a snapshot"
                                    + " taken after init instead, which a local JVM cannot reproduce"
                                    : "; the AOT cache removes class loading and linking, not the interpretation and"
                                    + " C1 compilation of the SDK's first request (signing, marshalling, HTTP)");
            checks.add(new Check("cold start " + start.function(), "<= %.0fx bare JVM".formatted(COLD_START_MAX_RATIO),
                    "%.0f ms = %.2fx %.0f ms".formatted(start.medianMs(), ratio, floor), met,
                    met ? "" : "%.2fx over (%.0f ms too slow)".formatted(ratio - COLD_START_MAX_RATIO,
                            start.medianMs() - COLD_START_MAX_RATIO * floor), why));
        }
        double e2eRatio = r.saturation().ordersPerSecond() / r.putItems().perSecond();
        boolean e2eMet = e2eRatio >= E2E_MIN_RATIO;
        checks.add(new Check("end-to-end throughput", ">= %.0f%% of raw PutItem/s".formatted(E2E_MIN_RATIO * 100),
                "%.0f orders/s = %.1f%% of %.0f PutItem/s".formatted(r.saturation().ordersPerSecond(), e2eRatio * 100,
                        r.putItems().perSecond()), e2eMet,
                e2eMet ? "" : "%.1f points short (%.0f orders/s missing)".formatted((E2E_MIN_RATIO - e2eRatio) * 100,
                        E2E_MIN_RATIO * r.putItems().perSecond() - r.saturation().ordersPerSecond()),
                e2eMet ? "" : "each order is, besides its 3 writes and 1 catalog query, a JWT check, a JSON Schema"
                        + " check, a VTL render, an SQS send, receive and delete, a StartExecution and a workflow of"
                        + " 5 states with JSONata, all in this one JVM on " + r.machine().cores()
                        + " cores shared with the load generator; the floor is DynamoDB Local alone on the same cores"));
        double acceptP99 = r.fixed().accept().at(99);
        boolean acceptMet = acceptP99 <= ACCEPT_P99_MAX_MS;
        checks.add(new Check("accept p99 at %.0f req/s".formatted(r.fixed().offeredPerSecond()),
                "<= %.0f ms".formatted(ACCEPT_P99_MAX_MS), "%.1f ms".formatted(acceptP99), acceptMet,
                acceptMet ? "" : "%.1f ms over".formatted(acceptP99 - ACCEPT_P99_MAX_MS),
                acceptMet ? "" : ("the gateway shares the %d cores with the pipeline it feeds (and with the load"
                        + " generator): with the pipeline paused, the same %.0f POST/s have p50 %.1f ms and p99 %.1f ms")
                        .formatted(r.machine().cores(), r.acceptAlone().offeredPerSecond(),
                                r.acceptAlone().accept().at(50), r.acceptAlone().accept().at(99))));
        double e2eP99 = r.fixed().e2e().at(99);
        boolean e2eLatencyMet = e2eP99 <= E2E_P99_MAX_MS;
        checks.add(new Check("POST -> CONFIRMED p99 at %.0f orders/s".formatted(r.fixed().offeredPerSecond()),
                "<= %.0f ms".formatted(E2E_P99_MAX_MS), "%.1f ms".formatted(e2eP99), e2eLatencyMet,
                e2eLatencyMet ? "" : "%.1f ms over".formatted(e2eP99 - E2E_P99_MAX_MS),
                e2eLatencyMet ? "" : ("p50 is %.1f ms: %.0f orders/s is %.0f%% of what the whole pipeline moves at"
                        + " saturation here (%.0f/s), so orders queue behind each other for the shared cores")
                        .formatted(r.fixed().e2e().at(50), r.fixed().offeredPerSecond(),
                                100 * r.fixed().offeredPerSecond() / r.saturation().ordersPerSecond(),
                                r.saturation().ordersPerSecond())));
        for (Bench.Artifact artifact : r.artifacts()) {
            boolean met = artifact.bytes() <= JAR_MAX_BYTES;
            checks.add(new Check("jar " + artifact.function(), "<= 10 MB", mb(artifact.bytes()), met,
                    met ? "" : mb(artifact.bytes() - JAR_MAX_BYTES) + " over",
                    met ? "" : "the AWS SDK's DynamoDB model and endpoint metadata make up most of it"));
        }
        return checks;
    }

    /** Decimal megabytes, as the target is written (10 MB = 10,000,000 bytes). */
    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }
}
