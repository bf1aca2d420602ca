package io.cordon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for the register's REST API, as a client would send them. */
public final class Fixtures {

  private Fixtures() {
  }

  public static Map<String, Object> secret(String title, String classification, String owner) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("summary", "Non-revealing description of " + title);
    body.put("category", "TECHNICAL");
    body.put("classification", classification);
    body.put("ownerId", owner);
    body.put("systems", List.of("PLM vault"));
    body.put("sites", List.of("Munich R&D"));
    body.put("countries", List.of("DE"));
    body.put("measures", List.of("ACCESS_CONTROL", "MARKING"));
    return body;
  }

  public static Map<String, Object> partner(String name, String country, String parentCode) {
    Map<String, Object> body = new HashMap<>();
    body.put("legalName", name);
    body.put("nativeName", "CN".equals(country) ? "深圳精密制造有限公司" : null);
    body.put("country", country);
    body.put("registrationId", "HRB 12345");
    body.put("address", "Industriestrasse 1, 80333 Munich");
    body.put("type", "CONTRACT_MANUFACTURER");
    body.put("parentCode", parentCode);
    body.put("contacts", List.of(Map.of("name", "Li Wei", "email", "li.wei@partner.example", "role", "Quality")));
    return body;
  }
}
