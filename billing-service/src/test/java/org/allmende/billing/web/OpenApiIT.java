package org.allmende.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.allmende.billing.ContractProducer;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI description is public and lists billing's queries and the admin's commands with their problems. */
class OpenApiIT {

    private static ContractProducer topic;
    private static RunningBillingService billing;
    private static JsonNode document;

    @BeforeAll
    static void start() {
        topic = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 1);
        billing = RunningBillingService.start(SharedInfrastructure.unique("billing"), topic.topic());
        var response = billing.api().get("/v3/api-docs");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        document = response.json();
    }

    @AfterAll
    static void stop() {
        billing.close();
        topic.close();
    }

    @Test
    void anyoneReadsTheDescriptionWithTitleVersionAndHttpBasic() {
        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.at("/info/title").asText()).isEqualTo("Allmende billing-service");
        assertThat(document.at("/info/version").asText()).isNotBlank();
        assertThat(document.at("/components/securitySchemes/basicAuth/scheme").asText())
                .isEqualTo("basic");
        assertThat(document.at("/security/0").has("basicAuth")).isTrue();
    }

    @Test
    void everyCommandAndQueryIsListedWithItsMethod() {
        var paths = document.path("paths");
        assertThat(paths.path("/api/members").has("get")).isTrue();
        assertThat(paths.path("/api/members/{memberNumber}").has("get")).isTrue();
        assertThat(paths.path("/api/me/member").has("get")).isTrue();
        assertThat(paths.path("/api/intake").has("get")).isTrue();
        assertThat(paths.path("/api/parked-records").has("get")).isTrue();
        assertThat(paths.path("/api/parked-records/{id}").has("get")).isTrue();
        assertThat(paths.path("/api/parked-records/{id}/retry").has("post")).isTrue();
        assertThat(paths.path("/api/parked-records/{id}/discard").has("post")).isTrue();
        assertThat(paths.path("/api/members/{memberNumber}/usage/months").has("get"))
                .isTrue();
        assertThat(paths.path("/api/me/usage/months/{month}").has("get")).isTrue();
        assertThat(paths.path("/api/tariffs").has("get")).isTrue();
        assertThat(paths.path("/api/tariffs").has("post")).isTrue();
        assertThat(paths.path("/api/invoice-runs/{runId}/issue").has("post")).isTrue();
        assertThat(paths.path("/api/documents/{number}").has("get")).isTrue();
        assertThat(paths.path("/api/me/documents/{number}").has("get")).isTrue();
        assertThat(paths.path("/api/documents/{number}/{format}").has("get")).isTrue();
        assertThat(paths.path("/api/me/documents/{number}/{format}").has("get")).isTrue();
        assertThat(paths.path("/api/payments").has("post")).isTrue();
        assertThat(paths.path("/api/payments/{id}/assignment").has("post")).isTrue();
        assertThat(paths.path("/api/members/{memberNumber}/account").has("get")).isTrue();
        assertThat(paths.path("/api/me/account").has("get")).isTrue();
        assertThat(paths.path("/api/dunning-runs").has("post")).isTrue();
        assertThat(paths.path("/api/dunning").has("get")).isTrue();
        assertThat(paths.path("/api/members/{memberNumber}/mandates").has("post"))
                .isTrue();
        assertThat(paths.path("/api/direct-debits").has("post")).isTrue();
    }

    @Test
    void bankStatementsAreTakenAndDirectDebitFilesGivenAsXml() {
        assertThat(document.at("/paths/~1api~1bank-statements/post/requestBody/content")
                        .has("application/xml"))
                .isTrue();
        assertThat(document.at("/paths/~1api~1direct-debits~1{id}~1pain.008/get/responses/200/content")
                        .has("application/xml"))
                .isTrue();
    }

    @Test
    void eInvoicesAreGivenAsXmlAndPdf() {
        for (var path :
                new String[] {"~1api~1documents~1{number}~1{format}", "~1api~1me~1documents~1{number}~1{format}"}) {
            var responses = document.at("/paths/" + path + "/get/responses");
            assertThat(responses.at("/200/content").has("application/xml"))
                    .as(path)
                    .isTrue();
            assertThat(responses.at("/200/content").has("application/pdf"))
                    .as(path)
                    .isTrue();
            assertThat(responses.at("/409/content").has("application/problem+json"))
                    .as(path)
                    .isTrue();
            assertThat(responses.has("404")).as(path).isTrue();
        }
        var format = document.at("/paths/~1api~1documents~1{number}~1{format}/get/parameters/1/schema/enum");
        assertThat(format).extracting(JsonNode::asText).containsExactly("ubl", "cii", "pdf");
    }

    @Test
    void theUsageHistoryOffersJsonAndCsvTheExportCsvOnly() {
        var months = document.at("/paths/~1api~1members~1{memberNumber}~1usage~1months/get/responses/200/content");
        var export = document.at("/paths/~1api~1me~1usage~1export/get/responses/200/content");

        assertThat(months.has("application/json")).isTrue();
        assertThat(months.has("text/csv")).isTrue();
        assertThat(months.at("/application~1json/schema/$ref").asText()).endsWith("/MonthlyUsage");
        assertThat(export.has("text/csv")).isTrue();
        assertThat(export.has("application/json")).isFalse();
        assertThat(document.at("/paths/~1api~1me~1usage~1export/get/responses").has("400"))
                .isTrue();
    }

    @Test
    void aCommandDeclaresItsProblemAnswers() {
        var retry = document.at("/paths/~1api~1parked-records~1{id}~1retry/post");
        for (var status : new String[] {"400", "401", "403", "404", "409"}) {
            assertThat(retry.at("/responses/" + status + "/content/application~1problem+json/schema/$ref")
                            .asText())
                    .as(status)
                    .isEqualTo("#/components/schemas/ProblemDetail");
        }
        var member = document.at("/paths/~1api~1members~1{memberNumber}/get/responses");
        assertThat(member.has("404")).isTrue();
        assertThat(member.has("409")).isFalse();
    }
}
