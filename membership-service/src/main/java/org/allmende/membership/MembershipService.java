package org.allmende.membership;

import org.allmende.support.ServiceSupport;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/** The membership service: admission, member register, shares — event-sourced with Axon. */
@SpringBootApplication(excludeName = "org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration")
@Import(ServiceSupport.class)
public class MembershipService {

    /** Its own configuration file name, so both services can share one classpath in the local run. */
    public static final String CONFIG_NAME = "membership-service";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(MembershipService.class).properties("spring.config.name=" + CONFIG_NAME);
    }
}
