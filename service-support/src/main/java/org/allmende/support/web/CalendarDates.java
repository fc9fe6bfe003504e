package org.allmende.support.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.annotation.DateTimeFormat;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Dates as clients send them, in bodies and in query parameters: {@code YYYY-MM-DD} of a real day in the years 1 to
 * 9999. {@code LocalDate} itself reads {@code +999999999-12-31} and the database cannot store it (a 500 at the first
 * query), and a year 10000 is no date a cooperative books; both are now a 400 naming the field, like 2026-02-30.
 */
public final class CalendarDates {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public static final String RULE = "a day YYYY-MM-DD in the years 0001 to 9999";

    private CalendarDates() {}

    /** The day, or {@link IllegalArgumentException} saying why the text is none. */
    public static LocalDate parse(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            throw new IllegalArgumentException("must be " + RULE + ", not " + shorten(text));
        }
        try {
            var date = LocalDate.parse(text);
            if (date.getYear() < 1) {
                throw new IllegalArgumentException("must be " + RULE + ", not " + text);
            }
            return date;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("must be " + RULE + ", not " + text, e);
        }
    }

    /** For JSON bodies: registered with the service's JSON mapper as a module bean. */
    public static SimpleModule jsonModule() {
        return new SimpleModule("allmende-calendar-dates").addDeserializer(LocalDate.class, new Deserializer());
    }

    /** For query and path parameters, as {@code @DateTimeFormat(iso = DATE)} or without a format. */
    public static ConditionalGenericConverter parameterConverter() {
        return new ParameterConverter();
    }

    private static final class Deserializer extends ValueDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            var text = parser.getString().strip();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return parse(text);
            } catch (IllegalArgumentException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, e.getMessage());
            }
        }
    }

    private static final class ParameterConverter implements ConditionalGenericConverter {
        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(String.class, LocalDate.class));
        }

        @Override
        public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
            var format = targetType.getAnnotation(DateTimeFormat.class);
            return format == null
                    || (format.iso() == DateTimeFormat.ISO.DATE
                            && format.pattern().isEmpty()
                            && format.style().equals("SS"));
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            var text = source == null ? "" : source.toString().strip();
            return text.isEmpty() ? null : parse(text);
        }
    }

    private static String shorten(String text) {
        return text != null && text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
