package org.relaydesk.ticket.service;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.relaydesk.ticket.DateChecksumTicketNumberGenerator;
import org.relaydesk.ticket.TicketNumberGenerator;
import org.relaydesk.ticket.config.TicketConfig;
import org.relaydesk.ticket.repository.TicketNumberSequence;

/**
 * Hands out ticket numbers from the configured strategy: the built-in date-checksum generator
 * (counter from a PostgreSQL sequence), or any {@link TicketNumberGenerator} bean by its name.
 */
@ApplicationScoped
public class TicketNumbers {

    @Inject
    TicketConfig config;
    @Inject
    TicketNumberSequence sequence;
    @Inject
    @All
    List<TicketNumberGenerator> custom;

    private volatile TicketNumberGenerator generator;

    public String next() {
        TicketNumberGenerator g = generator;
        if (g == null) {
            g = select();
            generator = g;
        }
        return g.next();
    }

    private TicketNumberGenerator select() {
        String name = config.numberGenerator();
        if (DateChecksumTicketNumberGenerator.NAME.equals(name)) {
            return new DateChecksumTicketNumberGenerator(config.systemId(), sequence::next,
                    Clock.system(ZoneId.of(config.numberTimeZone())));
        }
        return custom.stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ticket number generator named " + name));
    }
}
