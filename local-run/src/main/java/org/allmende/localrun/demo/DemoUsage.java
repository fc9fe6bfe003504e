package org.allmende.localrun.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A municipality's usage of the cooperative's services over a stretch of days, as its meters would report it:
 * printed pages every working day (a weekday rhythm, nothing on weekends and holidays, a dip in the summer and
 * between the years), council tablets in use (many on session days, few in the summer recess and over Christmas),
 * data center storage once a month (growing slowly), cartridges as the pages of a month use them up, support hours
 * now and then. Pure and deterministic: the quantity of a record depends only on the body, the service and the day
 * (or month), never on where the history starts, so a record id always carries the same quantity, whenever the seed
 * runs.
 */
public final class DemoUsage {

    /** One usage record, as the usage batch intake takes it. */
    public record UsageRecord(
            String sendingSystem,
            String recordId,
            String serviceCode,
            BigDecimal quantity,
            String unit,
            LocalDate usedFrom,
            LocalDate usedTo) {}

    static final long SEED = 20_260_041L;
    /** Storage is {@link DemoMunicipality#storageGb()} in this month and grows from it (shrinks before it). */
    static final YearMonth STORAGE_BASE = YearMonth.of(2026, 1);

    static final int PAGES_PER_CARTRIDGE = 9_000;
    private static final Map<DayOfWeek, Double> WEEKDAY_RHYTHM = Map.of(
            DayOfWeek.MONDAY, 1.05,
            DayOfWeek.TUESDAY, 1.10,
            DayOfWeek.WEDNESDAY, 1.00,
            DayOfWeek.THURSDAY, 1.05,
            DayOfWeek.FRIDAY, 0.70);

    private DemoUsage() {}

    /** Every record of the days {@code from}..{@code to} (inclusive); storage only for whole months in it. */
    public static List<UsageRecord> of(DemoMunicipality body, LocalDate from, LocalDate to) {
        var records = new ArrayList<UsageRecord>();
        // cartridges are counted from the first of each month: a day's cartridges do not depend on where we begin
        int cartridgePages = 0;
        for (var day = from.withDayOfMonth(1); day.isBefore(from); day = day.plusDays(1)) {
            cartridgePages = (cartridgePages + pages(body, day)) % PAGES_PER_CARTRIDGE;
        }
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfMonth() == 1) {
                cartridgePages = 0;
                if (!YearMonth.from(day).atEndOfMonth().isAfter(to)) {
                    records.add(storage(body, day));
                }
            }
            int tablets = tablets(body, day);
            if (tablets > 0) {
                records.add(record(body, "ratsinfo", "RIS-TABLET", BigDecimal.valueOf(tablets), "DEVICE", day));
            }
            int pages = pages(body, day);
            if (pages == 0) {
                continue;
            }
            records.add(record(body, "druckflotte", "PRINT-PAGES", BigDecimal.valueOf(pages), "PAGE", day));
            cartridgePages += pages;
            if (cartridgePages >= PAGES_PER_CARTRIDGE) {
                int cartridges = cartridgePages / PAGES_PER_CARTRIDGE;
                cartridgePages %= PAGES_PER_CARTRIDGE;
                records.add(
                        record(body, "druckflotte", "PRINT-CARTRIDGE", BigDecimal.valueOf(cartridges), "PIECE", day));
            }
            var support = supportHours(body, day);
            if (support.signum() > 0) {
                records.add(record(body, "servicedesk", "SUPPORT-HOURS", support, "HOUR", day));
            }
        }
        return records;
    }

    /** Pages printed on a day: about seven per member of staff on a working day, none on weekends and holidays. */
    static int pages(DemoMunicipality body, LocalDate day) {
        var rhythm = WEEKDAY_RHYTHM.get(day.getDayOfWeek());
        if (rhythm == null || GermanHolidays.isHoliday(day)) {
            return 0;
        }
        var random = random(body, "PRINT-PAGES", day);
        double noise = 0.85 + 0.30 * random.nextDouble();
        return (int) Math.round(body.staff() * 6.5 * rhythm * season(day) * noise);
    }

    /** Summer holidays and the days between the years: fewer people in the office. */
    static double season(LocalDate day) {
        var month = day.getMonthValue();
        var dayOfMonth = day.getDayOfMonth();
        if ((month == 12 && dayOfMonth >= 22) || (month == 1 && dayOfMonth <= 3)) {
            return 0.35;
        }
        if ((month == 7 && dayOfMonth >= 14) || (month == 8 && dayOfMonth <= 22)) {
            return 0.65;
        }
        return 1.0;
    }

    /**
     * Council information system tablets in use on a day: on a session day (council or committee) most of the seats,
     * otherwise a few members preparing; sessions are frequent in the session months (most in the budget weeks of
     * November and December), rare in July, none in the summer recess and between the years.
     */
    static int tablets(DemoMunicipality body, LocalDate day) {
        if (!isWorkingDay(day)) {
            return 0;
        }
        var random = random(body, "RIS-TABLET", day);
        var recess = sessionChance(day) == 0;
        double share = random.nextDouble() < sessionChance(day)
                ? 0.75 + 0.25 * random.nextDouble()
                : (recess ? 0.03 + 0.07 * random.nextDouble() : 0.10 + 0.20 * random.nextDouble());
        return (int) Math.round(body.councilSeats() * share);
    }

    /** The chance that a working day has a council or committee session. */
    static double sessionChance(LocalDate day) {
        var month = day.getMonthValue();
        var dayOfMonth = day.getDayOfMonth();
        if ((month == 12 && dayOfMonth >= 20) || (month == 1 && dayOfMonth <= 6)) {
            return 0;
        }
        if ((month == 7 && dayOfMonth >= 14) || month == 8) {
            return 0;
        }
        return switch (month) {
            case 7 -> 0.10;
            case 11, 12 -> 0.35;
            default -> 0.22;
        };
    }

    private static boolean isWorkingDay(LocalDate day) {
        return WEEKDAY_RHYTHM.containsKey(day.getDayOfWeek()) && !GermanHolidays.isHoliday(day);
    }

    /** A call to the service desk on some working days, more often the larger the administration. */
    static BigDecimal supportHours(DemoMunicipality body, LocalDate day) {
        var random = random(body, "SUPPORT-HOURS", day);
        double chance = Math.min(0.6, 0.05 + body.staff() / 900.0);
        if (random.nextDouble() >= chance) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(1 + random.nextInt(8), 0).divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
    }

    /** Storage in a month: about 1.2 % more every month, give or take half a percent. */
    static UsageRecord storage(DemoMunicipality body, LocalDate firstOfMonth) {
        long months = STORAGE_BASE.until(YearMonth.from(firstOfMonth), ChronoUnit.MONTHS);
        double noise = 0.995 + 0.01 * random(body, "DC-HOSTING", firstOfMonth).nextDouble();
        var gb = BigDecimal.valueOf(body.storageGb() * Math.pow(1.012, months) * noise)
                .setScale(1, RoundingMode.HALF_UP);
        return new UsageRecord(
                "rechenzentrum",
                body.key() + "/DC-HOSTING/" + YearMonth.from(firstOfMonth),
                "DC-HOSTING",
                gb,
                "GB_MONTH",
                firstOfMonth,
                YearMonth.from(firstOfMonth).atEndOfMonth());
    }

    private static UsageRecord record(
            DemoMunicipality body, String system, String service, BigDecimal quantity, String unit, LocalDate day) {
        return new UsageRecord(system, body.key() + "/" + service + "/" + day, service, quantity, unit, day, day);
    }

    private static SplittableRandom random(DemoMunicipality body, String service, LocalDate day) {
        // SplittableRandom mixes its seed: java.util.Random's first draws of neighbouring seeds are nearly equal
        return new SplittableRandom(Objects.hash(SEED, body.key(), service, day.toEpochDay()));
    }
}
