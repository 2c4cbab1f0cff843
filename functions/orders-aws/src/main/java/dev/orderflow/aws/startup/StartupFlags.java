package dev.orderflow.aws.startup;

/**
 * The JVM options every function is deployed with, in {@code JAVA_TOOL_OPTIONS}: the two zip functions get them from
 * the Pulumi program, the two container images from their Dockerfile (which adds its AOT cache), and
 * {@code ./orderflow bench} starts each function with exactly these when it measures cold starts.
 * <ul>
 *   <li>C1 only ({@code TieredStopAtLevel=1}): a handler that mostly waits on I/O gains nothing from C2, and C1
 *       compiles the start-up path sooner and cheaper;</li>
 *   <li>the serial collector, as Lambda's own runtime uses: one CPU-share, small heaps, no GC threads to start;</li>
 *   <li>no {@code hsperfdata} file: nothing reads it in Lambda, and it costs a file and an mmap at start.</li>
 * </ul>
 */
public final class StartupFlags {

    /** For every function (the zip functions' {@code JAVA_TOOL_OPTIONS} as it is). */
    public static final String JAVA_TOOL_OPTIONS =
            "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData";

    private StartupFlags() {
    }
}
