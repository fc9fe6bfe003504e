package org.allmende.membership.web;

/** How a service code looks: stable, readable in usage files and on invoices, e.g. {@code RIS-TABLET}. */
final class ServiceCodes {

    static final String PATTERN = "[A-Z][A-Z0-9-]{1,39}";

    private ServiceCodes() {}
}
