package dev.orderflow.validate;

import dev.orderflow.testing.FunctionImageContract;

class DockerfileIT extends FunctionImageContract {

    @Override
    protected Class<?> handler() {
        return ValidateOrderHandler.class;
    }
}
