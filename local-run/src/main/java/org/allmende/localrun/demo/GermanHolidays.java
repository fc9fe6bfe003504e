package org.allmende.localrun.demo;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/** The public holidays in Hessen, where the demo cooperative sits: nobody prints in the town hall on them. */
final class GermanHolidays {

    private static final Set<MonthDay> FIXED =
            Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(10, 3), MonthDay.of(12, 25), MonthDay.of(12, 26));

    private GermanHolidays() {}

    static boolean isHoliday(LocalDate day) {
        if (FIXED.contains(MonthDay.from(day))) {
            return true;
        }
        var easter = easterSunday(day.getYear());
        // Good Friday, Easter Monday, Ascension, Whit Monday, Corpus Christi (a holiday in Hessen)
        for (int offset : new int[] {-2, 1, 39, 50, 60}) {
            if (day.equals(easter.plusDays(offset))) {
                return true;
            }
        }
        return false;
    }

    /** The anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }
}
