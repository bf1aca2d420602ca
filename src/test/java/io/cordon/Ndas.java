package io.cordon;

import io.cordon.nda.NdaKind;
import io.cordon.nda.NdaLifecycle;
import io.cordon.nda.NdaRecords;
import io.cordon.nda.NdaService;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Real NDAs for tests: generated, approved and executed through the NDA services, as the onboarding does. */
public final class Ndas {

  private Ndas() {
  }

  /** An NDA with the partner covering the secrets, in force from today. Returns its reference. */
  public static String inForce(NdaService ndas, NdaLifecycle lifecycle, String partnerCode, List<String> secretCodes) {
    NdaRecords.NdaVersionView v = ndas.generate(new NdaRecords.Generate(partnerCode, secretCodes, NdaKind.MUTUAL,
        "Evaluation of tooling designs", false, null, null, null, null, null));
    lifecycle.approve(v.reference(), v.version());
    lifecycle.recordExecuted(v.reference(), "%PDF-1.4 signed copy".getBytes(StandardCharsets.US_ASCII), "signed.pdf",
        LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC), "A. Buyer; B. Seller");
    return v.reference();
  }
}
