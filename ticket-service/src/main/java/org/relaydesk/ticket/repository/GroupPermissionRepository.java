package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.relaydesk.ticket.GroupPermission;
import org.relaydesk.ticket.Permission;

/** Permissions of Keycloak groups on RelayDesk groups. */
@ApplicationScoped
public class GroupPermissionRepository implements PanacheRepositoryBase<GroupPermission, Long> {

    /** What members of any of the Keycloak groups may do in the queues of a group. */
    public Set<Permission> permissions(Collection<String> keycloakGroups, int groupId) {
        Set<Permission> result = EnumSet.noneOf(Permission.class);
        if (keycloakGroups.isEmpty()) {
            return result;
        }
        result.addAll(getEntityManager().createQuery("select distinct p.permission from GroupPermission p "
                        + "where p.groupId = :group and p.keycloakGroup in :kc", Permission.class)
                .setParameter("group", groupId).setParameter("kc", keycloakGroups)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_CACHEABLE, true).getResultList());
        return result;
    }

    /** Ids of the queues where members of any of the Keycloak groups hold the permission (or rw). */
    public List<Integer> queueIdsWith(Collection<String> keycloakGroups, Permission permission) {
        if (keycloakGroups.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select q.id from Queue q where q.groupId in ("
                        + "select p.groupId from GroupPermission p where p.keycloakGroup in :kc "
                        + "and p.permission in :perms)", Integer.class)
                .setParameter("kc", keycloakGroups)
                .setParameter("perms", List.of(permission, Permission.RW))
                .setHint(org.hibernate.jpa.HibernateHints.HINT_CACHEABLE, true)
                .getResultList();
    }

    public List<GroupPermission> ofGroup(int groupId) {
        return list("groupId = ?1 order by keycloakGroup, permission", groupId);
    }
}
