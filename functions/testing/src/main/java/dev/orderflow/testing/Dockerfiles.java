package dev.orderflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a function's Dockerfile without Docker: its base image, what it copies (which must exist once Maven has
 * packaged the module) and where to, the handler it names, its AOT-cache training command, the
 * {@code JAVA_TOOL_OPTIONS} it sets and its exec-form entry point. {@code ./orderflow bench} reads the same file to
 * start each function as its image would.
 */
public record Dockerfiles(String baseImage, List<String> copySources, List<String> copyDestinations, String handler,
                          Optional<String> trainingRun, Optional<String> javaToolOptions, List<String> entrypoint) {

    /** The variable the Lambda base images set to the function's folder, {@code /var/task}. */
    public static final String TASK_ROOT_VARIABLE = "${LAMBDA_TASK_ROOT}";
    public static final String TASK_ROOT = "/var/task";

    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(\\S+)\\s+(\\S+)");
    private static final Pattern CMD = Pattern.compile("(?m)^CMD\\s+\\[\"([^\"]+)\"]");
    private static final Pattern RUN = Pattern.compile("(?m)^RUN\\s+(.+)$");
    private static final Pattern ENV_TOOL_OPTIONS = Pattern.compile("(?m)^ENV\\s+JAVA_TOOL_OPTIONS=\"([^\"]*)\"");
    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT\\s+\\[(.*)]\\s*$");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    public static Dockerfiles read(Path dockerfile) {
        String text;
        try {
            text = Files.readString(dockerfile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher from = FROM.matcher(text);
        Matcher cmd = CMD.matcher(text);
        if (!from.find() || !cmd.find()) {
            throw new IllegalArgumentException(dockerfile + " needs a FROM and an exec-form CMD");
        }
        List<String> sources = COPY.matcher(text).results().map(m -> m.group(1)).toList();
        List<String> destinations = COPY.matcher(text).results().map(m -> m.group(2)).toList();
        Optional<String> training = RUN.matcher(text).results().map(m -> m.group(1).strip())
                .filter(run -> run.contains("-XX:AOTCacheOutput=")).findFirst();
        Optional<String> toolOptions = ENV_TOOL_OPTIONS.matcher(text).results().map(m -> m.group(1)).findFirst();
        List<String> entrypoint = ENTRYPOINT.matcher(text).results().findFirst()
                .map(m -> QUOTED.matcher(m.group(1)).results().map(q -> q.group(1)).toList())
                .orElse(List.of());
        return new Dockerfiles(from.group(1), sources, destinations, cmd.group(1), training, toolOptions, entrypoint);
    }

    /** The files in {@code context} that a COPY source pattern picks. */
    public static List<Path> matches(Path context, String source) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + source);
        try (Stream<Path> files = Files.walk(context, 3)) {
            return files.filter(Files::isRegularFile).filter(p -> matcher.matches(context.relativize(p))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A command or option line with the function folder and any other {@code ${NAME}} given values (the base image's). */
    public static String substitute(String line, Map<String, String> values) {
        String result = line.replace(TASK_ROOT_VARIABLE, values.getOrDefault(TASK_ROOT_VARIABLE, TASK_ROOT));
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace(value.getKey(), value.getValue());
        }
        return result;
    }

    /** A shell-form command line's words (the training run has no quoting). */
    public static List<String> words(String line) {
        return Arrays.stream(line.strip().split("\\s+")).toList();
    }
}
