package org.allmende.support.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.TypeDescriptor;

/** How session attributes are stored (ADR 0030): Java serialization; what a release can no longer read is absent. */
class PageSessionsTest {

    record Login(String name, long memberNumber) implements Serializable {}

    private static final TypeDescriptor OBJECT = TypeDescriptor.valueOf(Object.class);
    private static final TypeDescriptor BYTES = TypeDescriptor.valueOf(byte[].class);

    @Test
    void anAttributeIsReadBackAsItWasStored() {
        var attributes = PageSessions.attributes(getClass().getClassLoader());

        var stored = attributes.convert(new Login("mitglied1", 1), OBJECT, BYTES);

        assertThat(attributes.convert(stored, BYTES, OBJECT)).isEqualTo(new Login("mitglied1", 1));
    }

    @Test
    void anAttributeOfAClassTheReleaseNoLongerHasCountsAsAbsent() {
        var stored =
                PageSessions.attributes(getClass().getClassLoader()).convert(new Login("mitglied1", 1), OBJECT, BYTES);
        var withoutTheClass = PageSessions.attributes(new ClassLoader(null) {});

        assertThat(withoutTheClass.convert(stored, BYTES, OBJECT)).isNull();
    }

    @Test
    void aDamagedAttributeCountsAsAbsent() {
        var attributes = PageSessions.attributes(getClass().getClassLoader());
        var stored = (byte[]) attributes.convert(new Login("mitglied1", 1), OBJECT, BYTES);

        assertThat(attributes.convert(Arrays.copyOf(stored, stored.length / 2), BYTES, OBJECT))
                .isNull();
    }
}
