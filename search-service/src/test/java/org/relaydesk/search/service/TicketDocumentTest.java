package org.relaydesk.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.relaydesk.contracts.Json;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.ticket.ArticleAdded;
import org.relaydesk.contracts.ticket.TicketCreated;

/** The documents of a ticket that only TicketCreated and ArticleAdded events touched (bulk loads of the search benchmark). */
class TicketDocumentTest {

    static final Instant CREATED = Instant.parse("2026-11-20T08:00:00Z");

    static ArticleAdded article(long id, String senderType, boolean visible, String body, Instant at) {
        return new ArticleAdded(7, "2026112010000071", id, "email", senderType, "email", visible, "Anna <anna@acme.example>",
                "support@relaydesk.example", null, null, "Printer", body, null, null, null, null, false, null,
                List.of("scan.pdf"), "anna", at, 101L);
    }

    @Test
    void ticketWithArticlesAsTheEventsLeaveIt() {
        TicketCreated created = new TicketCreated(7, "2026112010000071", "Printer jam", 101, "Support", "new", "new", 3,
                "email", "anna@acme.example", "acme", null, false, CREATED);
        Map<String, Object> doc = TicketIndex.ticketDocument(created, List.of(
                article(1, "customer", true, "paper jam again", CREATED),
                article(2, "agent", false, "internal: call the vendor", CREATED.plusSeconds(600)),
                article(3, "agent", true, "we sent a technician", CREATED.plusSeconds(1800))));

        assertEquals(7L, doc.get("ticketId"));
        assertEquals("Support", doc.get("queue"));
        assertEquals("unlock", doc.get("lock"));
        assertEquals(List.of(1L, 2L, 3L), doc.get("articleIds"));
        assertEquals(3, doc.get("articleCount"));
        assertEquals(List.of("paper jam again", "internal: call the vendor", "we sent a technician"), doc.get("body"));
        assertEquals(List.of("paper jam again", "we sent a technician"), doc.get("publicBody"));
        assertEquals(List.of("scan.pdf", "scan.pdf", "scan.pdf"), doc.get("attachmentNames"));
        // first response: the first customer-visible agent article
        assertEquals("2026-11-20T08:30:00Z", doc.get("firstResponseAt"));
        assertEquals(30.0, doc.get("firstResponseMinutes"));
        assertEquals("2026-11-20T08:30:00Z", doc.get("changedAt"));
    }

    @Test
    void articleDocumentTakesTheEventTimeWhenThePayloadHasNone() {
        Map<String, Object> doc = TicketIndex.articleDocument(article(1, "customer", true, "hello", null), CREATED);
        assertEquals("2026-11-20T08:00:00Z", doc.get("createdAt"));
        assertEquals("hello", doc.get("body"));
        assertEquals(7L, doc.get("ticketId"));
        assertNull(doc.get("cc"));
    }

    @Test
    void attachmentTextOfInternalArticlesStaysOutOfThePublicFields() {
        JsonNode visible = Json.MAPPER.valueToTree(Map.of("visibleForCustomer", true, "body", "see the offer",
                "attachmentText", List.of("offer for 12 routers")));
        JsonNode internal = Json.MAPPER.valueToTree(Map.of("visibleForCustomer", false, "body", "note",
                "attachmentText", List.of("our margin is 40 percent", "vendor contract")));
        Map<String, Object> text = TicketIndex.articleText(List.of(visible, internal));
        assertEquals(List.of("offer for 12 routers", "our margin is 40 percent", "vendor contract"), text.get("attachmentText"));
        assertEquals(List.of("offer for 12 routers"), text.get("publicAttachmentText"));
    }

    @Test
    void anAddedArticleLeavesTheTicketsAttachmentTextAlone() {
        // the extraction worker owns these fields; an article event must not overwrite what it wrote
        JsonNode ticket = Json.MAPPER.valueToTree(Map.of("articleIds", List.of(1), "attachmentText", List.of("from the pdf"),
                "publicAttachmentText", List.of("from the pdf")));
        ArticleAdded a = article(2, "customer", true, "thanks", CREATED);
        Map<String, Object> changes = TicketIndex.articleChanges(a, TicketIndex.articleDocument(a, CREATED), CREATED, ticket);
        assertEquals(List.of(1L, 2L), changes.get("articleIds"));
        assertFalse(changes.containsKey("attachmentText"));
        assertFalse(changes.containsKey("publicAttachmentText"));
    }
}
