package org.relaydesk.notification.service;

/**
 * One item of the live stream: a new in-app notification of one agent, or a ticket change hint for
 * every agent. {@code id} comes from {@code push_seq} and is the SSE event id.
 *
 * @param id    SSE event id
 * @param event SSE event name: {@code notification} or {@code ticket}
 * @param agent the receiving agent, or null for everyone
 * @param data  the JSON body
 */
public record PushEvent(long id, String event, String agent, Object data) {

    public static final String NOTIFICATION = "notification";
    public static final String TICKET = "ticket";

    /** Body of a ticket change hint: open lists and ticket views refresh on it. */
    public record TicketHint(long ticketId, String type) {
    }

    public boolean isFor(String someAgent) {
        return agent == null || agent.equals(someAgent);
    }
}
