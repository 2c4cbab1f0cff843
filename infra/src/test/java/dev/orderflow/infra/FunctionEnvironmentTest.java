package dev.orderflow.infra;

import com.pulumi.test.Mocks;
import dev.orderflow.config.Settings;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each function, given the environment the program gives it (plus what Lambda adds), loads its configuration:
 * the program and the functions' {@code *Config} records agree on every variable name.
 */
class FunctionEnvironmentTest {

    private final StackRun stack = StackRun.standard();

    @Test
    void everyFunction_startsWithTheEnvironmentTheProgramGivesIt() throws Exception {
        assertThat(load("poller", "dev.orderflow.poller.PollerConfig").toString()).contains("stateMachine:workflow-mock");
        assertThat(load("validate-order", "dev.orderflow.validate.ValidateOrderConfig").toString()).contains("catalog-mock");
        assertThat(load("persist-order", "dev.orderflow.persist.PersistOrderConfig").toString()).contains("orders-mock");
        assertThat(load("orders-api", "dev.orderflow.api.OrdersApiConfig").toString()).contains("orders-mock");
    }

    private Object load(String function, String configClass) throws Exception {
        Mocks.ResourceArgs args = stack.one("aws:lambda/function:Function", function);
        Map<String, String> environment = new HashMap<>();
        StackRun.map(StackRun.input(args, "environment", "variables"))
                .forEach((name, value) -> environment.put(name, String.valueOf(value)));
        environment.put("AWS_REGION", AwsMocks.REGION);
        Method from = Class.forName(configClass).getDeclaredMethod("from", Settings.class);
        from.setAccessible(true);
        try {
            return from.invoke(null, Settings.of(environment));
        } catch (InvocationTargetException e) {
            throw new AssertionError(function + " would not start: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
