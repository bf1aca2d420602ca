package io.cordon.secret;

/** Optional filters for listing secrets; {@code q} matches the code or (where the caller may see it) the title. */
public record SecretFilter(SecretStatus status, Classification classification, SecretCategory category, String ownerId, String q) {
}
