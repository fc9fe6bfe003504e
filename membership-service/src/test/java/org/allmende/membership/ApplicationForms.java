package org.allmende.membership;

import java.util.List;
import java.util.Map;

/** A valid application form of the tests: a municipality of 12,000 inhabitants asking for 12 shares. */
public final class ApplicationForms {

    private ApplicationForms() {}

    public static Map<String, Object> municipality(String name) {
        var form = new java.util.HashMap<String, Object>();
        form.put("applicantName", name);
        form.put("bodyKind", "MUNICIPALITY");
        form.put("ags", "06611000");
        form.put("address", Map.of("street", "Marktplatz 1", "postalCode", "34117", "city", name, "country", "DE"));
        form.put("inhabitants", 12_000);
        form.put("inhabitantsReferenceDate", "2025-12-31");
        form.put("staffCount", 180);
        form.put("leitwegId", "991-33333TEST-33");
        form.put(
                "contactPersons",
                List.of(Map.of("name", "Erika Mustermann", "role", "IT-Leitung", "email", "erika@example.org")));
        form.put("requestedShares", 12);
        form.put("requestedServices", List.of("RIS-TABLET"));
        form.put("statutesVersion", "2026-01");
        form.put("paymentObligationAcknowledged", true);
        return form;
    }
}
