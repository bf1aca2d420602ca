package io.cordon.leak;

import io.cordon.nda.LetterService;
import io.cordon.platform.InvalidInputException;
import io.cordon.platform.UnprocessableContentException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The cease-and-desist letter to one suspected partner, from the snapshot: the secrets it held when the leak was
 * reported (by code) and the NDA versions that bound it then. Dates are calendar days in UTC, as evidence times are.
 */
@Component
class LeakLetters {

  private final LetterService letters;

  LeakLetters(LetterService letters) {
    this.letters = letters;
  }

  LetterService.Letter ceaseAndDesist(LeakStore.Row incident, String partnerCode, List<LeakSnapshot.Holder> snapshot,
      Instant decidedAt) {
    List<LeakSnapshot.Holder> held = snapshot.stream().filter(h -> h.partnerCode().equals(partnerCode)).toList();
    List<String> secretCodes = held.stream().map(LeakSnapshot.Holder::secretCode).distinct().sorted().toList();
    List<LetterService.Agreement> agreements = held.stream().filter(h -> h.ndaReference() != null && h.ndaVersion() != null)
        .map(h -> new LetterService.Agreement(h.ndaReference(), h.ndaVersion())).distinct().toList();
    try {
      return letters.ceaseAndDesist(new LetterService.LetterRequest(incident.code(), day(incident.reportedAt()),
          day(decidedAt), partnerCode, secretCodes, agreements));
    } catch (UnprocessableContentException e) {
      // Data legal can have fixed (say, the partner's address): the task stays open with the reason.
      throw new InvalidInputException("The cease-and-desist letter to " + partnerCode + " cannot be generated. "
          + e.getMessage());
    }
  }

  private static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
