package org.relaydesk.search.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.ticket.TicketCreated;

/**
 * The Elasticsearch ticket index ({@code tickets}, reached through an alias so a reindex can
 * swap it without downtime). Mappings use only what the minimal distribution ships: the standard
 * analyzer, keywords, and an edge n-gram free prefix query on the ticket number.
 */
@ApplicationScoped
public class TicketIndex {

    private static final Logger LOG = Logger.getLogger(TicketIndex.class);
    public static final String ALIAS = "tickets";
    static final String FIRST_INDEX = "tickets-v1";

    private static final String MAPPING = """
            {
              "settings": {"number_of_shards": 1, "number_of_replicas": 0},
              "mappings": {
                "dynamic": false,
                "properties": {
                  "ticketId":       {"type": "long"},
                  "number":         {"type": "keyword"},
                  "title":          {"type": "text", "fields": {"raw": {"type": "keyword", "ignore_above": 512}}},
                  "queueId":        {"type": "long"},
                  "queueName":      {"type": "keyword"},
                  "state":          {"type": "keyword"},
                  "stateType":      {"type": "keyword"},
                  "priority":       {"type": "integer"},
                  "channel":        {"type": "keyword"},
                  "customerUserId": {"type": "keyword"},
                  "customerId":     {"type": "keyword"},
                  "ownerId":        {"type": "keyword"},
                  "locked":         {"type": "boolean"},
                  "createdAt":      {"type": "date"}
                }
              }
            }""";

    @Inject
    ElasticsearchClient es;

    /** Creates the first index and its alias when neither exists yet. */
    void init(@Observes StartupEvent event) {
        try {
            if (!es.indices().existsAlias(a -> a.name(ALIAS)).value()) {
                es.indices().create(c -> c.index(FIRST_INDEX)
                        .withJson(new StringReader(MAPPING))
                        .aliases(ALIAS, a -> a.isWriteIndex(true)));
                LOG.infof("created index %s behind alias %s", FIRST_INDEX, ALIAS);
            }
        } catch (IOException | RuntimeException e) {
            // Elasticsearch may still be starting; readiness reports it, and the first write retries.
            LOG.warnf("could not prepare the ticket index yet: %s", e.getMessage());
        }
    }

    /** Applies one ticket event to the index. */
    public void apply(EventEnvelope event) {
        if (EventTypes.TICKET_CREATED.equals(event.type())) {
            TicketCreated created = event.payloadAs(TicketCreated.class);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ticketId", created.ticketId());
            doc.put("number", created.number());
            doc.put("title", created.title());
            doc.put("queueId", created.queueId());
            doc.put("queueName", created.queueName());
            doc.put("state", created.state());
            doc.put("stateType", created.stateType());
            doc.put("priority", created.priority());
            doc.put("channel", created.channel());
            doc.put("customerUserId", created.customerUserId());
            doc.put("customerId", created.customerId());
            doc.put("ownerId", created.ownerId());
            doc.put("locked", created.locked());
            doc.put("createdAt", created.createdAt().toString());
            try {
                es.index(i -> i.index(ALIAS).id(event.aggregateId()).document(doc).refresh(Refresh.False));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Tickets whose number starts with, or whose title matches, the query. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List<Map<String, Object>> find(String query, int size) {
        try {
            SearchResponse<Map> response = es.search(s -> s.index(ALIAS).size(size)
                    .query(q -> q.bool(b -> b
                            .should(sh -> sh.prefix(p -> p.field("number").value(query)))
                            .should(sh -> sh.match(m -> m.field("title").query(query)))
                            .minimumShouldMatch("1"))), Map.class);
            return response.hits().hits().stream().map(Hit::source).map(m -> (Map<String, Object>) m).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
