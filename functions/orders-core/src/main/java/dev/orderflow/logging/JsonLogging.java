package dev.orderflow.logging;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Sends {@link System.Logger} output (backed by java.util.logging) to standard output as JSON lines, which is what
 * Lambda ships to CloudWatch Logs. Called by each handler's public constructor; idempotent.
 */
public final class JsonLogging {

    private static volatile boolean installed;

    private JsonLogging() {
    }

    public static synchronized void install() {
        if (installed) {
            return;
        }
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof ConsoleHandler) {
                root.removeHandler(handler);
            }
        }
        StreamHandler stdout = new StreamHandler(System.out, new JsonLogFormatter()) {
            @Override
            public synchronized void publish(java.util.logging.LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        stdout.setLevel(Level.ALL);
        root.addHandler(stdout);
        installed = true;
    }
}
