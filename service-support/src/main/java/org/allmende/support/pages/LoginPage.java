package org.allmende.support.pages;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page of both services: user name and password, and each configured OpenID Connect provider. */
@PageController
public class LoginPage {

    public record Provider(String registrationId, String name) {}

    private final List<Provider> providers = new ArrayList<>();

    public LoginPage(ObjectProvider<ClientRegistrationRepository> registrations) {
        registrations.ifAvailable(repository -> {
            if (repository instanceof Iterable<?> all) {
                for (var registration : all) {
                    var client = (ClientRegistration) registration;
                    providers.add(new Provider(client.getRegistrationId(), client.getClientName()));
                }
            }
        });
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("providers", providers);
        return "allmende/login";
    }
}
