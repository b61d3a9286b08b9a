package org.relaydesk.ticket.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test setup through the admin API (as the demo admin). */
final class Admin {

    private Admin() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static int group(String name) {
        return Api.as("admin").body(Map.of("name", name)).post("/api/admin/groups")
                .then().statusCode(201).extract().jsonPath().getInt("id");
    }

    static int queue(String name, int groupId) {
        return Api.as("admin").body(Map.of("name", name, "groupId", groupId, "systemAddressId", 1, "salutationId", 1,
                        "signatureId", 1, "templateIds", List.of(1, 2)))
                .post("/api/admin/queues").then().statusCode(201).extract().jsonPath().getInt("id");
    }

    /** Replaces the grants of a group: the Keycloak group gets exactly these permissions. */
    static void grant(int groupId, String keycloakGroup, String... permissions) {
        Api.as("admin").body(Map.of("grants", List.of(Map.of("keycloakGroup", keycloakGroup, "permissions", List.of(permissions)))))
                .put("/api/admin/groups/" + groupId + "/permissions").then().statusCode(200);
    }

    /** A fresh group with one queue; returns the queue id. */
    static int queueInNewGroup(String keycloakGroup, String... permissions) {
        int group = group(unique("grp"));
        int queue = queue(unique("queue"), group);
        grant(group, keycloakGroup, permissions);
        return queue;
    }
}
