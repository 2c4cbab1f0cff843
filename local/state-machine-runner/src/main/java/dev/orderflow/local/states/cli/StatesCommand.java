package dev.orderflow.local.states.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** {@code ./orderflow states <run|bench|serve|help>}: the state-machine runner's command line. */
public final class StatesCommand {

    private StatesCommand() {
    }

    /** Always exits: DynamoDB Local (bench) leaves non-daemon threads behind that would keep the JVM alive. */
    public static void main(String[] args) {
        int status;
        try {
            status = execute(Arrays.asList(args), System.out, System.err);
        } catch (Exception | Error e) {
            System.err.println("orderflow states: failed: " + e);
            e.printStackTrace(System.err);
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    static int execute(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String command = args.isEmpty() ? "help" : args.getFirst();
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        try {
            return switch (command) {
                case "run" -> RunCommand.run(rest, out, err);
                case "bench" -> BenchCommand.run(rest, out, err);
                case "serve" -> ServeCommand.run(rest, out, err);
                case "help", "-h", "--help" -> {
                    out.println(usage());
                    yield 0;
                }
                default -> throw new CommandLine.UsageException("unknown command '" + command + "'");
            };
        } catch (CommandLine.UsageException e) {
            err.println("orderflow states: " + e.getMessage());
            err.println(usage());
            return 2;
        }
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "Usage: ./orderflow " + RunCommand.USAGE,
                "       ./orderflow " + BenchCommand.USAGE,
                "       ./orderflow " + ServeCommand.USAGE,
                "",
                "  run    runs one execution of a workflow to its end and prints {status, output, error, cause, history};",
                "         --virtual-time makes waits and retry backoffs instant while timestamps advance as if they passed",
                "  bench  executions per second of the order workflow with the real handlers against DynamoDB Local",
                "  serve  the Step Functions API on 127.0.0.1 for the AWS CLI and SDKs (Task states answer from a mock config)");
    }
}
