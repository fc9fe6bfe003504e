package org.allmende.membership.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RejectionForm(@NotBlank @Size(max = 1000) String reason) {}
