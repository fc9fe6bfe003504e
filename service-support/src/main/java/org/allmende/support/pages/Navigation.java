package org.allmende.support.pages;

import java.util.List;
import org.allmende.support.security.Role;

/** A service's main navigation; a link with a role shows only to logins with that role. */
public interface Navigation {

    List<Link> links();

    record Link(String path, String label, Role role) {}
}
