package org.allmende.billing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;

/** The seller as {@code billing-service.yml} configures it, bound as the service binds it. */
class SellerPropertiesTest {

    @org.junit.jupiter.api.Test
    void theDemoCooperativeIsAValidSeller() throws IOException {
        var seller = bind(Map.of());

        assertThat(seller.seller()).isEqualTo(EInvoiceSamples.SELLER);
        assertThat(seller.creditTransfer()).isEqualTo(EInvoiceSamples.TO_THE_COOPERATIVE);
        assertThat(seller.directDebit(EInvoiceSamples.MANDATE, EInvoiceSamples.MEMBER_IBAN))
                .isEqualTo(EInvoiceSamples.FROM_THE_MEMBER);
    }

    @org.junit.jupiter.api.Test
    void aDeploymentOverridesAValueAndAWrongOneStopsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("allmende.seller.bank.iban", "DE00123")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("not a valid IBAN");
        assertThatThrownBy(() -> bind(Map.of("allmende.seller.vat-id", "", "allmende.seller.tax-number", "")))
                .rootCause()
                .hasMessageContaining("BR-DE-16");
    }

    private static SellerProperties bind(Map<String, Object> overrides) throws IOException {
        var sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource("overrides", overrides));
        new YamlPropertySourceLoader()
                .load("billing-service.yml", new ClassPathResource("billing-service.yml"))
                .forEach(sources::addLast);
        return new Binder(ConfigurationPropertySources.from(sources))
                .bind("allmende.seller", SellerProperties.class)
                .get();
    }
}
