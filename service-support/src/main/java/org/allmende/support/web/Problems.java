package org.allmende.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every error a client can cause into RFC 9457 problem details with a stable {@code type}, a human
 * {@code detail}, and for invalid input the list of fields with the rule each one broke. Anything else is a 500
 * that says nothing about the internals but carries the correlation id to find it in the logs.
 */
@RestControllerAdvice
public class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    public static final URI INVALID_INPUT = URI.create("urn:allmende:problem:invalid-input");
    public static final URI UNREADABLE = URI.create("urn:allmende:problem:unreadable-body");
    public static final URI NOT_FOUND = URI.create("urn:allmende:problem:not-found");
    public static final URI RULE_VIOLATED = URI.create("urn:allmende:problem:rule-violated");
    public static final URI CONFLICT = URI.create("urn:allmende:problem:concurrent-change");
    public static final URI FORBIDDEN = URI.create("urn:allmende:problem:forbidden");
    public static final URI METHOD = URI.create("urn:allmende:problem:method-not-allowed");
    public static final URI MEDIA_TYPE = URI.create("urn:allmende:problem:unsupported-media-type");
    public static final URI INTERNAL = URI.create("urn:allmende:problem:internal");

    /** One field that broke one rule. */
    public record FieldProblem(String field, String rule, String message) {}

    public static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        var correlationId = CorrelationId.current();
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        var fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), rule(error.getCode()), error.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        return invalidInput(fields);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalid(ConstraintViolationException e) {
        var fields = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(
                        v.getPropertyPath().toString(),
                        rule(v.getConstraintDescriptor()
                                .getAnnotation()
                                .annotationType()
                                .getSimpleName()),
                        v.getMessage()))
                .toList();
        return invalidInput(fields);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail invalid(MethodArgumentTypeMismatchException e) {
        return invalidInput(List.of(new FieldProblem(e.getName(), "type", "is not a valid " + typeName(e))));
    }

    @ExceptionHandler(InvalidField.class)
    ProblemDetail invalid(InvalidField e) {
        return invalidInput(List.of(new FieldProblem(e.field(), e.rule(), e.getMessage())));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail invalid(MissingServletRequestParameterException e) {
        return invalidInput(List.of(new FieldProblem(e.getParameterName(), "required", "must be given")));
    }

    public static ProblemDetail invalidInput(List<FieldProblem> fields) {
        var problem = problem(
                HttpStatus.BAD_REQUEST,
                INVALID_INPUT,
                "Invalid input",
                fields.stream()
                        .map(f -> f.field() + " " + f.message())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse(""));
        problem.setProperty("errors", fields);
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            // Valid JSON, but a value of the wrong kind: name the field like a validation error does.
            var field = fieldPath(mismatch.getPath());
            var target = mismatch.getTargetType();
            if (target != null && target.isEnum()) {
                var allowed = java.util.Arrays.stream(target.getEnumConstants())
                        .map(Object::toString)
                        .toList();
                return invalidInput(List.of(new FieldProblem(field, "one-of", "must be one of " + allowed)));
            }
            return invalidInput(List.of(new FieldProblem(
                    field, "type", "must be a " + (target == null ? "value" : target.getSimpleName()))));
        }
        if (e.getCause() instanceof InputCoercionException outOfRange
                && !outOfRange.getPath().isEmpty()) {
            // A number beyond what the field's type holds (e.g. 10^30 for a number of shares): that field's error.
            var target = outOfRange.getTargetType();
            return invalidInput(List.of(new FieldProblem(
                    fieldPath(outOfRange.getPath()),
                    "range",
                    "is out of range for a " + (target == null ? "number" : target.getSimpleName()))));
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                UNREADABLE,
                "Unreadable request body",
                "The request body is not valid JSON of the expected shape: " + firstLine(e.getMessage()));
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", e.getMessage());
    }

    /**
     * A path nothing answers: problem details for the API, but a browser asking for a page gets the error page
     * (rethrown, Spring answers 404 through the error controller, which renders {@code templates/error.html}).
     */
    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail notFound(NoResourceFoundException e, HttpServletRequest request) throws NoResourceFoundException {
        var accept = request.getHeader("Accept");
        if (!request.getRequestURI().startsWith("/api/") && accept != null && accept.contains("text/html")) {
            throw e;
        }
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", "No resource " + request.getRequestURI());
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolated(RuleViolation e) {
        var problem = problem(HttpStatus.CONFLICT, RULE_VIOLATED, "Rule violated", e.getMessage());
        problem.setProperty("rule", e.rule());
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e, HttpServletRequest request) {
        log.warn("access denied: {} {} for {}", request.getMethod(), request.getRequestURI(), request.getRemoteUser());
        return problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", "Your login may not do this.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, METHOD, "Method not allowed", e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, MEDIA_TYPE, "Unsupported media type", "Send application/json.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail internal(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            // Spring's own client errors (406, 413, ...) keep their status and detail.
            var problem = known.getBody();
            problem.setType(URI.create(
                    "urn:allmende:problem:http-" + known.getStatusCode().value()));
            var correlationId = CorrelationId.current();
            if (correlationId != null) {
                problem.setProperty("correlationId", correlationId);
            }
            return problem;
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                INTERNAL,
                "Internal error",
                "Something went wrong on our side; nothing was changed. Quote the correlation id when you report it.");
    }

    private static String rule(String constraintCode) {
        if (constraintCode == null) {
            return "invalid";
        }
        return Map.ofEntries(
                        Map.entry("NotNull", "required"),
                        Map.entry("NotBlank", "required"),
                        Map.entry("NotEmpty", "required"),
                        Map.entry("Size", "size"),
                        Map.entry("Positive", "positive"),
                        Map.entry("Min", "minimum"),
                        Map.entry("Max", "maximum"),
                        Map.entry("Pattern", "pattern"),
                        Map.entry("Email", "email"),
                        Map.entry("AssertTrue", "must-be-true"),
                        Map.entry("PastOrPresent", "not-in-future"),
                        Map.entry("PositiveOrZero", "not-negative"))
                .getOrDefault(constraintCode, kebab(constraintCode));
    }

    /** {@code LeitwegIdFormat} becomes {@code leitweg-id-format}. */
    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static String fieldPath(List<JacksonException.Reference> path) {
        var field = new StringBuilder();
        for (var reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String typeName(MethodArgumentTypeMismatchException e) {
        // Optional<LocalDate> is a LocalDate to the client
        return e.getParameter().nestedIfOptional().getNestedParameterType().getSimpleName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        var cut = message.indexOf('\n');
        var line = cut < 0 ? message : message.substring(0, cut);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
