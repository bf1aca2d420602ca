package io.cordon.console;

import io.cordon.evidence.ChainVerifier;
import io.cordon.identity.Roles;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The register at a glance; the evidence chain's state for security and admins (as the verify API). */
@Controller
class DashboardPage {

  private final Dashboard dashboard;
  private final ChainVerifier verifier;

  DashboardPage(Dashboard dashboard, ChainVerifier verifier) {
    this.dashboard = dashboard;
    this.verifier = verifier;
  }

  @GetMapping({"/console", "/console/"})
  @PreAuthorize(Roles.ANY_MEMBER)
  String show(Model model, Locale locale, org.springframework.security.core.Authentication user) {
    model.addAttribute("charts", dashboard.charts(locale));
    boolean chainVisible = user.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals("ROLE_security") || a.getAuthority().equals("ROLE_admins"));
    model.addAttribute("chainVisible", chainVisible);
    model.addAttribute("chain", chainVisible ? verifier.lastResult() : null);
    return "dashboard";
  }

  @PostMapping("/console/chain/verify")
  @PreAuthorize(Roles.SECURITY_OR_ADMINS)
  String verify(RedirectAttributes redirect) {
    verifier.verify();
    redirect.addFlashAttribute("notice", "dashboard.chainVerified");
    return "redirect:/console";
  }
}
