package org.allmende.support.axon;

import java.util.HashMap;
import java.util.Map;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.CorrelationId;

/** The metadata a stored event carries: who recorded it, in which roles, in which request (ADR 0008). */
public final class WhoAndWhy {

    private WhoAndWhy() {}

    public static Map<String, Object> current() {
        var metaData = new HashMap<String, Object>();
        metaData.put("user", CurrentUser.name());
        metaData.put("role", CurrentUser.roles());
        var correlationId = CorrelationId.current();
        if (correlationId != null) {
            metaData.put("correlationId", correlationId);
        }
        return metaData;
    }
}
