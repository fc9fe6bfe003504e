package org.allmende.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Billing's Kafka intake settings ({@code allmende.intake.*} in {@code billing-service.yml}), read from the very jar
 * the benchmark starts, so that the baseline consumer polls exactly as billing does.
 */
record BillingIntakeSettings(String groupId, String usageTopic, int maxPollRecords) {

    private static final String CONFIG = "BOOT-INF/classes/billing-service.yml";

    static BillingIntakeSettings of(Path billingJar) {
        try (var jar = new ZipFile(billingJar.toFile())) {
            var entry = jar.getEntry(CONFIG);
            if (entry == null) {
                throw new IllegalStateException(billingJar + " has no " + CONFIG);
            }
            String yaml;
            try (var in = jar.getInputStream(entry)) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            var intake = yaml.substring(yaml.indexOf("\n  intake:"));
            return new BillingIntakeSettings(
                    value(intake, "group-id"),
                    value(intake, "usage-topic"),
                    Integer.parseInt(value(intake, "max-poll-records")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read billing's settings from " + billingJar, e);
        }
    }

    private static String value(String yaml, String key) {
        var matcher = Pattern.compile("\\n\\s+" + key + ":\\s*(\\S+)").matcher(yaml);
        if (!matcher.find()) {
            throw new IllegalStateException("billing-service.yml has no allmende.intake." + key);
        }
        return matcher.group(1);
    }
}
