package org.allmende.support.pages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * The pages' sessions live in each service's own database (Spring Session JDBC, ADR 0030; tables by Flyway): a
 * login survives a restart and is seen by every instance. Their attributes are stored as Java serialization, as
 * Spring Session does by default; one that a new release can no longer read (a changed class) counts as absent —
 * the browser is asked to log in again instead of meeting an error on every page until its session expires.
 */
@Configuration(proxyBeanMethods = false)
public class PageSessions {

    private static final Logger log = LoggerFactory.getLogger(PageSessions.class);

    /** Named so Spring Session's JDBC repository takes it for its attributes. */
    @Bean
    static ConversionService springSessionConversionService() {
        return attributes(PageSessions.class.getClassLoader());
    }

    static ConversionService attributes(ClassLoader classes) {
        var serializing = new SerializingConverter();
        var deserializing = new DeserializingConverter(classes);
        var conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, serializing);
        conversions.addConverter(byte[].class, Object.class, bytes -> {
            try {
                return deserializing.convert(bytes);
            } catch (RuntimeException unreadable) {
                log.warn(
                        "a stored session attribute cannot be read any more, taken as absent: {}",
                        unreadable.toString());
                return null;
            }
        });
        return conversions;
    }
}
