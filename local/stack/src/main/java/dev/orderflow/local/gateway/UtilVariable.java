package dev.orderflow.local.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** {@code $util} in a mapping template. Public because Velocity calls it by reflection. */
public final class UtilVariable {

    /**
     * JavaScript string escaping as API Gateway does it: quotes (both kinds), backslash and slash get a backslash;
     * {@code \b \f \n \r \t} their short escapes; other control characters and everything outside ASCII
     * {@code \}{@code uXXXX} (upper-case hex).
     */
    public String escapeJavaScript(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"', '\'', '\\', '/' -> escaped.append('\\').append(c);
                case '\b' -> escaped.append("\\b");
                case '\f' -> escaped.append("\\f");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7f) {
                        escaped.append(String.format("\\u%04X", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** {@code application/x-www-form-urlencoded}, UTF-8. */
    public String urlEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    public String urlDecode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    public String base64Encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public String base64Decode(String text) {
        return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }

    /** JSON text as an object a template can walk (map, list, text, number, boolean). */
    public Object parseJson(String json) {
        try {
            return RequestValidator.STRICT_JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("$util.parseJson: not JSON", e);
        }
    }
}
