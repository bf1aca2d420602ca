package io.cordon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Production shape: no demo profile, the first administrator comes from the environment. Always on its own H2
 * database, also in the MariaDB suite, where the shared test database holds the demo users of the other tests.
 */
@SpringBootTest(properties = {
    "cordon.admin.user=firstadmin",
    "cordon.admin.password=correct-horse-battery",
    // The company NDAs name: required at start-up, from the environment in production.
    "cordon.nda.company.legal-name=First Admin Ltd", "cordon.nda.company.registration-id=GB 00000001",
    "cordon.nda.company.address=1 Main Street, London", "cordon.nda.company.country=GB",
    // Own H2 database: the demo users of the shared test context must not be seen here.
    "spring.datasource.url=jdbc:h2:mem:cordon-nodemo;DB_CLOSE_DELAY=-1",
    // Camunda's webapps find engines by name in a JVM-wide registry: leave "default" to the shared test application.
    "camunda.bpm.generate-unique-process-engine-name=true"})
@ActiveProfiles("test")
class WithoutDemoProfileIT {

  @Autowired
  IdentityService identityService;

  @Test
  void createsNoDemoUsersButTheFirstAdministratorFromTheEnvironment() {
    assertThat(identityService.createUserQuery().userId("paula").count()).as("no demo users without the demo profile").isZero();
    assertThat(identityService.createUserQuery().userId("firstadmin").memberOfGroup(CordonGroups.ADMINS).count()).isEqualTo(1);
    assertThat(identityService.checkPassword("firstadmin", "correct-horse-battery")).isTrue();
    assertThat(identityService.createGroupQuery().groupIdIn(CordonGroups.ALL.toArray(String[]::new)).count())
        .isEqualTo(CordonGroups.ALL.size());
  }
}
