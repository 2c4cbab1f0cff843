package dev.orderflow.local.faults;

import dev.orderflow.local.states.lambda.LambdaFunction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link FaultPlan} at work in one running stack: it hands out the faulty parts (function wrappers, proxy rules,
 * the event source's delivery faults) and counts every fault it injects, so a run can show that each kind really
 * happened. With a plan that is off, every part it hands out is the real one, untouched.
 */
public final class Faults {

    /** DynamoDB outage windows recur with this period; each lasts {@code rate x OUTAGE_SCALE}. */
    static final Duration OUTAGE_PERIOD = Duration.ofSeconds(10);
    static final Duration OUTAGE_SCALE = Duration.ofSeconds(5);

    private final FaultPlan plan;
    private final Clock clock;
    private final Instant start;
    private final Duration outagePhase;
    private final SplittableRandom random;
    /** A fault not injected by this many opportunities is forced (see {@link #draw}). */
    static final int GUARANTEED_BY = 3;

    private final Map<Fault, AtomicLong> injected = new EnumMap<>(Fault.class);
    private final Map<Fault, AtomicLong> opportunities = new EnumMap<>(Fault.class);

    public Faults(FaultPlan plan, Clock clock) {
        this.plan = plan;
        this.clock = clock;
        this.start = clock.instant();
        this.random = new SplittableRandom(plan.seed());
        // The first window opens 2 to 7 seconds in, so that a run meets it while its orders are in flight.
        this.outagePhase = Duration.ofMillis(2_000 + (long) (plan.uniform(Fault.DYNAMODB_OUTAGE, "phase") * 5_000));
        for (Fault fault : Fault.values()) {
            injected.put(fault, new AtomicLong());
            opportunities.put(fault, new AtomicLong());
        }
    }

    public static Faults none() {
        return new Faults(FaultPlan.none(), Clock.systemUTC());
    }

    public FaultPlan plan() {
        return plan;
    }

    public boolean isOff() {
        return plan.isOff();
    }

    /** How many times each fault was injected so far. */
    public Map<Fault, Long> injected() {
        Map<Fault, Long> counts = new EnumMap<>(Fault.class);
        injected.forEach((fault, count) -> counts.put(fault, count.get()));
        return counts;
    }

    public long injected(Fault fault) {
        return injected.get(fault).get();
    }

    void record(Fault fault) {
        injected.get(fault).incrementAndGet();
    }

    /**
     * A draw from the seeded random source: true with {@code fault}'s probability. So that every enabled fault is
     * really tried in a run, even a short one, a fault not injected yet by its {@value #GUARANTEED_BY}th opportunity
     * is drawn on every opportunity until it has been.
     */
    boolean draw(Fault fault) {
        if (!plan.isEnabled(fault)) {
            return false;
        }
        if (opportunities.get(fault).incrementAndGet() >= GUARANTEED_BY && injected(fault) == 0) {
            return true;
        }
        double value;
        synchronized (random) {
            value = random.nextDouble();
        }
        return value < plan.probability(fault);
    }

    /** A seeded coin, for choosing between the variants of a fault. */
    boolean coin() {
        synchronized (random) {
            return random.nextBoolean();
        }
    }

    /**
     * The DynamoDB outage under way now, if any: its number (windows alternate between refusing connections and
     * throttling) is how many windows opened before it.
     */
    Optional<Long> outageNow() {
        if (!plan.isEnabled(Fault.DYNAMODB_OUTAGE)) {
            return Optional.empty();
        }
        long length = (long) (OUTAGE_SCALE.toMillis() * plan.rate());
        long since = Duration.between(start, clock.instant()).toMillis() - outagePhase.toMillis();
        if (since < 0 || length <= 0) {
            return Optional.empty();
        }
        long period = OUTAGE_PERIOD.toMillis();
        return since % period < Math.min(length, period) ? Optional.of(since / period) : Optional.empty();
    }

    /** The function as the workflow should meet it: the real one, or one that fails as the plan says. */
    public LambdaFunction function(String name, LambdaFunction real, boolean crashesOnPoisonOrders) {
        return isOff() ? real : new FaultyFunction(name, real, this, crashesOnPoisonOrders);
    }

    public FaultProxy.Rule dynamoDb() {
        return new DynamoDbFaults(this);
    }

    public FaultProxy.Rule startExecution() {
        return new StartExecutionFaults(this);
    }

    /** Delivery faults for the poller's event source (attach the source once it exists). */
    public PollerFaults poller() {
        return new PollerFaults(this);
    }

    @Override
    public String toString() {
        return plan.toString();
    }
}
