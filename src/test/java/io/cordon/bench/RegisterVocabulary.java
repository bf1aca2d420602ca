package io.cordon.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.partner.Contact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Plausible values for the generated register, and each disclosure's history (status and its dates). */
final class RegisterVocabulary {

  static final List<String> CATEGORIES = List.of("TECHNICAL", "PROCESS", "BUSINESS", "DATA", "SOFTWARE");
  static final Map<String, List<String>> TITLES = Map.of(
      "TECHNICAL", List.of("Alloy composition", "Seal geometry", "Sensor calibration curve", "Gear tooth profile"),
      "PROCESS", List.of("Curing process window", "Coating recipe", "Weld parameter set", "Injection moulding profile"),
      "BUSINESS", List.of("Supplier price model", "Customer margin table", "Sourcing strategy", "Market entry plan"),
      "DATA", List.of("Field failure data set", "Yield statistics", "Test bench measurements", "Warranty claims set"),
      "SOFTWARE", List.of("Motor control firmware", "Test rig software", "Optimisation algorithm", "Vision inspection model"));
  static final List<String> SYSTEMS = List.of("PLM", "SAP ERP", "SharePoint", "Git", "MES", "Lab data store", "CAD vault");
  static final List<String> SITES = List.of("Stuttgart plant", "Linz R&D centre", "Suzhou plant", "Pune design office",
      "Querétaro plant", "Brno test centre");
  static final List<String> COUNTRIES = List.of("DE", "DE", "DE", "AT", "CH", "FR", "IT", "PL", "CZ", "HU", "ES", "NL",
      "SE", "CN", "CN", "JP", "KR", "TW", "IN", "US", "MX", "TR", "VN");
  static final Map<String, String> LEGAL_FORMS = Map.ofEntries(Map.entry("DE", "GmbH"), Map.entry("AT", "GmbH"),
      Map.entry("CH", "AG"), Map.entry("FR", "SAS"), Map.entry("IT", "S.r.l."), Map.entry("PL", "Sp. z o.o."),
      Map.entry("CZ", "s.r.o."), Map.entry("ES", "S.L."), Map.entry("NL", "B.V."), Map.entry("SE", "AB"),
      Map.entry("US", "Inc."), Map.entry("MX", "S.A. de C.V."), Map.entry("CN", "Co., Ltd."), Map.entry("JP", "K.K."));
  static final List<String> NAME_STEMS = List.of("Precision", "Alpine", "Nordic", "Pacific", "Delta", "Orion", "Vertex",
      "Summit", "Meridian", "Harbor", "Keystone", "Atlas");
  static final List<String> NAME_WORDS = List.of("Castings", "Tooling", "Electronics", "Plastics", "Machining",
      "Logistics", "Coatings", "Engineering", "Components", "Systems");
  static final List<String> PURPOSES = List.of("Tooling design for the next model year", "Quotation for series supply",
      "Joint development of a component", "Second-source qualification", "Contract manufacturing of assemblies",
      "Failure analysis of field returns", "Distribution and after-sales service", "Process audit and improvement");
  static final List<String> CHANNELS = List.of("secure data room", "encrypted e-mail", "on-site review", "SFTP", "PLM partner portal");
  private static final List<String> RECIPIENTS = List.of("Engineering team", "Quality manager", "Plant manager",
      "Purchasing lead", "R&D project team", "Tooling shop", "Test laboratory");
  private static final ObjectMapper JSON = new ObjectMapper();

  private RegisterVocabulary() {
  }

  /** A disclosure's status and dates; {@code decision} is the owner's approval, if any. */
  record Timeline(String status, Instant approved, Instant disclosed, Instant closed, String decision, Instant decided,
      String approver) {
  }

  /** Older disclosures are more often closed (returned, destroyed); recent ones are mostly still disclosed. */
  static Timeline timeline(SplittableRandom r, double age, Instant requested, String owner) {
    Instant approved = requested.plusSeconds(days(r, 1, 10));
    Instant disclosed = approved.plusSeconds(days(r, 1, 20));
    if (r.nextDouble() < 0.75 - 0.6 * age) {
      int kind = r.nextInt(100);
      if (kind < 70) {
        return new Timeline("RETURNED", approved, disclosed, disclosed.plusSeconds(days(r, 30, 900)), "APPROVED", approved, owner);
      }
      if (kind < 90) {
        return new Timeline("DESTROYED", approved, disclosed, disclosed.plusSeconds(days(r, 30, 900)), "APPROVED", approved, owner);
      }
      if (kind < 95) {
        return new Timeline("REVOKED", null, null, approved, "DECLINED", approved, owner);
      }
      return new Timeline("REVOKED", approved, disclosed, disclosed.plusSeconds(days(r, 10, 300)), "APPROVED", approved, owner);
    }
    int kind = r.nextInt(100);
    if (kind < 85) {
      return new Timeline("DISCLOSED", approved, disclosed, null, "APPROVED", approved, owner);
    }
    if (kind < 91) {
      return new Timeline("SUSPENDED", approved, disclosed, null, "APPROVED", approved, owner);
    }
    if (kind < 95) {
      return new Timeline("APPROVED", approved, null, null, "APPROVED", approved, owner);
    }
    return new Timeline("REQUESTED", null, null, null, null, null, null);
  }

  static List<String> recipients(SplittableRandom r) {
    List<String> names = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      String name = RECIPIENTS.get(r.nextInt(RECIPIENTS.size()));
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /** A sorted subset of the protection measures, as MeasuresConverter stores them. */
  static String measures(SplittableRandom r) {
    List<String> chosen = new ArrayList<>(List.of("ACCESS_CONTROL"));
    for (String m : List.of("MARKING", "ENCRYPTION", "TRAINING", "NDA_COVERAGE")) {
      if (r.nextBoolean()) {
        chosen.add(m);
      }
    }
    return String.join(",", chosen);
  }

  static String nativeName(String country, int n) {
    return switch (country) {
      case "CN" -> "精密制造有限公司 " + n;
      case "JP" -> "精密工業株式会社 " + n;
      case "KR" -> "정밀산업 주식회사 " + n;
      case "TW" -> "精密工業股份有限公司 " + n;
      default -> null;
    };
  }

  static String contacts(List<Contact> contacts) {
    try {
      return JSON.writeValueAsString(contacts);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static long days(SplittableRandom r, int min, int max) {
    return (min + r.nextInt(max - min + 1)) * 86_400L + r.nextInt(86_400);
  }
}
