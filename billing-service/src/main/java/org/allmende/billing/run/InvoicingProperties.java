package org.allmende.billing.run;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this cooperative invoices: which kinds of members receive services under the cost-sharing exemption (§4 Nr. 29
 * UStG) — it applies only to price plans finance marked eligible, and never to goods; and how many members an
 * invoice run drafts per transaction (ADR 0023).
 */
@ConfigurationProperties("allmende.invoicing")
public record InvoicingProperties(List<String> costSharingExemptBodyKinds, Integer draftChunkSize) {

    public InvoicingProperties {
        costSharingExemptBodyKinds =
                costSharingExemptBodyKinds == null ? List.of() : List.copyOf(costSharingExemptBodyKinds);
        draftChunkSize = draftChunkSize == null ? 500 : draftChunkSize;
        if (draftChunkSize < 1) {
            throw new IllegalArgumentException("allmende.invoicing.draft-chunk-size must be at least 1");
        }
    }
}
