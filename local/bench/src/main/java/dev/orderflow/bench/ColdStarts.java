package dev.orderflow.bench;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.orderflow.aws.startup.StartupFlags;
import dev.orderflow.bench.probe.ColdStartProbe;
import dev.orderflow.bench.probe.HelloWorld;
import dev.orderflow.testing.Dockerfiles;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Cold starts as Lambda has them: a fresh JVM, started with the function's deployed {@code JAVA_TOOL_OPTIONS} (and,
 * for an image, the AOT cache its Dockerfile trains, trained here with the Dockerfile's own command), the function's
 * environment pointed at the running local stack, then handler initialisation and one invocation making its real
 * calls. The time is from just before the process starts to the moment its "done" line arrives; the floor is a
 * hello-world main started the same way. Runs go round-robin over the functions, so a noisy moment on the machine
 * is shared rather than landing on one function.
 */
final class ColdStarts {

    /** One function's (or the floor's) runs. */
    record Result(String function, List<Run> runs) {
        double medianMs() {
            return Percentiles.of(runs.stream().map(Run::totalMs).toList()).median();
        }

        double medianOf(java.util.function.ToDoubleFunction<Run> phase) {
            return Percentiles.of(runs.stream().mapToDouble(phase).toArray()).median();
        }
    }

    /** One start: the total, and its phases from the child's own clock readings (JVM start, init, first invoke). */
    record Run(double totalMs, double jvmMs, double initMs, double invokeMs) {
    }

    static final String FLOOR = "hello-world";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String TASK_ROOT_LOCAL = "task-root";

    private final Path repository;
    private final Path workDir;
    private final Map<String, String> stackEnvironment;
    private final String java;

    ColdStarts(Path repository, Path workDir, Map<String, String> stackEnvironment) {
        this.repository = repository;
        this.workDir = workDir;
        this.stackEnvironment = stackEnvironment;
        this.java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** How one function is started: its class path and its JAVA_TOOL_OPTIONS, ready (AOT cache trained). */
    private record Launch(String function, String mainClass, List<String> classPath, String toolOptions,
                          List<String> arguments) {
    }

    private final List<Launch> launches = new ArrayList<>();

    List<Result> measure(List<FunctionUnderTest> functions, int runs) {
        Path probeJar = probeJar();
        launches.clear();
        launches.add(new Launch(FLOOR, HelloWorld.class.getName(), List.of(probeJar.toString()),
                StartupFlags.JAVA_TOOL_OPTIONS, List.of()));
        for (FunctionUnderTest function : functions) {
            launches.add(prepare(function, probeJar));
        }
        Map<String, List<Run>> results = new LinkedHashMap<>();
        launches.forEach(l -> results.put(l.function(), new ArrayList<>()));
        for (int run = 0; run < runs; run++) {
            String token = "r%05d".formatted(run) + Long.toString(System.nanoTime() % 1_000_000, 36);
            for (Launch launch : launches) {
                results.get(launch.function()).add(start(launch, token, 0).run());
            }
        }
        List<Result> all = new ArrayList<>();
        results.forEach((name, list) -> all.add(new Result(name, list)));
        return all;
    }

    private Launch prepare(FunctionUnderTest function, Path probeJar) {
        Path jar = snapshot(function);
        List<String> classPath = new ArrayList<>();
        String toolOptions;
        if (function.packaging() == FunctionUnderTest.Packaging.IMAGE) {
            Dockerfiles dockerfile = Dockerfiles.read(function.module(repository).resolve("Dockerfile"));
            Path taskRoot = workDir.resolve(function.name()).resolve(TASK_ROOT_LOCAL);
            Path localJar = copyJar(dockerfile, jar, taskRoot);
            train(function, dockerfile, taskRoot);
            classPath.add(localJar.toString());
            toolOptions = Dockerfiles.substitute(dockerfile.javaToolOptions().orElseThrow(() ->
                    new IllegalStateException(function.name() + "'s Dockerfile sets no JAVA_TOOL_OPTIONS")),
                    Map.of(Dockerfiles.TASK_ROOT_VARIABLE, taskRoot.toString()));
        } else {
            classPath.add(jar.toString());
            toolOptions = StartupFlags.JAVA_TOOL_OPTIONS; // what infra gives the zip functions
        }
        classPath.add(probeJar.toString());
        if (function.eventHandler()) {
            classPath.add(serializationJar().toString());
        }
        return new Launch(function.name(), ColdStartProbe.class.getName(), classPath, toolOptions,
                List.of(function.handlerClass(), function.event()));
    }

    /**
     * A copy of the function jar for this run, checked whole (it opens and holds the handler): a build running
     * meanwhile in the same tree rewrites the jar in place, and a run must neither see it change nor copy it half
     * written. A jar caught mid-write is copied again a moment later.
     */
    private Path snapshot(FunctionUnderTest function) {
        Path copy = workDir.resolve(function.name()).resolve("function-under-test.jar");
        String handlerEntry = function.handlerClass().replace('.', '/') + ".class";
        for (int attempt = 1; ; attempt++) {
            try {
                Files.createDirectories(copy.getParent());
                Files.copy(function.jar(repository), copy, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
                try (JarFile jar = new JarFile(copy.toFile())) {
                    if (jar.getEntry(handlerEntry) != null && jar.stream().count() > 100) {
                        return copy;
                    }
                }
            } catch (IOException | IllegalStateException e) {
                if (attempt >= 10) {
                    throw new IllegalStateException("cannot take a whole copy of " + function.name() + "'s jar", e);
                }
            }
            if (attempt >= 10) {
                throw new IllegalStateException(function.name() + "'s jar does not hold " + handlerEntry);
            }
            try {
                Thread.sleep(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** The jar where the image has it ({@code ${LAMBDA_TASK_ROOT}/lib/function.jar}), under a local task root. */
    private static Path copyJar(Dockerfiles dockerfile, Path jar, Path taskRoot) {
        String destination = dockerfile.copyDestinations().getFirst();
        Path local = Path.of(Dockerfiles.substitute(destination, Map.of(Dockerfiles.TASK_ROOT_VARIABLE, taskRoot.toString())));
        try {
            Files.createDirectories(local.getParent());
            Files.copy(jar, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return local;
    }

    /** The Dockerfile's training RUN, word for word, with this JDK's java and the local task root. */
    private void train(FunctionUnderTest function, Dockerfiles dockerfile, Path taskRoot) {
        String run = dockerfile.trainingRun().orElseThrow(() ->
                new IllegalStateException(function.name() + "'s Dockerfile trains no AOT cache"));
        List<String> command = new ArrayList<>(Dockerfiles.words(
                Dockerfiles.substitute(run, Map.of(Dockerfiles.TASK_ROOT_VARIABLE, taskRoot.toString()))));
        command.set(0, java);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolve(function.name()).resolve("aot-training.log").toFile());
        builder.environment().clear(); // as in docker build: no AWS settings, no network needed
        try {
            Files.deleteIfExists(taskRoot.resolve("function.aot"));
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("AOT training of " + function.name() + " failed; see "
                        + workDir.resolve(function.name()).resolve("aot-training.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The median duration of {@code invocations} warm invocations of each function measured last (after its first,
     * in the same JVM), as a container serves them: what Lambda bills per invocation once started.
     */
    Map<String, Double> warmInvocationMs(int invocations) {
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Launch launch : launches) {
            if (!launch.function().equals(FLOOR)) {
                medians.put(launch.function(), start(launch, "warm" + Long.toString(System.nanoTime() % 1_000_000, 36),
                        invocations).warmMs());
            }
        }
        return medians;
    }

    private record Started(Run run, double warmMs) {
    }

    private Started start(Launch launch, String token, int warmInvocations) {
        List<String> command = new ArrayList<>(List.of(java, "-cp", String.join(File.pathSeparator, launch.classPath()),
                launch.mainClass()));
        if (!launch.arguments().isEmpty()) {
            command.add(launch.arguments().get(0));
            command.add(event(launch.arguments().get(1), token).toString());
            if (warmInvocations > 0) {
                command.add(Integer.toString(warmInvocations));
            }
        }
        Path log = workDir.resolve(launch.function()).resolve("stderr.log"); // the last run's, for when one fails
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(stackEnvironment);
        builder.environment().put("JAVA_TOOL_OPTIONS", launch.toolOptions());
        try {
            Files.createDirectories(log.getParent());
            long started = System.nanoTime();
            Process process = builder.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String done = awaitLine(out, ColdStartProbe.DONE, launch.function());
            long answered = System.nanoTime();
            double warmMs = warmInvocations > 0
                    ? parse(awaitLine(out, ColdStartProbe.WARM, launch.function())).get("medianNanos") / 1e6 : 0;
            out.close();
            process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            process.destroyForcibly();
            Map<String, Long> clock = parse(done);
            return new Started(new Run((answered - started) / 1e6, (clock.get("main") - started) / 1e6,
                    (clock.get("init") - clock.get("main")) / 1e6, (clock.get("invoked") - clock.get("init")) / 1e6),
                    warmMs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String awaitLine(BufferedReader out, String marker, String function) throws IOException {
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(marker)) {
                return line;
            }
            if (seen.size() < 20) {
                seen.add(line);
            }
        }
        throw new IllegalStateException(function + " did not answer (its standard error is in the bench's work"
                + " folder); its output:\n" + String.join("\n", seen));
    }

    private static Map<String, Long> parse(String line) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String field : line.substring(line.indexOf(' ') + 1).strip().split(" ")) {
            int equals = field.indexOf('=');
            values.put(field.substring(0, equals), Long.parseLong(field.substring(equals + 1)));
        }
        return values;
    }

    /**
     * The event for one run: each run works on orders of its own (the poller's batch starts new executions, persist
     * records a new order, and orders-api reads that order back), so no run is served by an earlier one's result.
     */
    private Path event(String resource, String token) {
        String text;
        try (InputStream in = ColdStarts.class.getResourceAsStream("/bench/events/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing event " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text = text.replace("7f3a9c", token).replace("checkout-2f9c41d7", "cold-" + token);
        Path file = workDir.resolve("events").resolve(token + "-" + resource);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The probe's classes alone, in a jar (appended after the function jar, as the AOT cache allows). */
    private Path probeJar() {
        Path jar = workDir.resolve("probe.jar");
        String prefix = ColdStartProbe.class.getPackageName().replace('.', '/') + "/";
        try {
            Path codeSource = Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Files.createDirectories(workDir);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                if (Files.isDirectory(codeSource)) {
                    try (Stream<Path> files = Files.walk(codeSource.resolve(prefix))) {
                        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                            add(out, codeSource.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                        }
                    }
                } else {
                    try (JarFile source = new JarFile(codeSource.toFile())) {
                        for (JarEntry entry : source.stream().filter(e -> e.getName().startsWith(prefix) && !e.isDirectory()).toList()) {
                            try (InputStream in = source.getInputStream(entry)) {
                                add(out, entry.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    /** aws-lambda-java-serialization, which the Lambda runtime puts on the class path for event handlers. */
    private static Path serializationJar() {
        try {
            return Path.of(LambdaEventSerializers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
