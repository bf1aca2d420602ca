package io.cordon.identity;

import java.security.Principal;
import java.util.List;

/** The authenticated caller: a Camunda user with its groups and tenants, as checked once per request. */
public record CordonUser(String id, List<String> groupIds, List<String> tenantIds) implements Principal {

  public CordonUser {
    groupIds = List.copyOf(groupIds);
    tenantIds = List.copyOf(tenantIds);
  }

  @Override
  public String getName() {
    return id;
  }

  public boolean isMemberOf(String groupId) {
    return groupIds.contains(groupId);
  }
}
