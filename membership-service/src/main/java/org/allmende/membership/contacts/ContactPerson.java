package org.allmende.membership.contacts;

/** Someone the cooperative can reach at an applicant or member: personal data, erasable (ADR 0012). */
public record ContactPerson(String name, String role, String email, String phone) {}
