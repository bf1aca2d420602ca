package io.cordon.identity;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users, one or two per group, password = user name. Only with the {@code demo} profile, which
 * {@code ./mvnw spring-boot:run} switches on; never in production.
 */
@Component
@Profile("demo")
@Order(1)
class DemoUsers implements ApplicationRunner {

  record DemoUser(String id, String firstName, String lastName, String group) {
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("paula", "Paula", "Procurement", CordonGroups.PROCUREMENT),
      new DemoUser("lena", "Lena", "Legal", CordonGroups.LEGAL),
      new DemoUser("oscar", "Oscar", "Owner", CordonGroups.SECRET_OWNERS),
      new DemoUser("olivia", "Olivia", "Owner", CordonGroups.SECRET_OWNERS),
      new DemoUser("sam", "Sam", "Security", CordonGroups.SECURITY),
      new DemoUser("ada", "Ada", "Admin", CordonGroups.ADMINS));

  private final IdentityBootstrap bootstrap;

  DemoUsers(IdentityBootstrap bootstrap) {
    this.bootstrap = bootstrap;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (DemoUser u : USERS) {
      bootstrap.ensureUser(u.id(), u.firstName(), u.lastName(), u.id() + "@cordon.example", u.id(), List.of(u.group()));
    }
  }
}
