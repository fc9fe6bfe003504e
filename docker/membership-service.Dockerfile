# Image of membership-service. Build context: the repository root (compose.yaml sets it), after
# `mvn -DskipTests package` has built the executable jar.
FROM eclipse-temurin:17-jre

RUN groupadd --system allmende \
    && useradd --system --gid allmende --no-create-home --shell /usr/sbin/nologin allmende

WORKDIR /app
# Owned by root and read-only for the service's user: the process cannot replace its own code.
COPY membership-service/target/membership-service-0.1.0-SNAPSHOT-exec.jar /app/membership-service.jar

USER allmende
EXPOSE 8081
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseZGC", "-jar", "/app/membership-service.jar"]
