package org.allmende.support.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * German or English: the language chosen with the switch ({@code ?lang=de}, kept in a cookie), else the first of
 * the browser's languages that the pages speak, else English.
 */
public final class PageLocales {

    public static final String COOKIE = "ALLMENDE_LANG";
    public static final String PARAMETER = "lang";
    public static final List<Locale> SUPPORTED = List.of(Locale.GERMAN, Locale.ENGLISH);

    private PageLocales() {}

    public static LocaleResolver resolver() {
        var resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> fromBrowser(request.getHeader("Accept-Language")));
        return resolver;
    }

    /** The first language of the browser's {@code Accept-Language} (by weight) that the pages speak. */
    static Locale fromBrowser(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> Locale.forLanguageTag(range.getRange()))
                    .map(PageLocales::supported)
                    .flatMap(Optional::stream)
                    .findFirst()
                    .orElse(Locale.ENGLISH);
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    static Optional<Locale> supported(Locale locale) {
        return SUPPORTED.stream()
                .filter(s -> s.getLanguage().equals(locale.getLanguage()))
                .findFirst();
    }

    /** The switch: {@code ?lang=de} or {@code ?lang=en} on any page; other values are ignored. */
    public static HandlerInterceptor switchInterceptor(LocaleResolver resolver) {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                var wanted = request.getParameter(PARAMETER);
                if (wanted != null) {
                    supported(Locale.forLanguageTag(wanted))
                            .ifPresent(locale -> resolver.setLocale(request, response, locale));
                }
                return true;
            }
        };
    }
}
