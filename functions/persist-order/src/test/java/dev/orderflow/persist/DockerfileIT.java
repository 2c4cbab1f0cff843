package dev.orderflow.persist;

import dev.orderflow.testing.FunctionImageContract;

class DockerfileIT extends FunctionImageContract {

    @Override
    protected Class<?> handler() {
        return PersistOrderHandler.class;
    }
}
