package org.allmende.membership.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import org.allmende.membership.catalog.Catalog;
import org.allmende.membership.catalog.MemberSubscriptionsView;
import org.allmende.membership.member.CancelSubscription;
import org.allmende.membership.member.ChangeSubscriptionQuantity;
import org.allmende.membership.member.SubscribeToService;
import org.allmende.membership.register.MemberRegisterEntry;
import org.allmende.membership.register.Register;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.NotFound;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Members' subscriptions: the board (and admins) subscribe, change and cancel; a member reads its own. Each answer
 * carries the member's version; sent back as {@code expectedVersion}, a change made by somebody else in between
 * is refused with 409 {@code concurrent-change} instead of being overwritten.
 */
@RestController
class SubscriptionController {

    private final CommandGateway commands;
    private final Register register;
    private final Catalog catalog;

    SubscriptionController(CommandGateway commands, Register register, Catalog catalog) {
        this.commands = commands;
        this.register = register;
        this.catalog = catalog;
    }

    /** All subscription periods; with {@code on}, those in effect on that day. */
    @GetMapping("/api/members/{memberNumber}/subscriptions")
    MemberSubscriptionsView of(
            @PathVariable long memberNumber,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> on) {
        return catalog.subscriptions(member(memberNumber).memberId(), memberNumber, on);
    }

    /** The login's own subscriptions; the member number comes from the login. */
    @GetMapping("/api/me/subscriptions")
    MemberSubscriptionsView mine(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> on) {
        var memberNumber = CurrentUser.memberNumber().orElseThrow(() -> new NotFound("This login is no member."));
        return of(memberNumber, on);
    }

    @PostMapping("/api/members/{memberNumber}/subscriptions")
    ResponseEntity<SubscriptionChanged> subscribe(
            @PathVariable long memberNumber, @Valid @RequestBody SubscriptionForm form) {
        var memberId = member(memberNumber).memberId();
        var version = send(
                memberNumber,
                new SubscribeToService(
                        memberId, form.serviceCode(), form.quantity(), form.effectiveFrom(), form.expectedVersion()));
        return ResponseEntity.created(URI.create("/api/members/" + memberNumber + "/subscriptions"))
                .body(new SubscriptionChanged(memberNumber, form.serviceCode(), version));
    }

    @PostMapping("/api/members/{memberNumber}/subscriptions/{code}/quantity")
    SubscriptionChanged changeQuantity(
            @PathVariable long memberNumber, @PathVariable String code, @Valid @RequestBody QuantityChangeForm form) {
        var memberId = member(memberNumber).memberId();
        var version = send(
                memberNumber,
                new ChangeSubscriptionQuantity(
                        memberId, code, form.quantity(), form.effectiveFrom(), form.expectedVersion()));
        return new SubscriptionChanged(memberNumber, code, version);
    }

    @PostMapping("/api/members/{memberNumber}/subscriptions/{code}/cancellation")
    SubscriptionChanged cancel(
            @PathVariable long memberNumber, @PathVariable String code, @Valid @RequestBody CancellationForm form) {
        var memberId = member(memberNumber).memberId();
        var version =
                send(memberNumber, new CancelSubscription(memberId, code, form.effectiveTo(), form.expectedVersion()));
        return new SubscriptionChanged(memberNumber, code, version);
    }

    private long send(long memberNumber, Object command) {
        try {
            Long version = commands.sendAndWait(command);
            return version;
        } catch (AggregateNotFoundException e) {
            throw noMember(memberNumber);
        }
    }

    private MemberRegisterEntry member(long memberNumber) {
        return register.member(memberNumber).orElseThrow(() -> noMember(memberNumber));
    }

    private static NotFound noMember(long memberNumber) {
        return new NotFound("There is no member number " + memberNumber + ".");
    }
}
