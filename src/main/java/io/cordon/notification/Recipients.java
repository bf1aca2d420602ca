package io.cordon.notification;

import io.cordon.identity.Directory;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns users and groups into mail recipients: address from the directory, display name, and zone (Camunda user info
 * {@value #ZONE_INFO}, e.g. {@code Asia/Shanghai}; else {@code cordon.mail.zone}). Users without an address are
 * skipped with a log line; a person reached twice (assignee and group member) appears once.
 */
@Component
public class Recipients {

  /** Camunda user-info key holding a user's time zone. */
  public static final String ZONE_INFO = "timezone";
  private static final Logger log = LoggerFactory.getLogger(Recipients.class);

  private final Directory directory;
  private final IdentityService identityService;
  private final CommandExecutor commands;
  private final String escalationGroup;

  Recipients(Directory directory, ProcessEngine engine, NotificationProperties properties) {
    this.directory = directory;
    this.identityService = engine.getIdentityService();
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    this.escalationGroup = properties.escalationGroup();
  }

  public Optional<Recipient> user(String userId) {
    if (userId == null || userId.isBlank()) {
      return Optional.empty();
    }
    Optional<String> email = directory.email(userId);
    if (email.isEmpty()) {
      log.warn("No e-mail address for user '{}': no mail sent to this user. Add one in Camunda Admin.", userId);
      return Optional.empty();
    }
    return Optional.of(new Recipient(userId, displayName(userId), email.get(), zone(userId)));
  }

  /** Every member of the group with an address; an empty group is logged, since nobody will hear of the task. */
  public List<Recipient> group(String groupId) {
    List<String> members = directory.members(groupId);
    if (members.isEmpty()) {
      log.warn("Group '{}' has no members: nobody receives its mail.", groupId);
    }
    return users(members);
  }

  /** Members of {@code cordon.mail.escalation-group} (default {@code admins}). */
  public List<Recipient> escalation() {
    return group(escalationGroup);
  }

  public String escalationGroup() {
    return escalationGroup;
  }

  public List<Recipient> users(Collection<String> userIds) {
    return userIds.stream().map(this::user).flatMap(Optional::stream).toList();
  }

  /** Several lists as one, without a second mail to the same address. */
  public static List<Recipient> distinct(Collection<Recipient> recipients) {
    Map<String, Recipient> byAddress = new LinkedHashMap<>();
    recipients.forEach(r -> byAddress.putIfAbsent(r.address(), r));
    return new ArrayList<>(byAddress.values());
  }

  private String displayName(String userId) {
    User user = unchecked(() -> identityService.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }

  private ZoneId zone(String userId) {
    String zone = unchecked(() -> identityService.getUserInfo(userId, ZONE_INFO));
    if (zone == null || zone.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      log.warn("User '{}' has an unknown time zone '{}' in user info '{}': using the default.", userId, zone, ZONE_INFO);
      return null;
    }
  }

  private <T> T unchecked(java.util.concurrent.Callable<T> query) {
    return commands.execute(context -> context.runWithoutAuthorization(query));
  }
}
