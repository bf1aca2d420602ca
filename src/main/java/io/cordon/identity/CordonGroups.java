package io.cordon.identity;

import java.util.List;

/** Cordon's groups, as Camunda group ids. Candidate groups in the models and role checks in the REST API use these. */
public final class CordonGroups {

  public static final String PROCUREMENT = "procurement";
  public static final String LEGAL = "legal";
  public static final String SECRET_OWNERS = "secret-owners";
  public static final String SECURITY = "security";
  public static final String ADMINS = "admins";

  /** Groups that work in Tasklist (everyone but admins, who are engine administrators). */
  static final List<String> BUSINESS = List.of(PROCUREMENT, LEGAL, SECRET_OWNERS, SECURITY);
  static final List<String> ALL = List.of(PROCUREMENT, LEGAL, SECRET_OWNERS, SECURITY, ADMINS);

  private CordonGroups() {
  }

  /** The Spring Security role for a group: group {@code legal} is role {@code legal} (authority {@code ROLE_legal}). */
  static String authority(String groupId) {
    return "ROLE_" + groupId;
  }

  static String label(String groupId) {
    return switch (groupId) {
      case PROCUREMENT -> "Procurement";
      case LEGAL -> "Legal";
      case SECRET_OWNERS -> "Secret owners";
      case SECURITY -> "Security";
      case ADMINS -> "Administrators";
      default -> groupId;
    };
  }
}
