package org.allmende.support.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.allmende.support.security.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page: the path for the language switch, the CSRF header for htmx. */
@ControllerAdvice(annotations = PageController.class)
public class PageModel {

    private final List<Navigation.Link> links;

    public PageModel(ObjectProvider<Navigation> navigation) {
        this.links = navigation.stream().flatMap(n -> n.links().stream()).toList();
    }

    @ModelAttribute
    void layout(Model model, HttpServletRequest request, Locale locale) {
        model.addAttribute("currentPath", request.getRequestURI());
        model.addAttribute("language", locale.getLanguage());
        model.addAttribute(
                "navigation",
                links.stream()
                        .filter(link -> link.role() == null || CurrentUser.hasRole(link.role()))
                        .toList());
        // loaded before rendering starts: a deferred token saved to a new session after the response was
        // committed would be lost
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            model.addAttribute("csrfHeaders", "{\"" + token.getHeaderName() + "\": \"" + token.getToken() + "\"}");
        }
    }
}
