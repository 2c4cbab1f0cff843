package dev.orderflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One deployable function as it ships: its module, handler, how it is packaged (a zip on the managed runtime, or a
 * container image with an AOT cache), the event a cold start is measured with, and its shaded jar.
 */
record FunctionUnderTest(String name, String handlerClass, Packaging packaging, String event, boolean eventHandler) {

    enum Packaging { ZIP, IMAGE }

    /** Orderflow's four functions, as infra deploys them (see infra's Queueing, Workflow and Api components). */
    static final List<FunctionUnderTest> ALL = List.of(
            new FunctionUnderTest("poller", "dev.orderflow.poller.PollerHandler", Packaging.ZIP,
                    "sqs-batch-of-10.json", true),
            new FunctionUnderTest("validate-order", "dev.orderflow.validate.ValidateOrderHandler", Packaging.IMAGE,
                    "validate-order.json", false),
            new FunctionUnderTest("persist-order", "dev.orderflow.persist.PersistOrderHandler", Packaging.IMAGE,
                    "persist-record-create.json", false),
            new FunctionUnderTest("orders-api", "dev.orderflow.api.OrdersApiHandler", Packaging.ZIP,
                    "apigw-get-order.json", true));

    Path module(Path repository) {
        return repository.resolve("functions").resolve(name);
    }

    /** {@code functions/<name>/target/orderflow-<name>-<version>-function.jar}, built by {@code mvn install}. */
    Path jar(Path repository) {
        Path target = module(repository).resolve("target");
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(target, "orderflow-" + name + "-*-function.jar")) {
                found.forEach(jars::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (jars.size() != 1) {
            throw new IllegalStateException("expected one function jar in " + target + ", found " + jars.size()
                    + " (build first: mvn -B install -DskipTests)");
        }
        return jars.getFirst();
    }
}
