package dev.orderflow.local.states.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * The concrete input and output types of a {@link RequestHandler} implementation, found through its class
 * hierarchy as the Lambda runtime finds them. A handler whose types are left unbound cannot be served.
 */
final class HandlerTypes {

    record Signature(Type input, Type output) {
        boolean returnsNothing() {
            return output == Void.class || output == void.class;
        }
    }

    private HandlerTypes() {
    }

    static Signature of(Class<?> handlerClass) {
        Type[] arguments = find(handlerClass, new HashMap<>());
        if (arguments == null) {
            throw new IllegalArgumentException("Class " + handlerClass.getName()
                    + " does not implement RequestHandler with concrete type parameters");
        }
        for (Type argument : arguments) {
            if (argument instanceof TypeVariable<?>) {
                throw new IllegalArgumentException("Class " + handlerClass.getName()
                        + " does not implement RequestHandler with concrete type parameters: " + argument + " is unbound");
            }
        }
        return new Signature(arguments[0], arguments[1]);
    }

    private static Type[] find(Type type, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] actual = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                bindings.put(variables[i], resolve(actual[i], bindings));
            }
            if (raw == RequestHandler.class) {
                return new Type[] {resolve(actual[0], bindings), resolve(actual[1], bindings)};
            }
        } else if (type instanceof Class<?> cls) {
            raw = cls;
        } else {
            return null;
        }
        for (Type implemented : raw.getGenericInterfaces()) {
            Type[] found = find(implemented, new HashMap<>(bindings));
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : find(superclass, bindings);
    }

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        Type bound = type;
        while (bound instanceof TypeVariable<?> variable && bindings.containsKey(variable)) {
            bound = bindings.get(variable);
        }
        return bound;
    }
}
