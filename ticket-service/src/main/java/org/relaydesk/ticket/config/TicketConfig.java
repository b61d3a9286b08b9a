package org.relaydesk.ticket.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Business settings of the ticket-service. */
@ConfigMapping(prefix = "relaydesk.ticket")
public interface TicketConfig {

    /** System id put into every ticket number (OTRS SystemID), 1-10 digits. */
    @WithDefault("10")
    String systemId();

    /** Ticket number strategy by name; {@code date-checksum} is built in. */
    @WithDefault("date-checksum")
    String numberGenerator();

    /** Time zone of the date part of ticket numbers. */
    @WithDefault("UTC")
    String numberTimeZone();

    /** Pending time used by the pending action when none is given. */
    @WithDefault("P7D")
    Duration defaultPendingTime();

    /** Largest attachment accepted, in bytes. */
    @WithDefault("10485760")
    long attachmentMaxBytes();

    /** Most tickets per page of a ticket list. */
    @WithDefault("200")
    int maxPageSize();

    /** When true, a parent ticket cannot be closed while one of its children is still open. */
    @WithDefault("false")
    boolean parentCloseRequiresClosedChildren();

    /** Queue that portal tickets go to when the customer picks none. */
    @WithDefault("Raw")
    String portalDefaultQueue();

    /** State a follow-up reopens a closed ticket into (queue follow-up policy "reopen"). */
    @WithDefault("open")
    String reopenState();

    /** The junk queue: moving a ticket there closes it. */
    Junk junk();

    interface Junk {

        /** Name of the junk queue. */
        @WithDefault("Junk")
        String queue();

        /** State a ticket gets when moved into the junk queue. */
        @WithDefault("closed unsuccessful")
        String closeState();

        /** Closed junk tickets older than this are deleted by the cleanup job. */
        @WithDefault("30")
        int retentionDays();

        /** How often the cleanup job runs (a scheduler expression such as {@code 1h}). */
        @WithDefault("1h")
        String cleanupEvery();
    }
}
