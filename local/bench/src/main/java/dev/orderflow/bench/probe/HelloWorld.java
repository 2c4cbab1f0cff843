package dev.orderflow.bench.probe;

/** The floor of every cold start: a JVM that starts, prints the same marker as the probe, and exits. */
public final class HelloWorld {

    private HelloWorld() {
    }

    public static void main(String[] args) {
        long now = System.nanoTime();
        System.out.println(ColdStartProbe.DONE + " main=" + now + " init=" + now + " invoked=" + now + " bytes=0");
        System.out.flush();
        System.exit(0);
    }
}
