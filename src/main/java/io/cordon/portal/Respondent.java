package io.cordon.portal;

/** Who answered a request through a link: the contact's own name and role as confirmed, and the link's address. */
public record Respondent(String name, String role, String email, long linkId) {
}
