package dev.orderflow.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The shaded jars of the two zip functions, relative to the repository root, as `mvn install` builds them
 * ({@code functions/poller/target/orderflow-poller-<version>-function.jar}); the version is this module's own.
 */
enum FunctionJars {
    POLLER("poller", "orderflow-poller"),
    ORDERS_API("orders-api", "orderflow-orders-api");

    private static final String VERSION = version();

    private final String module;
    private final String artifactId;

    FunctionJars(String module, String artifactId) {
        this.module = module;
        this.artifactId = artifactId;
    }

    Path path() {
        return Path.of("functions", module, "target", artifactId + "-" + VERSION + "-function.jar");
    }

    /** Fails, saying how to build them, when a jar is missing under {@code repositoryRoot}. */
    static void requireBuilt(Path repositoryRoot) {
        for (FunctionJars jar : values()) {
            Path path = repositoryRoot.resolve(jar.path());
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("Missing " + path + ": build the functions first"
                        + " (mvn -B install -DskipTests at the repository root)");
            }
        }
    }

    private static String version() {
        try (InputStream in = FunctionJars.class.getResourceAsStream("/orderflow-infra.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
