package org.allmende.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The OpenAPI description each service serves at {@code /v3/api-docs}: HTTP Basic for every operation unless it
 * says otherwise ({@code @SecurityRequirements} with no entry marks a public one), and the RFC 9457 problem
 * answers of {@link Problems} and {@code ApiSecurity}, which springdoc cannot see from the controllers.
 */
public final class ApiDescription {

    public static final String BASIC = "basicAuth";

    private static final String PROBLEM = "ProblemDetail";

    private static final Map<String, String> PROBLEMS = Map.of(
            "400",
                    "Invalid input (`invalid-input`, with `errors`) or a body that is not JSON of the expected shape"
                            + " (`unreadable-body`).",
            "401", "No login, or a wrong one (`unauthenticated`).",
            "403", "The login may not do this (`forbidden`).",
            "404", "What the request names does not exist (`not-found`).",
            "409", "A business rule forbids it in the current state (`rule-violated`; `rule` names the rule).");

    private ApiDescription() {}

    public static OpenAPI document(String title, String description, String version) {
        return new OpenAPI()
                .info(new Info().title(title).description(description).version(version))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("The login's name and password (HTTP Basic, TLS required).")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /**
     * Every command (POST) may answer 400, 401, 403, 404 and 409; a query 401 and 403 unless it is public, 404
     * when its path names something, 400 when it takes parameters.
     */
    public static OpenApiCustomizer problemResponses() {
        return openApi -> {
            // here rather than in document(): springdoc replaces the schemas given there with those it derives
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                var command = method == PathItem.HttpMethod.POST;
                var isPublic = operation.getSecurity() != null
                        && operation.getSecurity().isEmpty();
                var hasParameters = operation.getParameters() != null
                        && !operation.getParameters().isEmpty();
                answer(operation, "400", command || hasParameters);
                answer(operation, "401", command || !isPublic);
                answer(operation, "403", command || !isPublic);
                answer(operation, "404", command || path.contains("{"));
                answer(operation, "409", command);
            }));
        };
    }

    private static void answer(Operation operation, String status, boolean applies) {
        if (!applies) {
            return;
        }
        var problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        operation
                .getResponses()
                .addApiResponse(
                        status,
                        new ApiResponse()
                                .description(PROBLEMS.get(status))
                                .content(new Content().addMediaType("application/problem+json", problem)));
    }

    private static Schema<?> problemSchema() {
        var field = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("rule", new StringSchema().description("e.g. required, size, pattern, maximum"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details; clients branch on `type` and `rule`, never on text.")
                .addProperty("type", new StringSchema().format("uri").example("urn:allmende:problem:invalid-input"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("A human sentence."))
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty(
                        "correlationId",
                        new StringSchema().description("The request's X-Correlation-Id, or a generated one."))
                .addProperty("errors", new ArraySchema().items(field).description("For invalid-input only."))
                .addProperty("rule", new StringSchema().description("For rule-violated only."));
    }
}
