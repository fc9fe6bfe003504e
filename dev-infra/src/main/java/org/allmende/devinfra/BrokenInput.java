package org.allmende.devinfra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Broken requests for a service's REST boundary, from a fixed seed, and the judgement of their answers. For a JSON
 * command endpoint: malformed and truncated JSON, JSON that is no object, an empty body, each required field missing
 * or null, and each field given values of its {@link Kind} that cannot be read as a valid one (the wrong type,
 * numbers beyond any Java type, unknown enum values, overlong strings, impossible dates). Every answer must be a 4xx
 * with RFC 9457 problem details — a {@code type}, a {@code title}, and for a broken field that field's name — never a
 * 500. The fuzz tests of both services build their cases here, so the rules of a good answer are written once.
 */
public final class BrokenInput {

    public static final String HUGE_INTEGER = "123456789012345678901234567890";
    public static final String OVERLONG = "x".repeat(100_000);

    private static final ObjectMapper JSON = new ObjectMapper();

    private BrokenInput() {}

    public enum Kind {
        INTEGER,
        /** An amount of money: positive, in cents. */
        DECIMAL,
        /** A price: not negative, finer than a cent allowed (at most 6 decimals). */
        PRICE,
        TEXT,
        DATE,
        BOOLEAN,
        ENUM,
        LIST
    }

    /**
     * A field of a body: its name (a path such as {@code model.amount} for a field of a nested object), its JSON
     * type, whether leaving it out is an error, and values broken by a rule of this field beyond its type.
     */
    public record Field(String name, Kind kind, boolean required, List<Object> alsoBroken) {
        public Field(String name, Kind kind, boolean required) {
            this(name, kind, required, List.of());
        }

        public Field alsoBroken(Object... values) {
            var all = new ArrayList<>(alsoBroken);
            all.addAll(List.of(values));
            return new Field(name, kind, required, List.copyOf(all));
        }
    }

    /**
     * A JSON command endpoint (POST), the login that may call it ({@code null}: anonymous), a body it would accept,
     * its fields, and whether it takes no body at all as a request with defaults ({@code bodyOptional}): then an
     * empty body or {@code null} is no broken input.
     */
    public record Endpoint(
            String path, DemoLogins.Login login, Map<String, Object> valid, List<Field> fields, boolean bodyOptional) {
        public Endpoint(String path, DemoLogins.Login login, Map<String, Object> valid, List<Field> fields) {
            this(path, login, valid, fields, false);
        }
    }

    /** One broken request and the field its answer has to name ({@code null}: none in particular). */
    public record Case(
            String method,
            String path,
            DemoLogins.Login login,
            String contentType,
            String body,
            String field,
            String description) {

        public static Case get(String path, DemoLogins.Login login, String field, String description) {
            return new Case("GET", path, login, null, null, field, description);
        }

        public static Case post(
                String path,
                DemoLogins.Login login,
                String contentType,
                String body,
                String field,
                String description) {
            return new Case("POST", path, login, contentType, body, field, description);
        }

        public ApiClient.Response send(ApiClient anonymous) {
            var client = login == null ? anonymous : anonymous.as(login);
            return "GET".equals(method) ? client.get(path) : client.post(path, contentType, body == null ? "" : body);
        }

        @Override
        public String toString() {
            return method + " " + shorten(path) + " with " + description;
        }
    }

    /** A number written as it is, beyond what a Java value of the target holds. */
    public record Raw(String json) {}

    public static Raw raw(String json) {
        return new Raw(json);
    }

    /** Broken values of each kind; none of them can be read as a valid value of that kind. */
    public static List<Object> broken(Kind kind) {
        var object = Map.of("nested", 1);
        return switch (kind) {
            case INTEGER ->
                List.of("zwölf", raw(HUGE_INTEGER), raw("1e400"), raw("-" + HUGE_INTEGER), -7, object, List.of(1));
            case DECIMAL -> List.of("viel", "12.345", "-1", raw("1e400"), object, true);
            case PRICE -> List.of("viel", "-0.01", raw("0.0000001"), raw("1e400"), object, true);
            case TEXT -> List.of(OVERLONG, object, List.of("a"));
            case DATE ->
                List.of(
                        "2026-13-45",
                        "2026-02-30",
                        "gestern",
                        "31.12.2025",
                        // LocalDate reads these, no database column holds them
                        "+999999999-12-31",
                        "-999999999-01-01",
                        "+10000-01-01",
                        object,
                        true);
            case BOOLEAN -> List.of("vielleicht", object, List.of(true));
            case ENUM -> List.of("MAYBE", "approve ", object, List.of("APPROVE"), raw("99"));
            case LIST -> List.of("X", object, List.of(object), List.of(raw(HUGE_INTEGER)));
        };
    }

    /** Every broken request of these endpoints, in an order and with cuts drawn from {@code seed}. */
    public static List<Case> cases(List<Endpoint> endpoints, long seed) {
        var random = new Random(seed);
        var cases = new ArrayList<Case>();
        for (var endpoint : endpoints) {
            var valid = write(endpoint.valid());
            var json = "application/json";
            cases.add(post(endpoint, "{\"" + endpoint.fields().get(0).name() + "\": ", null, "not JSON"));
            cases.add(post(endpoint, "[1, 2]", null, "a JSON array"));
            cases.add(post(endpoint, "\"text\"", null, "a JSON string"));
            cases.add(post(endpoint, "42", null, "a JSON number"));
            if (!endpoint.bodyOptional()) {
                cases.add(post(endpoint, "", null, "an empty body"));
                cases.add(post(endpoint, "null", null, "JSON null"));
            }
            cases.add(Case.post(endpoint.path(), endpoint.login(), "text/plain", valid, null, "text/plain"));
            for (int i = 0; i < 3; i++) {
                var cut = 1 + random.nextInt(valid.length() - 2);
                cases.add(post(endpoint, valid.substring(0, cut), null, "cut after " + cut + " characters"));
            }
            for (var field : endpoint.fields()) {
                if (field.required()) {
                    cases.add(post(
                            endpoint,
                            write(without(endpoint.valid(), field.name())),
                            field,
                            field.name() + " missing"));
                    cases.add(post(
                            endpoint,
                            write(with(endpoint.valid(), field.name(), null)),
                            field,
                            field.name() + " null"));
                }
                var values = new ArrayList<>(broken(field.kind()));
                values.addAll(field.alsoBroken());
                Collections.shuffle(values, random);
                for (var value : values) {
                    cases.add(post(
                            endpoint,
                            write(with(endpoint.valid(), field.name(), value)),
                            field,
                            field.name() + " = " + shorten(value)));
                }
            }
        }
        return cases;
    }

    private static Case post(Endpoint endpoint, String body, Field field, String description) {
        return Case.post(
                endpoint.path(),
                endpoint.login(),
                "application/json",
                body,
                field == null ? null : field.name(),
                description);
    }

    /**
     * What is wrong with the answer to a broken request, if anything: not a 4xx, no problem details, or a 400 that
     * does not name the broken field (in {@code errors[].field} or, failing that, in the {@code detail}).
     */
    public static Optional<String> judge(Case broken, ApiClient.Response answer) {
        var what = broken + " -> " + answer.status() + " " + shorten(answer.body());
        if (answer.status() < 400 || answer.status() >= 500) {
            return Optional.of("not a 4xx: " + what);
        }
        var problem = answer.json();
        if (!answer.contentType().startsWith("application/problem+json")
                || problem.path("type").asText().isEmpty()
                || problem.path("title").asText().isEmpty()) {
            return Optional.of("no problem details: " + what);
        }
        if (broken.field() != null && answer.status() == 400 && !names(problem, broken.field())) {
            return Optional.of("the field " + broken.field() + " is not named: " + what);
        }
        return Optional.empty();
    }

    /** Sends every case and judges every answer; the list of what was wrong, empty when all answers were good. */
    public static List<String> failures(List<Case> cases, ApiClient anonymous) {
        var failures = new ArrayList<String>();
        for (var broken : cases) {
            judge(broken, broken.send(anonymous)).ifPresent(failures::add);
        }
        return failures;
    }

    public static boolean names(JsonNode problem, String field) {
        for (var error : problem.path("errors")) {
            if (error.path("field").asText().startsWith(field)) {
                return true;
            }
        }
        return problem.path("detail").asText().contains(field);
    }

    /** An ordered map from keys and values, e.g. {@code map("shares", 2, "comment", "ok")}; values may be null. */
    public static Map<String, Object> map(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A JSON object written as it is, {@link Raw} numbers included. */
    public static String write(Map<String, Object> body) {
        var json = new StringBuilder("{");
        var first = true;
        for (var entry : body.entrySet()) {
            json.append(first ? "" : ",").append(value(entry.getKey())).append(':');
            json.append(value(entry.getValue()));
            first = false;
        }
        return json.append('}').toString();
    }

    @SuppressWarnings("unchecked")
    private static String value(Object value) {
        if (value instanceof Raw raw) {
            return raw.json();
        }
        if (value instanceof List<?> list) {
            var items = new ArrayList<String>();
            list.forEach(item -> items.add(value(item)));
            return "[" + String.join(",", items) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            return write((Map<String, Object>) map);
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A copy of {@code body} with the field at {@code path} ({@code a.b} for b in the object a) set to value. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> with(Map<String, Object> body, String path, Object value) {
        var copy = new LinkedHashMap<>(body);
        var dot = path.indexOf('.');
        if (dot < 0) {
            copy.put(path, value);
        } else {
            var head = path.substring(0, dot);
            copy.put(head, with((Map<String, Object>) body.get(head), path.substring(dot + 1), value));
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> without(Map<String, Object> body, String path) {
        var copy = new LinkedHashMap<>(body);
        var dot = path.indexOf('.');
        if (dot < 0) {
            copy.remove(path);
        } else {
            var head = path.substring(0, dot);
            copy.put(head, without((Map<String, Object>) body.get(head), path.substring(dot + 1)));
        }
        return copy;
    }

    public static String shorten(Object value) {
        var text = value instanceof Raw raw ? raw.json() : String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + ")" : text;
    }
}
