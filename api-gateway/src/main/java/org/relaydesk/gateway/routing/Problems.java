package org.relaydesk.gateway.routing;

import io.vertx.core.json.JsonObject;

/** RFC 9457 problem bodies the gateway itself produces. */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    public static String body(int status, String title, String detail, String instance, String requestId) {
        JsonObject json = new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance);
        if (requestId != null) {
            json.put("requestId", requestId);
        }
        return json.encode();
    }
}
