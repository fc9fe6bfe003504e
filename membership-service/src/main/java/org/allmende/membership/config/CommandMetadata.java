package org.allmende.membership.config;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.CorrelationId;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stamps every command sent from a request with the login, its roles and the request's correlation id. */
@Configuration(proxyBeanMethods = false)
public class CommandMetadata {

    static final class Stamp implements MessageDispatchInterceptor<CommandMessage<?>> {
        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                if (command.getMetaData().containsKey("correlationId")) {
                    return command;
                }
                var correlationId = CorrelationId.current();
                return command.andMetaData(Map.of(
                        "correlationId",
                        correlationId != null
                                ? correlationId
                                : UUID.randomUUID().toString(),
                        "user",
                        CurrentUser.name(),
                        "role",
                        CurrentUser.roles()));
            };
        }
    }

    @Bean
    SmartInitializingSingleton stampCommands(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(new Stamp());
    }
}
