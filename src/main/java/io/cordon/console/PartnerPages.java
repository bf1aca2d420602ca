package io.cordon.console;

import io.cordon.identity.Roles;
import io.cordon.offboarding.OffboardingService;
import io.cordon.partner.PartnerFilter;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.partner.PartnerType;
import io.cordon.partner.RiskTier;
import io.cordon.platform.ConflictException;
import io.cordon.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Partners as pages: list and filters, a partner's file, and the starts of its processes. Onboarding and a disclosure
 * request open their start form in Tasklist; offboarding starts here through the same service as the API and lands in
 * Tasklist, where its tasks are.
 */
@Controller
@RequestMapping("/console/partners")
@PreAuthorize(Roles.ANY_MEMBER)
class PartnerPages {

  static final String START_FORM = ConsoleAdvice.TASKLIST + "#/?processStart=";

  private final PartnerService partners;
  private final PartnerFile files;
  private final OffboardingService offboarding;
  private final ServiceMessages serviceMessages;

  PartnerPages(PartnerService partners, PartnerFile files, OffboardingService offboarding, ServiceMessages serviceMessages) {
    this.serviceMessages = serviceMessages;
    this.partners = partners;
    this.files = files;
    this.offboarding = offboarding;
  }

  @ModelAttribute
  void choices(Model model) {
    model.addAttribute("partnerStatuses", PartnerStatus.values());
    model.addAttribute("types", PartnerType.values());
    model.addAttribute("tiers", RiskTier.values());
    model.addAttribute("startOnboarding", START_FORM + "PartnerOnboardingProcess");
    model.addAttribute("startDisclosureRequest", START_FORM + "DisclosureRequestProcess");
  }

  @GetMapping
  String list(@RequestParam(required = false) PartnerStatus status, @RequestParam(required = false) PartnerType type,
      @RequestParam(required = false) String country, @RequestParam(required = false) RiskTier tier,
      @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
    String countryCode = SecretPages.blankToNull(country);
    PartnerFilter filter = new PartnerFilter(status, type, countryCode == null ? null : countryCode.toUpperCase(), tier,
        SecretPages.limit(SecretPages.blankToNull(q), 100));
    model.addAttribute("filter", filter);
    model.addAttribute("page", partners.search(filter, PageRequest.of(Math.max(page, 0), SecretPages.PAGE_SIZE, Sort.by("code"))));
    model.addAttribute("filters", Paging.filters(request));
    return "partners/list";
  }

  @GetMapping("/{code}")
  String show(@PathVariable String code, Model model) {
    model.addAttribute("file", files.of(code));
    return "partners/detail";
  }

  @PostMapping("/{code}/offboarding")
  @PreAuthorize("hasAnyRole('procurement','admins')")
  String offboard(@PathVariable String code, @RequestParam(defaultValue = "") String reason, Model model) {
    String error = reason.isBlank() ? "partner.offboarding.reasonRequired" : reason.strip().length() > 500
        ? "partner.offboarding.reasonTooLong" : null;
    if (error == null) {
      try {
        offboarding.start(code, null, reason.strip());
        return "redirect:" + ConsoleAdvice.TASKLIST;
      } catch (ConflictException | InvalidInputException e) {
        model.addAttribute("offboardingErrorText", serviceMessages.text(e.getMessage()));
      }
    }
    model.addAttribute("offboardingError", error);
    model.addAttribute("reason", reason);
    return show(code, model);
  }
}
