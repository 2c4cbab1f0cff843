package dev.orderflow.domain;

import java.util.regex.Pattern;

/** The shapes of the identifiers the API accepts (the OpenAPI document declares the same patterns). */
public final class Identifiers {

    /** Order ids: an Idempotency-Key (8..64) or the gateway's request id; path parameters up to 64. */
    public static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    public static final Pattern CATALOG_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Identifiers() {
    }

    public static boolean isOrderId(String value) {
        return value != null && ORDER_ID.matcher(value).matches();
    }
}
