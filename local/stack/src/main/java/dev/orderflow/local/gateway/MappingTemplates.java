package dev.orderflow.local.gateway;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders API Gateway mapping templates with Apache Velocity 2, set to behave as API Gateway's Velocity: lenient
 * references (an undefined one renders as written, {@code $!x} as nothing) and {@code #if} false only for null and
 * false (Velocity 2 would also call an empty string false). Each template is parsed once.
 */
final class MappingTemplates {

    private final RuntimeInstance velocity = new RuntimeInstance();
    private final UtilVariable util = new UtilVariable();
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    MappingTemplates() {
        velocity.setProperty(RuntimeConstants.SPACE_GOBBLING, RuntimeConstants.SpaceGobbling.LINES.name().toLowerCase());
        velocity.setProperty(RuntimeConstants.CHECK_EMPTY_OBJECTS, false);
        velocity.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, false);
        velocity.init();
    }

    /**
     * @param context {@code $context}; a template may change it (as {@code $context.responseOverride})
     * @throws IllegalStateException when the template does not parse or a call in it fails
     */
    String render(String template, InputVariable input, Map<String, Object> context) {
        VelocityContext variables = new VelocityContext();
        variables.put("input", input);
        variables.put("util", util);
        variables.put("context", context);
        variables.put("stageVariables", Map.of());
        StringWriter out = new StringWriter();
        try {
            parsed.computeIfAbsent(template, this::parse).merge(variables, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("mapping template failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private Template parse(String text) {
        Template template = new Template();
        template.setName("mapping-template");
        template.setRuntimeServices(velocity);
        try {
            template.setData(velocity.parse(new StringReader(text), template));
        } catch (ParseException e) {
            throw new IllegalStateException("mapping template does not parse: " + e.getMessage(), e);
        }
        template.initDocument();
        return template;
    }
}
