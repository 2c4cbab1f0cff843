package dev.orderflow.local.states;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Substitutes {@code ${Name}} placeholders in a definition, as CloudFormation's and Pulumi's definition
 * substitutions do: {@code "${PersistOrderFunctionArn}"} becomes the function's ARN. A placeholder without a value
 * is an error naming it, so that no definition runs half-substituted.
 */
public final class DefinitionPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

    private DefinitionPlaceholders() {
    }

    public static String substitute(String definition, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(definition);
        StringBuilder out = new StringBuilder();
        TreeSet<String> missing = new TreeSet<>();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                missing.add(matcher.group(1));
                value = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("No value for the definition placeholder(s) " + missing);
        }
        return out.toString();
    }

    /** The placeholder names a definition uses. */
    public static Set<String> names(String definition) {
        TreeSet<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(definition);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
