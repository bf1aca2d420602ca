package io.cordon.identity;

/** {@code @PreAuthorize} expressions over Cordon's groups (a group id is a Spring role). */
public final class Roles {

  public static final String ANY_MEMBER = "hasAnyRole('procurement','legal','secret-owners','security','admins')";
  public static final String SECRET_EDITORS = "hasAnyRole('secret-owners','security','admins')";
  public static final String PARTNER_EDITORS = "hasAnyRole('procurement','security','admins')";
  public static final String SECURITY_OR_ADMINS = "hasAnyRole('security','admins')";
  public static final String ADMINS = "hasRole('admins')";

  private Roles() {
  }
}
