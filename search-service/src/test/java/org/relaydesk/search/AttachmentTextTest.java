package org.relaydesk.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Json;
import org.relaydesk.contracts.ticket.ArticleAdded;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.TopicPublisher;

/**
 * Words that occur only inside attachments find the ticket: the attachments' bytes come from the
 * stand-in ticket-service, the text is extracted in the background and indexed on the article and the
 * ticket; customers do not find the text of internal articles' attachments; a corrupt file is skipped
 * without holding up the others; an outage of ticket-service delays the text but does not lose it;
 * a reindex gives the same results.
 */
@QuarkusTest
@QuarkusTestResource(FakeTicketService.class)
class AttachmentTextTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String AGENT_SEARCH = "/api/search/tickets";
    private static final String PORTAL_SEARCH = "/api/search/portal/tickets";

    @Inject
    AgroalDataSource db;

    private final List<Long> served = new ArrayList<>();

    @BeforeEach
    void consumerRuns() {
        FakeTicketService.DOWN = false;
        SearchTestSupport.awaitConsumer();
    }

    @AfterEach
    void cleanUp() {
        FakeTicketService.DOWN = false;
        // other tests count what the stand-in serves
        served.forEach(FakeTicketService.TICKETS::remove);
    }

    @Test
    void wordsInsideAttachmentsFindTheTicketWithCustomerVisibilityAndAfterAReindex() throws IOException {
        Instant now = Instant.now();
        TicketEvents t;
        try (TopicPublisher kafka = TopicPublisher.open()) {
            t = new TicketEvents(kafka).created("Router offer", 4, "Misc", "customer1", now);
            publishArticlesWithFiles(t, now);
        }
        long visible = t.id * 10 + 1;
        long internal = t.id * 10 + 2;
        String pdfWord = "quokka" + t.id;
        String docxWord = "wombat" + t.id;
        String internalWord = "narwhal" + t.id;

        // agents find the ticket by words that are only inside the PDF, the DOCX and the internal text file
        awaitFound("agent1", AGENT_SEARCH, pdfWord, t.number);
        awaitFound("agent1", AGENT_SEARCH, docxWord, t.number);
        awaitFound("agent1", AGENT_SEARCH, internalWord, t.number);
        // words of the PDF and the body together (every word must match somewhere on the ticket)
        assertEquals(List.of(t.number), numbers("agent1", AGENT_SEARCH, "attached " + pdfWord));
        // the customer finds the text of the visible article's attachments, not of the internal one's
        assertEquals(List.of(t.number), numbers("customer1", PORTAL_SEARCH, pdfWord));
        assertEquals(List.of(), numbers("customer1", PORTAL_SEARCH, internalWord));
        // the article documents carry the text too; the corrupt file was skipped and recorded as such
        assertEquals(List.of(visible), articlesMatching("attachmentText", pdfWord));
        assertEquals(List.of(internal), articlesMatching("attachmentText", internalWord));
        assertEquals("skipped", status(t.id * 100 + 1));
        assertEquals("extracted", status(t.id * 100 + 2));

        // a reindex from ticket-service gives the same results
        String admin = KeycloakTokens.user("admin");
        Awaitility.await().atMost(WAIT).until(() ->
                given().auth().oauth2(admin).when().post("/api/search/reindex").then().extract().statusCode() == 202);
        Awaitility.await().atMost(WAIT).untilAsserted(() ->
                given().auth().oauth2(admin).when().get("/api/search/reindex").then().statusCode(200).body("state", equalTo("done")));
        Awaitility.await().atMost(WAIT).untilAsserted(() ->
                assertEquals(List.of(t.number), numbers("agent1", AGENT_SEARCH, pdfWord)));
        assertEquals(List.of(t.number), numbers("agent1", AGENT_SEARCH, docxWord));
        assertEquals(List.of(t.number), numbers("agent1", AGENT_SEARCH, internalWord));
        assertEquals(List.of(t.number), numbers("customer1", PORTAL_SEARCH, docxWord));
        assertEquals(List.of(), numbers("customer1", PORTAL_SEARCH, internalWord));
        assertEquals(List.of(internal), articlesMatching("attachmentText", internalWord));
    }

    @Test
    void extractionWaitsWhileTicketServiceIsDownAndCompletesAfterwards() throws Exception {
        Instant now = Instant.now();
        FakeTicketService.DOWN = true;
        TicketEvents t;
        long articleId;
        try (TopicPublisher kafka = TopicPublisher.open()) {
            t = new TicketEvents(kafka).created("Outage", 4, "Misc", "customer1", now);
            articleId = t.id * 10 + 1;
            serve(t, List.of(article(articleId, true, List.of(attachment(t, articleId, 1, "log.txt", "text/plain",
                    ("connection reset by platypus" + t.id).getBytes(StandardCharsets.UTF_8))))));
            publishArticle(t, articleId, true, "Log attached, echidna" + t.id, List.of("log.txt"), now);
        }
        // the event itself is indexed at once; the extraction failed against the unavailable ticket-service and waits
        awaitFound("agent1", AGENT_SEARCH, "echidna" + t.id, t.number);
        Awaitility.await().atMost(WAIT).until(() -> failedAttempts(articleId) >= 1);
        assertEquals(List.of(), numbers("agent1", AGENT_SEARCH, "platypus" + t.id));

        FakeTicketService.DOWN = false;
        awaitFound("agent1", AGENT_SEARCH, "platypus" + t.id, t.number);
        Awaitility.await().atMost(WAIT).until(() -> failedAttempts(articleId) == -1); // done: the row is gone
    }

    // ---- the stand-in ticket-service's data

    /**
     * A visible article with a corrupt PDF (first: it must not keep the others from being indexed), a
     * PDF with "quokka&lt;id&gt;" and a DOCX with "wombat&lt;id&gt;"; an internal one with a text file with
     * "narwhal&lt;id&gt;".
     */
    private void publishArticlesWithFiles(TicketEvents t, Instant now) throws IOException {
        long visible = t.id * 10 + 1;
        long internal = t.id * 10 + 2;
        serve(t, List.of(
                article(visible, true, List.of(
                        attachment(t, visible, 1, "broken.pdf", "application/pdf", "%PDF-1.7\ngarbage, no objects".getBytes(StandardCharsets.UTF_8)),
                        attachment(t, visible, 2, "offer.pdf", "application/pdf", pdf("Offer for 12 routers, code quokka" + t.id)),
                        attachment(t, visible, 3, "plan.docx",
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx("Rollout plan wombat" + t.id)))),
                article(internal, false, List.of(
                        attachment(t, internal, 4, "margin.txt", "text/plain", ("Our margin is narwhal" + t.id).getBytes(StandardCharsets.UTF_8))))));
        publishArticle(t, visible, true, "See the attached offer", List.of("broken.pdf", "offer.pdf", "plan.docx"), now);
        publishArticle(t, internal, false, "Internal note, see file", List.of("margin.txt"), now);
    }

    private static Map<String, Object> attachment(TicketEvents t, long articleId, int n, String filename, String contentType, byte[] bytes) {
        long id = t.id * 100 + n;
        FakeTicketService.ATTACHMENTS.put(t.id + "/" + articleId + "/" + id, bytes);
        return Map.of("id", id, "filename", filename, "contentType", contentType, "size", bytes.length);
    }

    private static Map<String, Object> article(long id, boolean visible, List<Map<String, Object>> attachments) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("kind", visible ? "phone" : "note");
        a.put("senderType", "agent");
        a.put("channel", visible ? "phone" : "note");
        a.put("visibleForCustomer", visible);
        a.put("from", "agent1");
        a.put("subject", "Files");
        a.put("bodyText", visible ? "See the attached offer" : "Internal note, see file");
        a.put("attachments", attachments);
        a.put("createdBy", "agent1");
        a.put("createdAt", Instant.now().toString());
        return a;
    }

    private void serve(TicketEvents t, List<Map<String, Object>> articles) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("id", t.id);
        ticket.put("number", t.number);
        ticket.put("title", "Router offer");
        ticket.put("queueId", 4);
        ticket.put("queue", "Misc");
        ticket.put("state", "new");
        ticket.put("stateType", "new");
        ticket.put("priority", 3);
        ticket.put("locked", false);
        ticket.put("customerUserId", "customer1");
        ticket.put("customerId", "ACME");
        ticket.put("createdAt", Instant.now().toString());
        ticket.put("changedAt", Instant.now().toString());
        ticket.put("articles", articles);
        FakeTicketService.TICKETS.put(t.id, (ObjectNode) Json.MAPPER.valueToTree(ticket));
        served.add(t.id);
    }

    private static void publishArticle(TicketEvents t, long articleId, boolean visible, String body, List<String> names, Instant at) {
        t.publish(EventTypes.ARTICLE_ADDED, new ArticleAdded(t.id, t.number, articleId, visible ? "phone" : "note", "agent",
                visible ? "phone" : "note", visible, "agent1", "customer1@example.com", null, null, "Files", body, null,
                null, null, null, false, null, names, "agent1", at));
    }

    private static byte[] pdf(String text) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] docx(String text) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        }
    }

    // ---- reading the results

    private static void awaitFound(String user, String path, String q, String number) {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertEquals(List.of(number), numbers(user, path, q)));
    }

    private static List<String> numbers(String user, String path, String q) {
        return given().auth().oauth2(KeycloakTokens.user(user)).contentType(ContentType.JSON).body(Map.of("q", q))
                .when().post(path).then().statusCode(200).extract().jsonPath().getList("hits.ticket.number", String.class);
    }

    /** Article ids whose document matches the word in the field (the articles index, real time after a refresh). */
    private static List<Long> articlesMatching(String field, String word) throws IOException {
        String alias = ConfigProvider.getConfig().getValue("relaydesk.search.index-prefix", String.class) + "articles";
        HttpClient http = HttpClient.newHttpClient();
        try {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:9200/" + alias + "/_refresh"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            String body = Json.write(Map.of("query", Map.of("match", Map.of(field, word))));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:9200/" + alias + "/_search"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            List<Long> ids = new ArrayList<>();
            for (JsonNode hit : Json.MAPPER.readTree(r.body()).path("hits").path("hits")) {
                ids.add(hit.path("_source").path("articleId").asLong());
            }
            return ids;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private String status(long attachmentId) {
        return query("select status from attachment_text where attachment_id = ?", attachmentId);
    }

    /** Failed attempts recorded for the article's pending extraction; -1 when there is none (done). */
    private int failedAttempts(long articleId) {
        String attempts = query("select case when last_error is null then 0 else attempts end from pending_extraction "
                + "where article_id = ?", articleId);
        return attempts == null ? -1 : Integer.parseInt(attempts);
    }

    private String query(String sql, long id) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
