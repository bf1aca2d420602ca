package io.cordon.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.CordonIntegrationTest;
import io.cordon.notification.OutboxSender;
import io.cordon.portal.PortalDueDiligenceIT;
import io.cordon.secret.Classification;
import io.cordon.secret.SecretService;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Send the partner new links" from Tasklist: the task form links to this console page, which shows the request's
 * links and sends new ones (procurement, security, admins; a form with the console's CSRF token).
 */
@CordonIntegrationTest
class PartnerRequestPagesIT {

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identity;
  @Autowired
  SecretService secrets;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  OutboxSender sender;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void procurementSeesTheLinksOfATaskAndSendsNewOnes() throws Exception {
    var o = PortalDueDiligenceIT.start(identity, secrets, runtime, Classification.CONFIDENTIAL);
    sender.sweep();
    String taskId = tasks.createTaskQuery().processInstanceId(o.process().getId())
        .taskDefinitionKey("Task_ReviewDueDiligence").singleResult().getId();
    String page = "/console/partner-requests/" + taskId;

    ConsoleSession paula = ConsoleSession.signIn(port, "paula");
    HttpResponse<String> shown = paula.get(page);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body()).contains("Review due diligence", o.email(), "OPEN", "Send new links");
    HttpResponse<String> sent = paula.post(page, page + "/links");
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(sent.body()).contains("Sent 1 new link(s)", "REVOKED", "PENDING");
    assertThat(jdbc.queryForObject("select count(*) from partner_link where partner_code = ? and revoked_reason = "
        + "'a new link was sent'", Integer.class, o.partnerCode())).isEqualTo(1);

    assertThat(ConsoleSession.signIn(port, "lena").get(page).statusCode()).as("legal may not").isEqualTo(403);
    assertThat(paula.get("/console/partner-requests/no-such-task").statusCode()).isEqualTo(404);
  }
}
