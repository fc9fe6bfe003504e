package org.allmende.billing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.allmende.billing.intake.ConsumerOffsets;
import org.allmende.billing.intake.IntakeProperties;
import org.allmende.billing.intake.MembershipIntake;
import org.allmende.billing.intake.ParkingLot;
import org.allmende.billing.intake.RecordIntake;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.NotFound;
import org.allmende.support.web.RuleViolation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The state of the intake: stored offsets, and the parked records that wait for a fix. */
@RestController
class IntakeController {

    private final ParkingLot parking;
    private final RecordIntake intake;
    private final ConsumerOffsets offsets;
    private final IntakeProperties properties;
    private final MembershipIntake consumer;

    IntakeController(
            ParkingLot parking,
            RecordIntake intake,
            ConsumerOffsets offsets,
            IntakeProperties properties,
            MembershipIntake consumer) {
        this.consumer = consumer;
        this.parking = parking;
        this.intake = intake;
        this.offsets = offsets;
        this.properties = properties;
    }

    @GetMapping("/api/intake")
    Map<String, Object> status() {
        return Map.of(
                "group",
                properties.groupId(),
                "positions",
                offsets.all(properties.groupId()),
                "assignedPartitions",
                consumer.assignedPartitions(),
                "openParkedRecords",
                parking.openCount());
    }

    /**
     * Rebuilds billing's usage projections from offset 0 of the usage topic (after a fix in the rules, or to check
     * that a replay ends where the live intake stands). Answers once the projections are forgotten; the replay
     * runs on, visible in {@code /api/intake}.
     */
    @PostMapping("/api/admin/usage/rebuild")
    ResponseEntity<Map<String, Object>> rebuildUsage() {
        int partitions;
        try {
            partitions = consumer.rebuildUsage().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new RuleViolation("intake-busy", "The intake did not take the rebuild within 30 s; try again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return ResponseEntity.accepted()
                .body(Map.of(
                        "topic", properties.usageTopic(), "partitions", partitions, "status", "REPLAYING_FROM_ZERO"));
    }

    @GetMapping("/api/parked-records")
    List<ParkingLot.ParkedRecord> list(@RequestParam Optional<ParkedStatus> status) {
        return parking.list(status.map(Enum::name));
    }

    @GetMapping("/api/parked-records/{id}")
    ParkingLot.ParkedRecord one(@PathVariable long id) {
        return parking.byId(id).orElseThrow(() -> new NotFound("There is no parked record #" + id + "."));
    }

    /** Once the cause is fixed (e.g. a billing-service that knows the new event type is deployed). */
    @PostMapping("/api/parked-records/{id}/retry")
    List<ParkingLot.ParkedRecord> retry(@PathVariable long id) {
        return intake.retry(id, CurrentUser.name());
    }

    @PostMapping("/api/parked-records/{id}/discard")
    List<ParkingLot.ParkedRecord> discard(@PathVariable long id, @Valid @RequestBody Discard discard) {
        return intake.discard(id, discard.reason(), CurrentUser.name());
    }

    record Discard(@NotBlank @Size(max = 1000) String reason) {}

    enum ParkedStatus {
        PARKED,
        APPLIED,
        DISCARDED
    }
}
