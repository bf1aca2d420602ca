package io.cordon.recertification;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.cordon.disclosure.DisclosureView;
import io.cordon.platform.InvalidInputException;
import io.cordon.portal.Refusal;
import io.cordon.platform.PlainText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads the attestation form's answers: checks each against its disclosure and flags what legal must see. A holder
 * not among the disclosure's permitted recipients is flagged (names compare ignoring case and spacing); a disclosure
 * that names no permitted recipients is governed by the NDA's clause alone and its holders are not flagged.
 */
@Component
class AttestationReader {

  static final String HOLDER_NOT_PERMITTED = "HOLDER_NOT_PERMITTED";
  static final String ONWARD_DISCLOSURE = "ONWARD_DISCLOSURE";
  static final String INCIDENT = "INCIDENT";

  private static final int MAX_HOLDERS = 50;
  private static final int MAX_NAME = 90;
  static final int MAX_TEXT = 2000;

  private final ObjectReader answersReader;

  AttestationReader(ObjectMapper json) {
    this.answersReader = json.readerForListOf(AttestationAnswer.class)
        .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  AttestationLine line(DisclosureView d, AttestationAnswer a) {
    if (a.stillNeeded() == null) {
      throw new Refusal("portal.recert.needed", "Say whether " + d.secretCode() + " is still needed.", d.secretCode());
    }
    List<String> holders = new ArrayList<>();
    for (String h : a.holders() == null ? List.<String>of() : a.holders()) {
      if (h == null || h.isBlank()) {
        continue;
      }
      String name = h.strip();
      if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl) || name.contains("\n")
          || PlainText.Validator.hasBidiControl(name)) {
        throw new Refusal("portal.recert.holderName", "Holder names of " + d.secretCode() + " must be one line of plain "
            + "text (no control or bidirectional formatting characters) of at most " + MAX_NAME + " characters.",
            d.secretCode(), MAX_NAME);
      }
      holders.add(name);
    }
    if (holders.size() > MAX_HOLDERS) {
      throw new Refusal("portal.recert.tooManyHolders", "At most " + MAX_HOLDERS + " holders per disclosure ("
          + d.secretCode() + ").", d.secretCode(), MAX_HOLDERS);
    }
    if (a.stillNeeded() && holders.isEmpty()) {
      throw new Refusal("portal.recert.holders", "Name who holds " + d.secretCode() + " today, or mark it as no longer "
          + "needed.", d.secretCode());
    }
    String incident = text(a.incident(), "incident", d.secretCode());
    String onward = text(a.onwardDisclosure(), "onward disclosure", d.secretCode());
    List<String> flags = new ArrayList<>();
    Set<String> permitted = d.permittedRecipients().stream().map(AttestationReader::nameKey).collect(Collectors.toSet());
    if (!permitted.isEmpty() && holders.stream().anyMatch(h -> !permitted.contains(nameKey(h)))) {
      flags.add(HOLDER_NOT_PERMITTED);
    }
    if (onward != null) {
      flags.add(ONWARD_DISCLOSURE);
    }
    if (incident != null) {
      flags.add(INCIDENT);
    }
    return new AttestationLine(d.id(), d.secretCode(), holders, a.stillNeeded(), incident, onward, flags);
  }

  private static String text(String value, String what, String secretCode) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > MAX_TEXT) {
      throw new Refusal("portal.recert.tooLong." + what.replace(' ', '-'), "The " + what + " of " + secretCode
          + " is longer than " + MAX_TEXT + " characters.", secretCode, MAX_TEXT);
    }
    if (!PlainText.Validator.isPlain(v, true) || PlainText.Validator.hasBidiControl(v)) {
      throw new Refusal("portal.recert.notPlain." + what.replace(' ', '-'), "The " + what + " of " + secretCode
          + " must be plain text: no control or bidirectional formatting characters.", secretCode);
    }
    return v;
  }

  private static String nameKey(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  List<AttestationAnswer> parse(String json) {
    if (json == null || json.isBlank()) {
      throw new InvalidInputException("The attestation is empty: answer for every disclosure.");
    }
    try {
      List<AttestationAnswer> answers = answersReader.readValue(json);
      return answers == null ? List.of() : answers;
    } catch (IOException e) {
      throw new InvalidInputException("The attestation could not be read: send one answer per disclosure "
          + "(disclosureId, holders, stillNeeded, incident, onwardDisclosure).");
    }
  }

  static String summary(List<AttestationLine> lines) {
    StringBuilder text = new StringBuilder();
    for (AttestationLine l : lines) {
      if (l.flags().isEmpty()) {
        continue;
      }
      text.append(l.secretCode()).append(" (disclosure ").append(l.disclosureId()).append("): ")
          .append(String.join(", ", l.flags())).append(". Holders: ").append(String.join("; ", l.holders()));
      if (l.incident() != null) {
        text.append(". Incident: ").append(l.incident());
      }
      if (l.onwardDisclosure() != null) {
        text.append(". Onward disclosure: ").append(l.onwardDisclosure());
      }
      text.append(".\n");
    }
    return text.toString().strip();
  }
}
