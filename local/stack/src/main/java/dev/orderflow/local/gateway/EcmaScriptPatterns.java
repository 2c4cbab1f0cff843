package dev.orderflow.local.gateway;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

import java.util.regex.Pattern;

/**
 * JSON Schema {@code pattern}s with the end anchor of ECMA-262, the regular expression dialect JSON Schema
 * prescribes: without the multiline flag, {@code $} matches only at the very end of the value. A java.util.regex
 * {@code $} also matches before a final line terminator, so {@code "luigis-pizzeria\n"} would pass
 * {@code ^[A-Za-z0-9_-]{1,64}$} and reach the queue. Each anchoring {@code $} (not escaped, not inside a character
 * class) is therefore compiled as {@code \z}; the rest runs as java.util.regex runs it, searched anywhere in the
 * value, as the keyword requires.
 */
final class EcmaScriptPatterns implements RegularExpressionFactory {

    static final EcmaScriptPatterns INSTANCE = new EcmaScriptPatterns();

    private EcmaScriptPatterns() {
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(withEndOfInputAnchors(regex));
        return value -> pattern.matcher(value).find();
    }

    /** {@code regex} with every anchoring {@code $} written {@code \z}. */
    static String withEndOfInputAnchors(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(++i));
            } else if (inClass) {
                out.append(c);
                inClass = c != ']';
            } else if (c == '$') {
                out.append("\\z");
            } else {
                out.append(c);
                inClass = c == '[';
            }
        }
        return out.toString();
    }
}
