package org.allmende.billing;

import org.allmende.support.ServiceSupport;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The billing service: projections of the membership contract, usage, the documents it issues (its own event
 * store), and later tariffs and payments.
 */
@SpringBootApplication(excludeName = "org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration")
@Import(ServiceSupport.class)
public class BillingService {

    /** Its own configuration file name, so both services can share one classpath in the local run. */
    public static final String CONFIG_NAME = "billing-service";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(BillingService.class).properties("spring.config.name=" + CONFIG_NAME);
    }
}
