package org.allmende.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.allmende.membership.RunningMembershipService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI description is public and lists every command and query with its login and its problems. */
class OpenApiIT {

    private static RunningMembershipService service;
    private static JsonNode document;

    @BeforeAll
    static void start() {
        service = RunningMembershipService.start();
        var response = service.api().get("/v3/api-docs");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        document = response.json();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void anyoneReadsTheDescriptionWithTitleVersionAndHttpBasic() {
        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.at("/info/title").asText()).isEqualTo("Allmende membership-service");
        assertThat(document.at("/info/description").asText()).contains("§15 GenG");
        assertThat(document.at("/info/version").asText()).isNotBlank();
        assertThat(document.at("/components/securitySchemes/basicAuth/type").asText())
                .isEqualTo("http");
        assertThat(document.at("/components/securitySchemes/basicAuth/scheme").asText())
                .isEqualTo("basic");
    }

    @Test
    void everyCommandAndQueryIsListedWithItsMethod() {
        var paths = document.path("paths");
        assertThat(paths.path("/api/applications").has("post")).isTrue();
        assertThat(paths.path("/api/applications").has("get")).isTrue();
        assertThat(paths.path("/api/applications/{applicationId}").has("get")).isTrue();
        assertThat(paths.path("/api/applications/{applicationId}/votes").has("post"))
                .isTrue();
        assertThat(paths.path("/api/applications/{applicationId}/conflicts").has("post"))
                .isTrue();
        assertThat(paths.path("/api/applications/{applicationId}/withdrawal").has("post"))
                .isTrue();
        assertThat(paths.path("/api/statutes").has("get")).isTrue();
        assertThat(paths.path("/api/members").has("get")).isTrue();
        assertThat(paths.path("/api/members/{memberNumber}").has("get")).isTrue();
        assertThat(paths.path("/api/me/register-extract").has("get")).isTrue();
        assertThat(paths.path("/api/register").has("get")).isTrue();
        assertThat(paths.path("/api/members/{memberNumber}/capital-payments").has("post"))
                .isTrue();
        assertThat(paths.path("/api/members/{memberNumber}/notice").has("post")).isTrue();
        assertThat(paths.path("/api/capital-payments/held").has("get")).isTrue();
        assertThat(paths.path("/api/billing-intake/parked").has("get")).isTrue();
        assertThat(paths.path("/api/mergers").has("post")).isTrue();
        assertThat(paths.path("/api/catalog").has("get")).isTrue();
        assertThat(paths.path("/api/members/{memberNumber}/subscriptions").has("post"))
                .isTrue();
        var usage = paths.path("/api/usage/batches").path("post");
        assertThat(usage.at("/requestBody/content").has("application/json")).isTrue();
        assertThat(usage.at("/requestBody/content").has("text/csv")).isTrue();
        assertThat(usage.path("responses").has("503")).isTrue();
    }

    @Test
    void aCommandDeclaresItsProblemAnswers() {
        var vote = document.at("/paths/~1api~1applications~1{applicationId}~1votes/post");
        for (var status : new String[] {"400", "401", "403", "404", "409"}) {
            assertThat(vote.at("/responses/" + status + "/content/application~1problem+json/schema/$ref")
                            .asText())
                    .as(status)
                    .isEqualTo("#/components/schemas/ProblemDetail");
        }
        assertThat(document.at("/components/schemas/ProblemDetail/properties").has("correlationId"))
                .isTrue();
        assertThat(vote.at("/requestBody/content/application~1json/schema").isMissingNode())
                .isFalse();
    }

    @Test
    void publicEndpointsNeedNoLoginTheOthersHttpBasic() {
        assertThat(document.at("/security/0").has("basicAuth")).isTrue();
        for (var publicOperation : new String[] {
            "/~1api~1statutes/get",
            "/~1api~1applications/post",
            "/~1api~1applications~1{applicationId}~1withdrawal/post"
        }) {
            var security = document.at("/paths" + publicOperation + "/security");
            assertThat(security.isArray() && security.isEmpty())
                    .as(publicOperation)
                    .isTrue();
        }
        assertThat(document.at("/paths/~1api~1applications~1{applicationId}~1votes/post/security")
                        .isMissingNode())
                .as("the document's HTTP Basic applies")
                .isTrue();
        assertThat(document.at("/paths/~1api~1applications/post/responses").has("201"))
                .isTrue();
    }
}
