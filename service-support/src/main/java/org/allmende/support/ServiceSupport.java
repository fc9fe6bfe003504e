package org.allmende.support;

import io.swagger.v3.oas.models.OpenAPI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.allmende.support.pages.Pages;
import org.allmende.support.security.LocalUsers;
import org.allmende.support.security.LocalUsersProperties;
import org.allmende.support.security.RecentlyVerifiedCredentials;
import org.allmende.support.time.BusinessTime;
import org.allmende.support.web.ApiDescription;
import org.allmende.support.web.CalendarDates;
import org.allmende.support.web.CorrelationId;
import org.allmende.support.web.Problems;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JacksonModule;

/** What every Allmende service gets: clock, local logins, correlation ids, problem details, API description. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LocalUsersProperties.class)
@Import({Problems.class, Pages.class})
public class ServiceSupport {

    /**
     * The system clock in Europe/Berlin. {@code allmende.clock.fixed} (an ISO instant) freezes it — for
     * demonstrations and tests of what happens at a fiscal year end, never for production.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${allmende.clock.fixed:}") String fixed) {
        if (!fixed.isBlank()) {
            LoggerFactory.getLogger(ServiceSupport.class).warn("clock fixed at {} (allmende.clock.fixed)", fixed);
            return Clock.fixed(Instant.parse(fixed), BusinessTime.ZONE);
        }
        return BusinessTime.systemClock();
    }

    /**
     * Bean Validation's {@code @PastOrPresent} and {@code @FutureOrPresent} judge by the same clock as the rest of
     * the service, in Europe/Berlin: at 00:30 in Berlin a payment of that day is not "in the future" because UTC is
     * still on the day before.
     */
    @Bean
    ValidationConfigurationCustomizer businessClockForValidation(Clock clock) {
        return BusinessTime.forValidation(clock);
    }

    /** Dates in JSON bodies: a real day in the years 1 to 9999, else a 400 naming the field. */
    @Bean
    JacksonModule calendarDates() {
        return CalendarDates.jsonModule();
    }

    /** The same for dates in query and path parameters. */
    @Bean
    WebMvcConfigurer calendarDateParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverter(CalendarDates.parameterConverter());
            }
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LocalUsers localUsers(LocalUsersProperties properties) {
        return new LocalUsers(properties);
    }

    /**
     * The local logins: bcrypt checks the password; a successful check is remembered for a few minutes (ADR 0008).
     * The API's Basic authentication and the pages' form login both use it.
     */
    @Bean
    RecentlyVerifiedCredentials localLogins(
            LocalUsers users,
            PasswordEncoder passwordEncoder,
            Clock clock,
            @Value("${allmende.security.remember-verified-login:PT5M}") Duration remember) {
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        return new RecentlyVerifiedCredentials(passwords, remember, clock);
    }

    @Bean
    AuthenticationManager authenticationManager(RecentlyVerifiedCredentials localLogins) {
        return new ProviderManager(localLogins);
    }

    @Bean
    FilterRegistrationBean<CorrelationId> correlationIdFilter() {
        var registration = new FilterRegistrationBean<>(new CorrelationId());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Title from the application's name, description from {@code allmende.api.description}, version from the build. */
    @Bean
    OpenAPI apiDescription(
            @Value("${spring.application.name}") String name,
            @Value("${allmende.api.description:}") String description,
            ObjectProvider<BuildProperties> build) {
        var version =
                build.stream().map(BuildProperties::getVersion).findFirst().orElse("development");
        return ApiDescription.document("Allmende " + name, description, version);
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return ApiDescription.problemResponses();
    }
}
