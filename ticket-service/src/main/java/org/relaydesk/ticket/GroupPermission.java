package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One permission of a Keycloak group on the queues of a RelayDesk group. */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "group_permission")
public class GroupPermission extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "group_id", nullable = false)
    public Integer groupId;

    @Column(name = "keycloak_group", nullable = false)
    public String keycloakGroup;

    @Column(nullable = false)
    public Permission permission;
}
