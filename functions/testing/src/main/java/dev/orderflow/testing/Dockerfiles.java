package dev.orderflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a function's Dockerfile without Docker: its base image, what it copies (which must exist once Maven has
 * packaged the module) and the handler it names.
 */
public record Dockerfiles(String baseImage, List<String> copySources, String handler) {

    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(\\S+)\\s+\\S+");
    private static final Pattern CMD = Pattern.compile("(?m)^CMD\\s+\\[\"([^\"]+)\"]");

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
        return new Dockerfiles(from.group(1), sources, cmd.group(1));
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
}
