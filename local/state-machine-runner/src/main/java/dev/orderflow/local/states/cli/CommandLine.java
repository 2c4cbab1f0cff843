package dev.orderflow.local.states.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} options and {@code --flag} switches, checked against what a command accepts. */
final class CommandLine {

    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private CommandLine() {
    }

    /**
     * Parses {@code args}.
     *
     * @throws UsageException for an unknown option, or an option without its value
     */
    static CommandLine parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
        CommandLine line = new CommandLine();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (flagOptions.contains(arg)) {
                line.flags.add(arg);
            } else if (valueOptions.contains(arg)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a value");
                }
                line.options.put(arg, args.get(++i));
            } else {
                throw new UsageException("unknown option '" + arg + "'");
            }
        }
        return line;
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    String required(String name) {
        return option(name).orElseThrow(() -> new UsageException(name + " is required"));
    }

    int integer(String name, int defaultValue) {
        return option(name).map(value -> {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed <= 0) {
                    throw new UsageException(name + " must be a positive integer");
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new UsageException(name + " must be a positive integer, not '" + value + "'");
            }
        }).orElse(defaultValue);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** The command line was wrong: the message says how. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
