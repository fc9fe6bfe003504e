package org.allmende.events.membership;

/** Whether a catalog service is a service or a delivery of goods; VAT treats them differently (§4 Nr. 29 UStG). */
public enum ServiceKind {
    SERVICE,
    GOODS
}
