package org.relaydesk.notification.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.relaydesk.contracts.Json;
import org.relaydesk.notification.repository.NotificationRepository;
import org.relaydesk.notification.repository.PreferenceRepository;
import org.relaydesk.notification.service.NotificationView;
import org.relaydesk.notification.service.PushEvent;
import org.relaydesk.notification.service.PushHub;

/** The calling agent's in-app notifications, and the live stream. */
@Path("/api/notifications")
@RolesAllowed({"agent", "admin"})
public class NotificationResource {

    /** A page of notifications, newest first. */
    public record NotificationPage(List<NotificationView> items, int page, int size, long total, long unread) {
    }

    @Inject
    Caller caller;

    @Inject
    NotificationRepository notifications;

    @Inject
    PreferenceRepository preferences;

    @Inject
    PushHub hub;

    @Inject
    Clock clock;

    /** The caller's notifications; also records the caller's groups and admin role (see PreferenceResource). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public NotificationPage list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size,
            @QueryParam("unread") @DefaultValue("false") boolean unreadOnly) {
        if (page < 0 || size < 1 || size > 200) {
            throw new BadRequestException("page >= 0 and 1 <= size <= 200");
        }
        String agent = caller.agent();
        preferences.rememberAccess(agent, caller.groups(), caller.admin()); // keeps queue notifications in step with the groups
        List<NotificationView> items = notifications.page(agent, unreadOnly, page, size).stream()
                .map(NotificationView::of).toList();
        return new NotificationPage(items, page, size, notifications.countFor(agent, unreadOnly),
                notifications.countFor(agent, true));
    }

    @POST
    @Path("/{id}/read")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, Object> read(@PathParam("id") long id) {
        String agent = caller.agent();
        if (!notifications.exists(agent, id)) {
            throw new NotFoundException("no notification " + id);
        }
        notifications.markRead(agent, id, clock.instant());
        return Map.of("id", id, "read", true);
    }

    @POST
    @Path("/read-all")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, Object> readAll() {
        return Map.of("marked", notifications.markAllRead(caller.agent(), clock.instant()));
    }

    /**
     * Server-Sent Events: {@code notification} events (the agent's new in-app notifications) and
     * {@code ticket} events ({ticketId, type} hints so open lists and ticket views refresh), each
     * with its id; a reconnect with {@code Last-Event-ID} (or {@code ?lastEventId=}) first replays
     * what was missed. Starts with a {@code ready} event and sends {@code ping} every 15 s.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @QueryParam("lastEventId") String lastEventIdQuery, @Context Sse sse) {
        String agent = caller.agent();
        Long lastEventId = parse(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdQuery);
        Multi<OutboundSseEvent> events = Multi.createFrom().<PushEvent>emitter(emitter -> {
                    PushHub.Subscription subscription = hub.subscribe(agent, emitter);
                    List<PushEvent> replay = lastEventId == null ? List.of()
                            : QuarkusTransaction.requiringNew().call(() -> notifications.since(agent, lastEventId));
                    subscription.goLive(replay);
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(e -> sse.newEventBuilder()
                        .id(Long.toString(e.id()))
                        .name(e.event())
                        .mediaType(MediaType.TEXT_PLAIN_TYPE)
                        .data(String.class, Json.write(e.data()))
                        .build());
        OutboundSseEvent ready = sse.newEventBuilder().name("ready").mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, Json.write(Map.of("agent", agent, "resumedAfter", lastEventId == null ? -1 : lastEventId)))
                .reconnectDelay(3000)
                .build();
        Multi<OutboundSseEvent> pings = Multi.createFrom().ticks().every(Duration.ofSeconds(15))
                .map(t -> sse.newEventBuilder().name("ping").mediaType(MediaType.TEXT_PLAIN_TYPE)
                        .data(String.class, "{}").build());
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(ready),
                Multi.createBy().merging().streams(events, pings));
    }

    private static Long parse(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("Last-Event-ID must be a number");
        }
    }
}
