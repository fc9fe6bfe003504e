package org.allmende.billing.web;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An amount of euros as a person types it on a German or an English page: {@code 1234.5}, {@code 1.234,50},
 * {@code 1,234.50} or {@code 119,00}. Empty when the text is no amount; the rules (positive, cents) are the caller's.
 */
final class AmountField {

    private static final Pattern GERMAN = Pattern.compile("-?\\d{1,3}(\\.\\d{3})*(,\\d+)?|-?\\d+(,\\d+)?");
    private static final Pattern ENGLISH = Pattern.compile("-?\\d{1,3}(,\\d{3})*(\\.\\d+)?|-?\\d+(\\.\\d+)?");

    private AmountField() {}

    static Optional<BigDecimal> parse(String text) {
        var typed = text == null ? "" : text.strip().replace(" ", "").replace("\u00a0", "");
        if (typed.endsWith("EUR")) {
            typed = typed.substring(0, typed.length() - 3);
        }
        if (ENGLISH.matcher(typed).matches() && !(typed.contains(",") && !typed.contains("."))) {
            return Optional.of(new BigDecimal(typed.replace(",", "")));
        }
        if (GERMAN.matcher(typed).matches()) {
            return Optional.of(new BigDecimal(typed.replace(".", "").replace(",", ".")));
        }
        return Optional.empty();
    }
}
