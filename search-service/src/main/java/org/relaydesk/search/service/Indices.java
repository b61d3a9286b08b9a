package org.relaydesk.search.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.Json;
import org.relaydesk.search.config.SearchConfig;

/**
 * Index names, mappings and aliases. Each logical index ({@code tickets}, {@code articles}) is an
 * alias over one physical index ({@code tickets-v1}, {@code tickets-r<millis>} after a reindex), so
 * a reindex builds a new index and swaps the alias atomically. Mappings keep to the minimal
 * Elasticsearch distribution: standard analyzer, keyword with the lowercase normalizer,
 * {@code index_phrases} for quoted phrases, and the ticket number as a keyword (prefix queries).
 */
@ApplicationScoped
public class Indices {

    private static final Logger LOG = Logger.getLogger(Indices.class);

    static final String TEXT = """
            {"type": "text", "index_phrases": true}""";

    static final String TICKET_MAPPING = """
            {
              "settings": {"number_of_shards": 1, "number_of_replicas": 0},
              "mappings": {
                "_meta": {"schema": %2$d},
                "dynamic": false,
                "properties": {
                  "ticketId":       {"type": "long"},
                  "number":         {"type": "keyword"},
                  "title":          {"type": "text", "index_phrases": true, "fields": {"raw": {"type": "keyword", "ignore_above": 512}}},
                  "queueId":        {"type": "long"},
                  "queue":          {"type": "keyword"},
                  "state":          {"type": "keyword"},
                  "stateType":      {"type": "keyword"},
                  "priority":       {"type": "integer"},
                  "type":           {"type": "keyword"},
                  "channel":        {"type": "keyword"},
                  "customerUserId": {"type": "keyword", "normalizer": "lowercase"},
                  "customerId":     {"type": "keyword", "normalizer": "lowercase"},
                  "owner":          {"type": "keyword"},
                  "responsible":    {"type": "keyword"},
                  "locked":         {"type": "boolean"},
                  "lock":           {"type": "keyword"},
                  "serviceId":      {"type": "long"},
                  "service":        {"type": "keyword"},
                  "slaId":          {"type": "long"},
                  "sla":            {"type": "keyword"},
                  "pendingUntil":   {"type": "date"},
                  "escalated":      {"type": "boolean"},
                  "createdAt":      {"type": "date"},
                  "createdBy":      {"type": "keyword"},
                  "changedAt":      {"type": "date"},
                  "closedAt":       {"type": "date"},
                  "firstResponseAt":      {"type": "date"},
                  "firstResponseMinutes": {"type": "double"},
                  "solutionMinutes":      {"type": "double"},
                  "mergedInto":     {"type": "keyword"},
                  "splitFrom":      {"type": "long"},
                  "articleIds":     {"type": "long"},
                  "articleCount":   {"type": "integer"},
                  "from":           %1$s,
                  "to":             %1$s,
                  "cc":             %1$s,
                  "subject":        %1$s,
                  "body":           %1$s,
                  "attachmentNames": %1$s,
                  "publicFrom":     %1$s,
                  "publicTo":       %1$s,
                  "publicCc":       %1$s,
                  "publicSubject":  %1$s,
                  "publicBody":     %1$s,
                  "publicAttachmentNames": %1$s,
                  "attachmentText": %1$s,
                  "publicAttachmentText": %1$s,
                  "dynamicFields":  {"type": "object", "dynamic": true}
                },
                "dynamic_templates": [
                  {"dynamic_fields": {"path_match": "dynamicFields.*", "mapping": {"type": "keyword", "ignore_above": 512}}}
                ]
              }
            }""".formatted(TEXT, 3);

    static final String ARTICLE_MAPPING = """
            {
              "settings": {"number_of_shards": 1, "number_of_replicas": 0},
              "mappings": {
                "_meta": {"schema": 2},
                "dynamic": false,
                "properties": {
                  "articleId":          {"type": "long"},
                  "ticketId":           {"type": "long"},
                  "ticketNumber":       {"type": "keyword"},
                  "kind":               {"type": "keyword"},
                  "senderType":         {"type": "keyword"},
                  "channel":            {"type": "keyword"},
                  "visibleForCustomer": {"type": "boolean"},
                  "from":               %1$s,
                  "to":                 %1$s,
                  "cc":                 %1$s,
                  "subject":            %1$s,
                  "body":               %1$s,
                  "attachmentNames":    %1$s,
                  "attachmentText":     %1$s,
                  "createdBy":          {"type": "keyword"},
                  "createdAt":          {"type": "date"}
                }
              }
            }""".formatted(TEXT);

    @Inject
    Es es;

    @Inject
    SearchConfig config;

    /** The alias that searches and event writes go through. */
    public String tickets() {
        return config.indexPrefix() + "tickets";
    }

    public String articles() {
        return config.indexPrefix() + "articles";
    }

    void init(@Observes StartupEvent event) {
        try {
            ensure();
        } catch (RuntimeException e) {
            // Elasticsearch may still be starting; readiness reports it, and the first write retries.
            LOG.warnf("could not prepare the indices yet: %s", e.getMessage());
        }
    }

    void shutdown(@Observes ShutdownEvent event) {
        if (!config.deleteIndicesOnShutdown() || config.indexPrefix().isBlank()) {
            return;
        }
        try {
            // destructive wildcards are refused: name the indices
            List<String> names = new ArrayList<>();
            es.call("GET", "/" + config.indexPrefix() + "*", null).fieldNames().forEachRemaining(names::add);
            if (!names.isEmpty()) {
                es.call("DELETE", "/" + String.join(",", names), null);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not delete the test indices: %s", e.getMessage());
        }
    }

    /** Creates the first indices and their aliases when they do not exist yet. */
    public void ensure() {
        ensure(tickets(), TICKET_MAPPING);
        ensure(articles(), ARTICLE_MAPPING);
    }

    private void ensure(String alias, String mapping) {
        if (!es.exists("/_alias/" + alias)) {
            createIndex(alias + "-v1", mapping, alias);
            LOG.infof("created index %s-v1 behind alias %s", alias, alias);
            return;
        }
        upgrade(alias, mapping);
    }

    /**
     * An index of an older mapping (no or a lower {@code _meta.schema}) gets the new fields added
     * (mappings only grow); fields whose definition changed need a reindex, which is logged.
     */
    private void upgrade(String alias, String mapping) {
        JsonNode wanted = readTree(mapping).path("mappings");
        JsonNode current = es.call("GET", "/" + alias + "/_mapping", null);
        JsonNode existing = current.elements().hasNext() ? current.elements().next().path("mappings") : null;
        if (existing == null || existing.path("_meta").path("schema").asInt(0) >= wanted.path("_meta").path("schema").asInt()) {
            return;
        }
        var properties = (com.fasterxml.jackson.databind.node.ObjectNode) wanted.path("properties").deepCopy();
        List<String> changed = new ArrayList<>();
        existing.path("properties").fieldNames().forEachRemaining(f -> {
            if (properties.has(f)) {
                if (!properties.get(f).equals(existing.path("properties").get(f))) {
                    changed.add(f);
                }
                properties.remove(f);
            }
        });
        var body = Json.MAPPER.createObjectNode();
        body.set("properties", properties);
        if (wanted.has("dynamic_templates")) {
            body.set("dynamic_templates", wanted.path("dynamic_templates"));
        }
        if (changed.isEmpty()) {
            body.set("_meta", wanted.path("_meta"));
        }
        es.call("PUT", "/" + alias + "/_mapping", body);
        if (changed.isEmpty()) {
            LOG.infof("index %s: mapping upgraded to schema %d", alias, wanted.path("_meta").path("schema").asInt());
        } else {
            LOG.warnf("index %s: new fields added, but %s changed: run POST /api/search/reindex (admin) to rebuild it",
                    alias, changed);
        }
    }

    /** Creates a physical index, with the alias when given. */
    public void createIndex(String name, String mapping, String alias) {
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) readTree(mapping);
        if (alias != null) {
            body.putObject("aliases").putObject(alias).put("is_write_index", true);
        }
        try {
            es.call("PUT", "/" + name, body);
        } catch (Es.Rejected e) {
            if (!e.getMessage().contains("resource_already_exists_exception")) {
                throw e;
            }
        }
    }

    /** The physical index behind an alias. */
    public String physical(String alias) {
        JsonNode r = es.call("GET", "/_alias/" + alias, null);
        Iterator<String> names = r.fieldNames();
        return names.hasNext() ? names.next() : null;
    }

    /** Points each alias at its new index in one atomic request and deletes the old indices. */
    public void swap(Map<String, String> aliasToNewIndex) {
        List<Object> actions = new ArrayList<>();
        List<String> old = new ArrayList<>();
        for (var e : aliasToNewIndex.entrySet()) {
            String previous = physical(e.getKey());
            if (previous != null) {
                old.add(previous);
                actions.add(Map.of("remove", Map.of("index", previous, "alias", e.getKey())));
            }
            actions.add(Map.of("add", Map.of("index", e.getValue(), "alias", e.getKey(), "is_write_index", true)));
        }
        es.call("POST", "/_aliases", Map.of("actions", actions));
        for (String index : old) {
            try {
                es.call("DELETE", "/" + index, null);
            } catch (RuntimeException ex) {
                LOG.warnf("old index %s not deleted: %s", index, ex.getMessage());
            }
        }
    }

    public void refresh() {
        es.call("POST", "/" + tickets() + "," + articles() + "/_refresh", null);
    }

    static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
