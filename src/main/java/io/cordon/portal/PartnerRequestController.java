package io.cordon.portal;

import io.cordon.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** "Send a new link" for every partner request, by the task that waits for it (what Tasklist shows). */
@RestController
@Tag(name = "Partner requests", description = "Requests partners answer through links: new links for a waiting task.")
class PartnerRequestController {

  record LinksSent(int links) {
  }

  private final NewPartnerLinks links;

  PartnerRequestController(NewPartnerLinks links) {
    this.links = links;
  }

  @PostMapping("/api/tasks/{taskId}/partner-links")
  @PreAuthorize(Roles.PARTNER_EDITORS)
  @Operation(summary = "Send the partner's contacts new links for the request waiting at this task (due diligence, "
      + "signed NDA, signed certificate, re-certification attestation); the old links stop working")
  LinksSent send(@PathVariable String taskId) {
    return new LinksSent(links.send(taskId));
  }
}
