package io.cordon.notification;

import io.cordon.partner.PartnerService;
import io.cordon.platform.NotFoundException;
import io.cordon.secret.SecretService;
import io.cordon.secret.SecretView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The partner and the secrets a task's mail names, read from the process variables {@code partnerCode} and
 * {@code secretCodes}. A crown jewel's title is dropped by {@link SecretLine}; a code that no longer resolves is left
 * out (logged), never a reason for the mail to fail.
 */
@Component
class MailLines {

  private static final Logger log = LoggerFactory.getLogger(MailLines.class);

  private final PartnerService partners;
  private final SecretService secrets;

  MailLines(PartnerService partners, SecretService secrets) {
    this.partners = partners;
    this.secrets = secrets;
  }

  /** The partner's legal name, or {@code null} (the mail shows the code only). */
  String partnerName(String code) {
    if (code == null) {
      return null;
    }
    try {
      return partners.resolve(code).legalName();
    } catch (NotFoundException e) {
      log.warn("Partner {} named in a reminder does not exist; the mail shows the code only", code);
      return null;
    }
  }

  /** The secrets of a comma-separated string or a collection of codes. */
  List<SecretLine> secretLines(Object variable) {
    Collection<?> codes = variable instanceof Collection<?> c ? c
        : variable instanceof String s && !s.isBlank() ? Arrays.asList(s.split("\\s*,\\s*")) : List.of();
    List<SecretLine> lines = new ArrayList<>();
    for (Object code : codes) {
      try {
        SecretView secret = secrets.get(String.valueOf(code).strip());
        lines.add(new SecretLine(secret.code(), secret.classification(), secret.title()));
      } catch (NotFoundException e) {
        log.warn("Secret {} named in a reminder does not exist; left out of the mail", code);
      }
    }
    return lines;
  }
}
