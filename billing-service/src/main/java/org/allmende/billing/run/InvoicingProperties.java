package org.allmende.billing.run;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this cooperative invoices: which kinds of members receive services under the cost-sharing exemption (§4 Nr. 29
 * UStG) — it applies only to price plans finance marked eligible, and never to goods.
 */
@ConfigurationProperties("allmende.invoicing")
public record InvoicingProperties(List<String> costSharingExemptBodyKinds) {

    public InvoicingProperties {
        costSharingExemptBodyKinds =
                costSharingExemptBodyKinds == null ? List.of() : List.copyOf(costSharingExemptBodyKinds);
    }
}
