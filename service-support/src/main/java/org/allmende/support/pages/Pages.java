package org.allmende.support.pages;

import java.util.List;
import java.util.Locale;
import org.allmende.support.security.OidcLoginProperties;
import org.allmende.support.security.OidcLogins;
import org.allmende.support.security.RecentlyVerifiedCredentials;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What both services' pages share (ADR 0026): messages in German and English ({@code i18n/allmende_*} here, each
 * service's own bundles named by {@code allmende.pages.messages}), the language from the browser or the switch, the
 * login page, the layout's model, the OpenID Connect mapping (ADR 0027), and the sessions in the database (ADR 0030).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcLoginProperties.class)
@Import({LoginPage.class, PageModel.class, PageErrors.class, PageSessions.class})
public class Pages implements WebMvcConfigurer {

    private static final LocaleResolver LOCALES = PageLocales.resolver();

    /** Named so Spring Boot's own message source steps back, and with English where a key is missing. */
    @Bean
    static MessageSource messageSource(@Value("${allmende.pages.messages:i18n/allmende}") List<String> bundles) {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames(bundles.toArray(String[]::new));
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ENGLISH);
        return messages;
    }

    @Bean
    static LocaleResolver localeResolver() {
        return LOCALES;
    }

    @Bean
    PageLogins pageLogins(
            RecentlyVerifiedCredentials localLogins,
            OidcLoginProperties properties,
            ObjectProvider<ClientRegistrationRepository> oidcProviders) {
        var providers = oidcProviders.getIfAvailable();
        return new PageLogins(
                localLogins,
                new OidcLogins(properties),
                providers != null,
                PageLogout.of(providers, properties.endSessionEndpoints()));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(PageLocales.switchInterceptor(LOCALES));
    }
}
