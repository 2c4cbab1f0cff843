package dev.orderflow.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line: {@code timestamp}, {@code level}, {@code logger}, {@code message}, every
 * {@link LogField} parameter as a field of its own, and {@code error} (type and stack) when a throwable is attached.
 */
public final class JsonLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder json = new StringBuilder(256).append('{');
        appendField(json, "timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
        appendField(json, "level", record.getLevel().getName());
        appendField(json, "logger", record.getLoggerName());
        appendField(json, "message", message(record));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                if (parameter instanceof LogField(String name, Object value)) {
                    appendField(json, name, String.valueOf(value));
                }
            }
        }
        if (record.getThrown() != null) {
            appendField(json, "errorType", record.getThrown().getClass().getName());
            StringWriter stack = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(stack));
            appendField(json, "stackTrace", stack.toString());
        }
        json.setLength(json.length() - 1);
        return json.append("}\n").toString();
    }

    private static String message(LogRecord record) {
        Object[] parameters = record.getParameters();
        if (parameters == null || parameters.length == 0) {
            return record.getMessage();
        }
        try {
            return MessageFormat.format(record.getMessage(), parameters);
        } catch (IllegalArgumentException e) {
            return record.getMessage();
        }
    }

    private static void appendField(StringBuilder json, String name, String value) {
        json.append('"');
        escape(json, name);
        json.append("\":\"");
        escape(json, value == null ? "" : value);
        json.append("\",");
    }

    static void escape(StringBuilder json, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
    }
}
