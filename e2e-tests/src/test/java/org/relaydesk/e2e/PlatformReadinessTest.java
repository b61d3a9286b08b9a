package org.relaydesk.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaydesk.testsupport.Platform;

/**
 * The README's first command, as far as the services go: all seven start from this build through
 * {@code ./relaydesk services up} and report ready, each with readiness checks of its real
 * dependencies (not just "the process runs").
 */
class PlatformReadinessTest {

    /** Readiness check names each service must report UP. */
    private static final Map<String, List<String>> EXPECTED_CHECKS = Map.of(
            "ticket-service", List.of("Database connections health check", "Kafka connection health check", "OIDC Provider Health Check"),
            "mail-gateway-service", List.of("Database connections health check", "Kafka connection health check", "OIDC Provider Health Check"),
            "escalation-service", List.of("Database connections health check", "Kafka connection health check", "OIDC Provider Health Check"),
            "search-service", List.of("Database connections health check", "Kafka connection health check", "OIDC Provider Health Check", "Elasticsearch cluster health check"),
            "faq-service", List.of("Database connections health check", "Kafka connection health check", "OIDC Provider Health Check"),
            "notification-service", List.of("Database connections health check", "Kafka connection health check", "OIDC Provider Health Check"),
            "api-gateway", List.of("OIDC Provider Health Check"));

    @BeforeAll
    static void platformUp() {
        Platform.ensureUp();
    }

    static Stream<Arguments> services() {
        return Platform.ALL.stream().map(s -> Arguments.of(s.name(), s));
    }

    @ParameterizedTest(name = "{0} is ready with its real dependencies")
    @MethodSource("services")
    void readyWithDependencies(String name, Platform.Service service) {
        // just started (or recovering after another test stopped a component): give it a minute
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(service.baseUrl()).when().get("/q/health/ready").then().statusCode(200));
        JsonPath health = given().baseUri(service.baseUrl())
                .when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .extract().jsonPath();
        List<String> up = health.getList("checks.findAll { it.status == 'UP' }.name");
        org.hamcrest.MatcherAssert.assertThat(name + " checks: " + health.prettify(), up,
                hasItems(EXPECTED_CHECKS.get(name).toArray(String[]::new)));
    }

    @ParameterizedTest(name = "{0} serves OpenAPI, Swagger UI and Prometheus metrics without a token")
    @MethodSource("services")
    void docsAndMetrics(String name, Platform.Service service) {
        given().baseUri(service.baseUrl()).when().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("RelayDesk " + name));
        given().baseUri(service.baseUrl()).when().get("/q/swagger-ui/").then().statusCode(200);
        given().baseUri(service.baseUrl()).when().get("/q/metrics").then().statusCode(200);
    }

    @ParameterizedTest(name = "the gateway's Swagger UI reaches the OpenAPI document of {0}")
    @MethodSource("services")
    void gatewayLinksEveryOpenApi(String name, Platform.Service service) {
        if (service == Platform.GATEWAY) {
            given().baseUri(service.baseUrl()).when().get("/q/swagger-ui/").then().statusCode(200);
            return;
        }
        String route = Map.of("ticket-service", "ticket", "mail-gateway-service", "mail", "escalation-service", "escalation",
                "search-service", "search", "faq-service", "faq", "notification-service", "notification").get(name);
        given().baseUri(Platform.GATEWAY.baseUrl()).when().get("/openapi/" + route)
                .then().statusCode(200).body("info.title", equalTo("RelayDesk " + name));
    }

    @ParameterizedTest(name = "{0} refuses API calls without a token")
    @MethodSource("services")
    void apiNeedsToken(String name, Platform.Service service) {
        String path = Map.of("ticket-service", "/api/tickets", "mail-gateway-service", "/api/mail/accounts",
                "escalation-service", "/api/calendars", "search-service", "/api/search/tickets?q=x",
                "faq-service", "/api/faq/items", "notification-service", "/api/preferences",
                "api-gateway", "/api/tickets").get(name);
        given().baseUri(service.baseUrl()).when().get(path).then().statusCode(401);
    }
}
