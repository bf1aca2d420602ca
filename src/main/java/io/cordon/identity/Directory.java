package io.cordon.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * Look-ups in Camunda's user directory on Cordon's own behalf (is this user a secret owner? whom to e-mail?).
 * They run without the caller's engine authorizations: a procurement user may not browse the users, but Cordon
 * must still check that the owner it names exists.
 */
@Component
public class Directory {

  /** Rows per query: a query on behalf of a signed-in user must stay below the engine's queryMaxResultsLimit. */
  private static final int PAGE = 500;

  private final IdentityService identityService;
  private final CommandExecutor commands;

  Directory(ProcessEngine engine) {
    this.identityService = engine.getIdentityService();
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
  }

  public boolean isMember(String userId, String groupId) {
    return userId != null && unchecked(() -> identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
  }

  public List<String> members(String groupId) {
    return unchecked(() -> {
      List<String> members = new ArrayList<>();
      List<User> page;
      do {
        page = identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().listPage(members.size(), PAGE);
        page.forEach(user -> members.add(user.getId()));
      } while (page.size() == PAGE);
      return List.copyOf(members);
    });
  }

  public Optional<String> email(String userId) {
    return unchecked(() -> Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult())
        .map(User::getEmail).filter(e -> !e.isBlank()));
  }

  private <T> T unchecked(java.util.concurrent.Callable<T> query) {
    return commands.execute(context -> context.runWithoutAuthorization(query));
  }
}
