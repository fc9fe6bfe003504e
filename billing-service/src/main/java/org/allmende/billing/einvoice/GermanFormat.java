package org.allmende.billing.einvoice;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers and dates as a German reader expects them: 1.234,56 € and 31.03.2026. */
final class GermanFormat {

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.GERMANY);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private GermanFormat() {}

    static String money(BigDecimal amount) {
        return format("#,##0.00", amount) + " €";
    }

    /** A unit price: at least two decimals, as many as it has (0,0123 €). */
    static String price(BigDecimal price) {
        return format("#,##0.00####", price) + " €";
    }

    static String quantity(BigDecimal quantity) {
        return format("#,##0.####", quantity);
    }

    static String percent(BigDecimal rate) {
        return format("#,##0.##", rate) + " %";
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    private static String format(String pattern, BigDecimal value) {
        var format = new DecimalFormat(pattern, SYMBOLS);
        format.setParseBigDecimal(true);
        return format.format(value);
    }
}
