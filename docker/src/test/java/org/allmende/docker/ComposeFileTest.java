package org.allmende.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.allmende.support.security.LocalUsersProperties.LocalUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs on the development machines, so {@code compose.yaml} is never started there. This test
 * reads it next to each service's own configuration file and fails where a real deployment would break.
 */
class ComposeFileTest {

    private static final Path COMPOSE_FILE = Path.of("compose.yaml");
    private static final Path INIT_SCRIPT = Path.of("postgres/init.sql");
    private static final Path ENV_EXAMPLE = Path.of(".env.example");
    private static final Path GIT_IGNORE = Path.of(".gitignore");
    private static final Path REPOSITORY_ROOT = Path.of("..");

    /** Spring binds {@code PREFIX_0_FIELD} to a field of a list element; these are the element types. */
    private static final Map<String, Class<? extends Record>> LIST_ELEMENTS =
            Map.of("allmende.security.users", LocalUser.class);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern REQUIRED_FROM_ENVIRONMENT =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):\\?[^}]+}");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");
    private static final Pattern CREATE_DATABASE = Pattern.compile("(?i)create\\s+database\\s+(\\w+)");
    private static final Pattern CREATE_ROLE = Pattern.compile("(?i)create\\s+role\\s+(\\w+)");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|HASH|SECRET).*");

    private static final Map<String, Object> COMPOSE = yaml(read(COMPOSE_FILE));

    static Stream<String> applicationServices() {
        return services().entrySet().stream()
                .filter(service -> map(service.getValue()).containsKey("build"))
                .map(Map.Entry::getKey);
    }

    static Stream<String> allServices() {
        return services().keySet().stream();
    }

    @Test
    void composeRunsBothServices() {
        assertThat(applicationServices()).containsExactlyInAnyOrder("membership-service", "billing-service");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicationServices")
    void everyVariableComposeSetsIsReadByTheService(String service) {
        var config = ServiceConfig.load(service);

        assertThat(environment(service).keySet())
                .as("variables compose sets for %s but %s.yml never reads (a typo?)", service, service)
                .filteredOn(variable -> !config.reads(variable))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicationServices")
    void everyVariableTheServiceNeedsIsSetByCompose(String service) {
        var config = ServiceConfig.load(service);

        assertThat(config.variablesWithoutDefault())
                .as("variables %s.yml needs (no default) but compose does not set", service)
                .isSubsetOf(environment(service).keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicationServices")
    void publishedPortIsTheServicesServerPort(String service) {
        var config = ServiceConfig.load(service);
        var serverPort = config.property("server.port");

        assertThat(resolve(serverPort, environment(service)))
                .as("server.port of %s as compose sets it", service)
                .isEqualTo(defaultOf(serverPort));
        assertThat(list(map(services().get(service)).get("ports")))
                .as("published on the same port on the host, as the README says")
                .contains(defaultOf(serverPort) + ":" + defaultOf(serverPort));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicationServices")
    void healthCheckAsksTheActuatorOnTheServicesPort(String service) {
        var config = ServiceConfig.load(service);
        var port = config.optionalProperty("management.server.port").orElse(config.property("server.port"));

        assertThat(healthCheck(service))
                .contains("http://localhost:" + resolve(port, environment(service)) + "/actuator/health");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicationServices")
    void datasourceIsADatabaseTheInitScriptCreatesOnThePostgresService(String service) {
        var url = JDBC_URL.matcher(variable(service, "SPRING_DATASOURCE_URL"));

        assertThat(url.matches()).as("%s has a PostgreSQL JDBC URL", service).isTrue();
        assertThat(url.group(1)).isEqualTo(serviceWithImage("postgres:"));
        assertThat(Optional.ofNullable(url.group(2)).orElse("5432")).isEqualTo("5432");
        assertThat(allMatches(CREATE_DATABASE, read(INIT_SCRIPT))).contains(url.group(3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicationServices")
    void datasourceUserIsTheRoleTheInitScriptCreates(String service) {
        assertThat(allMatches(CREATE_ROLE, read(INIT_SCRIPT)))
                .contains(variable(service, "SPRING_DATASOURCE_USERNAME"));
    }

    @Test
    void eachServiceHasADatabaseOfItsOwn() {
        var databases = applicationServices()
                .map(service -> variable(service, "SPRING_DATASOURCE_URL"))
                .toList();

        assertThat(databases).doesNotHaveDuplicates();
    }

    @Test
    void initScriptIsMountedIntoThePostgresEntrypoint() {
        var postgres = map(services().get(serviceWithImage("postgres:")));

        assertThat(list(postgres.get("volumes")))
                .contains("./" + INIT_SCRIPT + ":/docker-entrypoint-initdb.d/init.sql:ro");
        assertThat(INIT_SCRIPT).isRegularFile();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicationServices")
    void kafkaBootstrapServersAreTheBrokersAdvertisedListener(String service) {
        var kafka = serviceWithImage("apache/kafka:");
        var advertised = Arrays.stream(
                        variable(kafka, "KAFKA_ADVERTISED_LISTENERS").split(","))
                .map(listener -> listener.substring(listener.indexOf("://") + 3))
                .toList();

        assertThat(variable(service, "KAFKA_BOOTSTRAP_SERVERS").split(","))
                .isNotEmpty()
                .allSatisfy(server -> assertThat(server).startsWith(kafka + ":"))
                .allSatisfy(server -> assertThat(advertised).contains(server));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allServices")
    void noEnvironmentValueIsALiteralSecret(String service) {
        assertThat(environment(service))
                .as("secrets of %s must come from the environment as ${VARIABLE:?explanation}", service)
                .allSatisfy((name, value) -> {
                    if (SECRET_NAME.matcher(name).matches()) {
                        assertThat(value).as(name).matches(REQUIRED_FROM_ENVIRONMENT);
                    }
                });
    }

    @Test
    void envExampleNamesEveryVariableComposeRequires() {
        var example = read(ENV_EXAMPLE)
                .lines()
                .filter(line -> line.contains("=") && !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf('=')).trim())
                .collect(Collectors.toSet());

        assertThat(allMatches(REQUIRED_FROM_ENVIRONMENT, read(COMPOSE_FILE))).isSubsetOf(example);
    }

    @Test
    void realEnvFileIsNeverCommitted() {
        assertThat(read(GIT_IGNORE).lines()).contains(".env");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicationServices")
    void serviceStartsOnlyWhenPostgresAndKafkaAreHealthy(String service) {
        var dependsOn = map(map(services().get(service)).get("depends_on"));

        assertThat(Stream.of(serviceWithImage("postgres:"), serviceWithImage("apache/kafka:")))
                .allSatisfy(dependency -> assertThat(map(dependsOn.get(dependency)))
                        .as("%s depends on %s", service, dependency)
                        .containsEntry("condition", "service_healthy"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allServices")
    void everyServiceHasAHealthCheck(String service) {
        assertThat(healthCheck(service)).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicationServices")
    void imageIsBuiltFromTheServicesExecutableJarAndRunsAsNonRoot(String service) {
        var build = map(map(services().get(service)).get("build"));
        var dockerfile = String.valueOf(build.get("dockerfile"));
        var jar = service + "/target/" + service + "-" + System.getProperty("project.version") + "-exec.jar";

        assertThat(build).containsEntry("context", "..");
        var instructions = read(REPOSITORY_ROOT.resolve(dockerfile)).lines().toList();
        assertThat(instructions)
                .anySatisfy(line -> assertThat(line).startsWith("COPY " + jar + " "))
                .anySatisfy(line -> assertThat(line).startsWith("USER ").doesNotContain("root"));
        assertThat(read(REPOSITORY_ROOT.resolve(dockerfile + ".dockerignore")).lines())
                .as("the .dockerignore beside the Dockerfile lets the jar into the build context")
                .contains("!" + jar);
    }

    /** A service's own configuration file, flattened to Spring's relaxed property names. */
    private record ServiceConfig(Map<String, Object> properties, List<Placeholder> placeholders) {

        static ServiceConfig load(String service) {
            var file = service + ".yml";
            try (InputStream in = resource(file)) {
                assertThat(in)
                        .as("%s on the test classpath (is org.allmende:%s a test dependency?)", file, service)
                        .isNotNull();
                var properties = new LinkedHashMap<String, Object>();
                flatten("", new Yaml().load(in), properties);
                var placeholders = properties.values().stream()
                        .flatMap(ComposeFileTest::strings)
                        .flatMap(value -> PLACEHOLDER.matcher(value).results())
                        .map(match -> new Placeholder(match.group(1), match.group(2)))
                        .toList();
                return new ServiceConfig(properties, placeholders);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static InputStream resource(String name) {
            return ComposeFileTest.class.getClassLoader().getResourceAsStream(name);
        }

        boolean reads(String variable) {
            var path = variable.toLowerCase(Locale.ROOT).replace('_', '.');
            return placeholders.stream()
                            .anyMatch(placeholder -> placeholder.name().equals(variable))
                    || properties.containsKey(path)
                    || LIST_ELEMENTS.entrySet().stream()
                            .anyMatch(list -> properties.containsKey(list.getKey())
                                    && isElementField(path, list.getKey(), list.getValue()));
        }

        Set<String> variablesWithoutDefault() {
            return placeholders.stream()
                    .filter(placeholder -> placeholder.defaultValue() == null)
                    .map(Placeholder::name)
                    .filter(name -> ENVIRONMENT_NAME.matcher(name).matches())
                    .collect(Collectors.toSet());
        }

        String property(String name) {
            return optionalProperty(name)
                    .orElseThrow(() -> new AssertionError("no property " + name + " in the service's configuration"));
        }

        Optional<String> optionalProperty(String name) {
            return Optional.ofNullable(properties.get(relaxed(name))).map(String::valueOf);
        }

        private static boolean isElementField(String path, String list, Class<? extends Record> element) {
            var field =
                    Pattern.compile(Pattern.quote(list) + "\\.\\d+\\.(\\w+)").matcher(path);
            return field.matches()
                    && Arrays.stream(element.getRecordComponents())
                            .anyMatch(component -> relaxed(component.getName()).equals(field.group(1)));
        }

        private static void flatten(String prefix, Object node, Map<String, Object> into) {
            if (node instanceof Map<?, ?> children && !children.isEmpty()) {
                children.forEach((key, child) -> flatten(
                        prefix.isEmpty() ? relaxed(key.toString()) : prefix + "." + relaxed(key.toString()),
                        child,
                        into));
            } else {
                into.put(prefix, node);
            }
        }

        /** Spring's relaxed form: case and dashes do not matter ({@code password-hash} = {@code passwordHash}). */
        private static String relaxed(String name) {
            return name.toLowerCase(Locale.ROOT).replace("-", "");
        }
    }

    private record Placeholder(String name, String defaultValue) {}

    /** The value compose gives a {@code ${NAME:default}} property, or its default when compose leaves it unset. */
    private static String resolve(String value, Map<String, String> environment) {
        var placeholder = PLACEHOLDER.matcher(value);
        if (!placeholder.matches()) {
            return value;
        }
        return environment.getOrDefault(placeholder.group(1), placeholder.group(2));
    }

    private static String defaultOf(String value) {
        var placeholder = PLACEHOLDER.matcher(value);
        return placeholder.matches() ? placeholder.group(2) : value;
    }

    private static Map<String, Object> services() {
        return map(COMPOSE.get("services"));
    }

    private static Map<String, String> environment(String service) {
        var environment = new LinkedHashMap<String, String>();
        map(map(services().get(service)).get("environment"))
                .forEach((name, value) -> environment.put(name, String.valueOf(value)));
        return environment;
    }

    private static String variable(String service, String name) {
        var environment = environment(service);
        assertThat(environment).as("environment of %s", service).containsKey(name);
        return environment.get(name);
    }

    private static String serviceWithImage(String imagePrefix) {
        return services().entrySet().stream()
                .filter(service ->
                        String.valueOf(map(service.getValue()).get("image")).startsWith(imagePrefix))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no service runs the image " + imagePrefix));
    }

    private static String healthCheck(String service) {
        var test = map(map(services().get(service)).get("healthcheck")).get("test");
        return test instanceof List<?> command
                ? command.stream().map(String::valueOf).collect(Collectors.joining(" "))
                : String.valueOf(test);
    }

    private static Set<String> allMatches(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(match -> match.group(1)).collect(Collectors.toSet());
    }

    private static Stream<String> strings(Object value) {
        if (value instanceof String string) {
            return Stream.of(string);
        }
        if (value instanceof List<?> values) {
            return values.stream().flatMap(ComposeFileTest::strings);
        }
        return Stream.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<String> list(Object node) {
        return node instanceof List<?> values
                ? values.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static Map<String, Object> yaml(String text) {
        return new Yaml().load(text);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
