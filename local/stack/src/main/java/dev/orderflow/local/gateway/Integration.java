package dev.orderflow.local.gateway;

/** The back end of one operation ({@code x-amazon-apigateway-integration}). */
interface Integration {

    /** @throws GatewayError when the gateway answers itself (e.g. 415, 502) */
    GatewayAnswer invoke(Call call);
}
