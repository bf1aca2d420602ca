package io.cordon.console;

import io.cordon.identity.Roles;
import io.cordon.portal.NewPartnerLinks;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * "Send the partner a new link" from Tasklist: the task forms of partner requests link here (a link, not a form field:
 * nothing a gate reads). The page shows the request's links and their state and sends new ones; the old stop working.
 */
@Controller
@RequestMapping("/console/partner-requests")
@PreAuthorize(Roles.PARTNER_EDITORS)
class PartnerRequestPages {

  private final NewPartnerLinks links;

  PartnerRequestPages(NewPartnerLinks links) {
    this.links = links;
  }

  @GetMapping("/{taskId}")
  String show(@PathVariable String taskId, Model model) {
    model.addAttribute("request", links.of(taskId));
    model.addAttribute("now", Instant.now());
    return "partner-requests/task";
  }

  @PostMapping("/{taskId}/links")
  String send(@PathVariable String taskId, Model model) {
    model.addAttribute("sent", links.send(taskId));
    return show(taskId, model);
  }
}
