package io.cordon.partner;

import io.cordon.platform.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A person at the partner: who receives requests, reminders and certificates. */
public record Contact(
    @NotBlank @Size(max = 100) @PlainText String name,
    @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an e-mail address such as name@example.com") String email,
    @Size(max = 60) @PlainText String role) {
}
