package org.allmende.devinfra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The logins of the local run and the tests, as Spring properties ({@code allmende.security.users[i].*}). The
 * passwords are public on purpose: this is for a developer's machine, never for a deployment.
 */
public final class DemoLogins {

    public record Login(String username, String password, String roles, Long memberNumber) {}

    public static final Login BOARD = new Login("vorstand", "vorstand-demo", "BOARD", null);
    public static final Login BOARD_2 = new Login("vorstand2", "vorstand2-demo", "BOARD", null);
    public static final Login FINANCE = new Login("finanzen", "finanzen-demo", "FINANCE", null);
    public static final Login ADMIN = new Login("admin", "admin-demo", "ADMIN", null);
    public static final Login MEMBER_1 = new Login("mitglied1", "mitglied1-demo", "MEMBER", 1L);
    public static final Login MEMBER_2 = new Login("mitglied2", "mitglied2-demo", "MEMBER", 2L);
    /** A sending system that reports usage (e.g. the print fleet's accounting). */
    public static final Login METER = new Login("zaehler", "zaehler-demo", "METER", null);

    public static final List<Login> ALL = List.of(BOARD, BOARD_2, FINANCE, ADMIN, MEMBER_1, MEMBER_2, METER);

    private static Map<String, String> properties;

    private DemoLogins() {}

    /** bcrypt at strength 4: these hashes are computed at every start, and only guard demo passwords. */
    public static synchronized Map<String, String> asProperties() {
        if (properties == null) {
            var encoder = new BCryptPasswordEncoder(4);
            var map = new LinkedHashMap<String, String>();
            for (int i = 0; i < ALL.size(); i++) {
                var login = ALL.get(i);
                var prefix = "allmende.security.users[" + i + "].";
                map.put(prefix + "username", login.username());
                map.put(prefix + "password-hash", "{bcrypt}" + encoder.encode(login.password()));
                map.put(prefix + "roles", login.roles());
                if (login.memberNumber() != null) {
                    map.put(prefix + "member-number", login.memberNumber().toString());
                }
            }
            properties = Map.copyOf(map);
        }
        return properties;
    }
}
