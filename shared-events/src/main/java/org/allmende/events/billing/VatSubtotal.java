package org.allmende.events.billing;

import java.math.BigDecimal;

/**
 * The amounts of a document under one VAT regime and rate (EN 16931 VAT breakdown): {@code vat} is {@code net}
 * times {@code ratePercent} / 100, rounded half up to cents once for the group, and {@code gross} is their sum.
 */
public record VatSubtotal(VatRegime regime, BigDecimal ratePercent, BigDecimal net, BigDecimal vat, BigDecimal gross) {}
