package org.allmende.support.pages;

import org.allmende.support.security.OidcLogins;
import org.allmende.support.security.RecentlyVerifiedCredentials;

/**
 * How people log in to the pages: the local logins (the same as the API's), and OpenID Connect when a provider is
 * configured ({@code spring.security.oauth2.client.registration.*}), with its claims mapped by {@link OidcLogins};
 * and how they log out again ({@link PageLogout}).
 */
public record PageLogins(
        RecentlyVerifiedCredentials local, OidcLogins oidc, boolean oidcConfigured, PageLogout logout) {}
