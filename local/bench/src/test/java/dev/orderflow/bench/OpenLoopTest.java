package dev.orderflow.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopTest {

    @Test
    void requestsAreDue_atEvenIntervals_ofOneOverTheRate() {
        OpenLoop loop = new OpenLoop(200, 5);

        assertThat(loop.offsetNanos(0)).isZero();
        assertThat(loop.offsetNanos(1)).isEqualTo(5_000_000);
        assertThat(loop.offsetNanos(4)).isEqualTo(20_000_000);
        assertThat(OpenLoop.forDuration(100, Duration.ofSeconds(3)).count()).isEqualTo(300);
    }

    @Test
    void aSlowRequest_doesNotDelayTheOnesAfterIt_whichStartWhenDue() {
        OpenLoop loop = new OpenLoop(100, 20); // one every 10 ms, 200 ms in all

        List<OpenLoop.Sample> samples = loop.run(i -> {
            if (i == 0) {
                LockSupport.parkNanos(Duration.ofMillis(150).toNanos()); // a stall: a closed loop would wait here
            }
            return true;
        });

        assertThat(samples).hasSize(20).allMatch(OpenLoop.Sample::ok);
        assertThat(samples.getFirst().latencyMs()).isGreaterThanOrEqualTo(150);
        // the second request was due 10 ms after the first and ran then, not after the stall
        assertThat(samples.get(1).dueNanos() - samples.getFirst().dueNanos()).isEqualTo(10_000_000);
        assertThat(samples.get(1).latencyMs()).isLessThan(140);
    }

    @Test
    void latency_isMeasuredFromWhenARequestWasDue() {
        OpenLoop.Sample sample = new OpenLoop.Sample(3, 1_000_000_000L, 1_025_000_000L, true);

        assertThat(sample.latencyMs()).isEqualTo(25.0);
    }

    @Test
    void aRequestThatThrows_countsAsFailed_andTheRunGoesOn() {
        List<OpenLoop.Sample> samples = new OpenLoop(1000, 3).run(i -> {
            if (i == 1) {
                throw new IllegalStateException("refused");
            }
            return true;
        });

        assertThat(samples).extracting(OpenLoop.Sample::ok).containsExactly(true, false, true);
    }
}
