package org.allmende.membership.config;

import java.time.Clock;
import org.allmende.membership.member.DueExits;
import org.allmende.membership.register.Register;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ExitConfig {

    @Bean
    DueExits dueExits(CommandGateway commands, Register register, Clock clock) {
        return new DueExits(commands, register::dueExits, clock);
    }
}
