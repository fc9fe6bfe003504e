package org.allmende.events.membership;

/** What a catalog service is counted in; usage records and tariffs of the service use the same unit. */
public enum ServiceUnit {
    /** Printed pages. */
    PAGE,
    /** Gigabytes stored for a month. */
    GB_MONTH,
    /** Devices provided or managed, e.g. council tablets. */
    DEVICE,
    /** Hours of work, e.g. support. */
    HOUR,
    /** A flat charge per period, independent of use. */
    FLAT,
    /** Pieces of goods delivered, e.g. cartridges. */
    PIECE
}
