package org.allmende.devinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what, as a table a service's test keeps beside itself: one line per endpoint or page ({@code METHOD
 * /path/{variable}}), one column per caller (anonymous and each role), each cell the expected outcome — {@code ok}
 * (the request passes security), {@code 401}, {@code 403}, or {@code login} (a page redirects to the login form).
 * The first line that is not a comment names the columns. The test lists the service's handler mappings; this
 * class says which have no line, which lines have no mapping, and calls each mapping as each caller.
 */
public final class AuthorizationMatrix {

    public static final String ANONYMOUS = "anonymous";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** One handler mapping: a method, a path pattern and whether it answers HTML. */
    public record Endpoint(String method, String pattern, boolean html) {
        public String key() {
            return method + " " + pattern;
        }

        /** The machine side (HTTP Basic); everything else is a page (a session after the login form). */
        public boolean api() {
            return pattern.startsWith("/api/") || pattern.startsWith("/actuator") || pattern.startsWith("/v3/");
        }
    }

    /** Who calls: nobody, or a demo login. */
    public record Caller(String name, DemoLogins.Login login) {}

    private final String name;
    private final String baseUrl;
    private final List<Caller> callers;
    private final Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    private final List<Endpoint> endpoints;

    private AuthorizationMatrix(String name, String baseUrl, List<Caller> callers, List<Endpoint> endpoints) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.callers = callers;
        this.endpoints = endpoints;
    }

    /**
     * The table {@code resource} beside {@code test} and the mappings of the running service at {@code baseUrl}
     * with that {@code dispatcher}; {@code roles} are the service's role names, each called with the first demo
     * login that has it.
     */
    public static AuthorizationMatrix of(
            Class<?> test, String resource, List<String> roles, String baseUrl, DispatcherServlet dispatcher) {
        ApiClient.anonymous(baseUrl).get("/login"); // the dispatcher sets its mappings up at its first request
        var callers = new ArrayList<Caller>();
        callers.add(new Caller(ANONYMOUS, null));
        for (var role : roles) {
            var login = DemoLogins.ALL.stream()
                    .filter(l -> l.roles().equals(role))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no demo login for the role " + role));
            callers.add(new Caller(role, login));
        }
        var matrix = new AuthorizationMatrix(resource, baseUrl, callers, endpoints(dispatcher));
        matrix.parse(text(test, resource));
        return matrix;
    }

    private void parse(String text) {
        List<String> columns = null;
        for (var line : text.split("\n")) {
            var stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            var cells = stripped.split("\\s+");
            if (columns == null) {
                columns = List.of(cells).subList(2, cells.length);
                var expected = callers.stream().map(Caller::name).toList();
                if (!new LinkedHashSet<>(columns).equals(new LinkedHashSet<>(expected))
                        || columns.size() != expected.size()) {
                    throw new IllegalStateException(name + " must have the columns " + expected + ", has " + columns);
                }
                continue;
            }
            if (cells.length != 2 + columns.size()) {
                throw new IllegalStateException(name + ": " + columns.size() + " outcomes expected in: " + stripped);
            }
            var outcomes = new LinkedHashMap<String, String>();
            for (int i = 0; i < columns.size(); i++) {
                outcomes.put(columns.get(i), cells[2 + i]);
            }
            if (rows.put(cells[0] + " " + cells[1], outcomes) != null) {
                throw new IllegalStateException(cells[0] + " " + cells[1] + " twice in " + name);
            }
        }
    }

    /**
     * Every mapping a running service answers, from its dispatcher's handler mapping of annotated controllers (not
     * actuator's); a mapping without a method as GET. Spring Boot's error controller is left out: it is reached by a
     * forward, never by a client's own request.
     */
    private static List<Endpoint> endpoints(DispatcherServlet dispatcher) {
        var mappings = dispatcher.getHandlerMappings();
        if (mappings == null) {
            throw new IllegalStateException("the dispatcher has not answered a request yet");
        }
        var endpoints = new ArrayList<Endpoint>();
        mappings.stream()
                .filter(mapping -> mapping.getClass() == RequestMappingHandlerMapping.class)
                .map(RequestMappingHandlerMapping.class::cast)
                .forEach(mapping -> mapping.getHandlerMethods().forEach((info, handler) -> {
                    if (handler.getBeanType().getName().startsWith("org.springframework.boot.")) {
                        return;
                    }
                    var methods = info.getMethodsCondition().getMethods().isEmpty()
                            ? List.of(RequestMethod.GET)
                            : List.copyOf(info.getMethodsCondition().getMethods());
                    var html = info.getProducesCondition()
                            .getProducibleMediaTypes()
                            .contains(MediaType.TEXT_HTML);
                    for (var pattern : info.getPatternValues()) {
                        for (var method : methods) {
                            endpoints.add(new Endpoint(method.name(), pattern, html));
                        }
                    }
                }));
        return endpoints;
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Mappings without a line, each as the message that says what to add. */
    public List<String> withoutRule() {
        var keys = new TreeSet<String>();
        endpoints.forEach(endpoint -> keys.add(endpoint.key()));
        return keys.stream()
                .filter(key -> !rows.containsKey(key))
                .map(key -> key + " has no rule: add a line to " + name + " with an outcome for each of "
                        + callers.stream().map(Caller::name).toList() + " (ok, 401, 403 or login)")
                .toList();
    }

    /** Lines whose mapping is gone. */
    public List<String> withoutEndpoint() {
        var keys = new TreeSet<String>();
        endpoints.forEach(endpoint -> keys.add(endpoint.key()));
        return rows.keySet().stream().filter(key -> !keys.contains(key)).toList();
    }

    /**
     * Calls every mapping that has a line as every caller and returns each difference from the table, and each
     * server error. {@code sample} gives a value for a path variable. API posts send a JSON array (no command
     * accepts one, so nothing changes); page posts a form with a field that is not a number and the session's CSRF
     * token, from a session of their own (a post may end it).
     */
    public List<String> differences(Function<String, String> sample) {
        var wrong = new ArrayList<String>();
        for (var endpoint : endpoints) {
            var expected = rows.get(endpoint.key());
            if (expected == null) {
                continue;
            }
            var path = VARIABLE.matcher(endpoint.pattern()).replaceAll(match -> sample.apply(match.group(1)));
            for (var caller : callers) {
                var outcome = endpoint.api() ? callApi(endpoint, caller, path) : callPage(endpoint, caller, path);
                if (!outcome.equals(expected.get(caller.name()))) {
                    wrong.add(endpoint.key() + " as " + caller.name() + ": expected " + expected.get(caller.name())
                            + ", got " + outcome);
                }
            }
        }
        return wrong;
    }

    private String callApi(Endpoint endpoint, Caller caller, String path) {
        var client = caller.login() == null
                ? ApiClient.anonymous(baseUrl)
                : ApiClient.anonymous(baseUrl).as(caller.login());
        var response = endpoint.method().equals("GET")
                ? client.get(path, endpoint.html() ? "text/html" : "application/json, application/problem+json")
                : client.post(path, "[]");
        return outcome(response.status(), Optional.empty(), response.body());
    }

    private String callPage(Endpoint endpoint, Caller caller, String path) {
        var session = new PageSession(baseUrl);
        if (caller.login() != null) {
            session.logIn(caller.login());
        }
        HttpResponse<String> response;
        if (endpoint.method().equals("GET")) {
            response = session.get(path);
        } else {
            var form = new LinkedHashMap<String, String>();
            form.put("shares", "not-a-number");
            form.put("_csrf", PageSession.csrfToken(session.get("/login")));
            response = session.post(path, form, Map.of());
        }
        return outcome(response.statusCode(), response.headers().firstValue("Location"), response.body());
    }

    private static String outcome(int status, Optional<String> location, String body) {
        if (status >= 500) {
            return "server error " + status + ": " + (body.length() > 200 ? body.substring(0, 200) : body);
        }
        if (status == 302 && location.map(l -> l.endsWith("/login")).orElse(false)) {
            return "login";
        }
        if (status == 401 || status == 403) {
            return String.valueOf(status);
        }
        return "ok";
    }

    private static String text(Class<?> test, String resource) {
        try (InputStream in = test.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " beside " + test.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
