package org.relaydesk.notification.service;

import java.time.Instant;
import org.relaydesk.notification.Notification;

/** An in-app notification as the API and the stream show it. */
public record NotificationView(
        long id,
        String kind,
        Long ticketId,
        String ticketNumber,
        String ticketTitle,
        String text,
        Instant createdAt,
        boolean read) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.kind.name(), n.ticketId, n.ticketNumber, n.ticketTitle, n.text, n.createdAt,
                n.readAt != null);
    }
}
