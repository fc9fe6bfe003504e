package org.allmende.billing.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.allmende.billing.ledger.UsageHistory.ServiceSeries;

/**
 * One service's usage as bars of a server-rendered SVG (no script, so nothing for the content security policy to
 * allow): a bar per period, its height relative to the largest. The page puts a table with the same numbers beside
 * it for screen readers and for reading exact values.
 */
public record UsageChart(String serviceCode, String serviceName, String unit, BigDecimal total, List<Bar> bars) {

    public static final int HEIGHT = 160;
    public static final int BAR_SPACE = 48;
    public static final int BAR_WIDTH = 36;
    public static final int LABEL_SPACE = 20;

    /** A bar: its period's start, quantity and place in the SVG (x, y, height in the SVG's units). */
    public record Bar(LocalDate start, BigDecimal quantity, int x, int y, int height) {

        public int decimals() {
            return UsageChart.decimals(quantity);
        }
    }

    /** The decimals a quantity needs (1000 pages: none; 12.5 GB: one), at most three. */
    public static int decimals(BigDecimal quantity) {
        return Math.min(Math.max(quantity.stripTrailingZeros().scale(), 0), 3);
    }

    static UsageChart of(ServiceSeries series) {
        var largest = series.periods().stream()
                .map(p -> p.quantity())
                .max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
        var drawable = HEIGHT - LABEL_SPACE;
        var bars = new ArrayList<Bar>();
        var index = 0;
        for (var period : series.periods()) {
            var height = largest.signum() <= 0
                    ? 0
                    : period.quantity()
                            .multiply(BigDecimal.valueOf(drawable))
                            .divide(largest, 0, RoundingMode.HALF_UP)
                            .intValue();
            // a used period never disappears: at least a sliver
            if (height == 0 && period.quantity().signum() > 0) {
                height = 1;
            }
            bars.add(new Bar(
                    period.start(),
                    period.quantity(),
                    index * BAR_SPACE + (BAR_SPACE - BAR_WIDTH) / 2,
                    drawable - height,
                    height));
            index++;
        }
        return new UsageChart(
                series.serviceCode(), series.serviceName(), series.unit(), series.total(), List.copyOf(bars));
    }

    public int width() {
        return Math.max(bars.size(), 1) * BAR_SPACE;
    }

    public int totalDecimals() {
        return decimals(total);
    }

    public int height() {
        return HEIGHT;
    }

    public int barWidth() {
        return BAR_WIDTH;
    }

    public int axisY() {
        return HEIGHT - LABEL_SPACE;
    }

    public int labelY() {
        return HEIGHT - 5;
    }
}
