package io.cordon.console;

import io.cordon.dispute.EvidenceAccess;
import io.cordon.dispute.Measures;
import io.cordon.identity.CordonGroups;
import io.cordon.identity.CurrentUser;
import io.cordon.identity.Directory;
import io.cordon.identity.Roles;
import io.cordon.platform.ConflictException;
import io.cordon.platform.InvalidInputException;
import io.cordon.secret.Classification;
import io.cordon.secret.ProtectionMeasure;
import io.cordon.secret.SecretCategory;
import io.cordon.secret.SecretFilter;
import io.cordon.secret.SecretImport;
import io.cordon.secret.SecretService;
import io.cordon.secret.SecretStatus;
import io.cordon.secret.SecretView;
import io.cordon.spreadsheet.ImportMode;
import io.cordon.spreadsheet.ImportReport;
import io.cordon.spreadsheet.SpreadsheetRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The register of secrets as pages: list, a secret, register and edit, status, spreadsheet import. */
@Controller
@RequestMapping("/console/secrets")
@PreAuthorize(Roles.ANY_MEMBER)
class SecretPages {

  static final int PAGE_SIZE = 50;

  private final SecretService secrets;
  private final SecretImport importer;
  private final SecretHolders holders;
  private final Directory directory;
  private final CurrentUser currentUser;
  private final EvidenceAccess evidenceAccess;
  private final Measures measures;
  private final TransactionTemplate reading;
  private final ServiceMessages serviceMessages;

  SecretPages(SecretService secrets, SecretImport importer, SecretHolders holders, Directory directory, CurrentUser currentUser,
      EvidenceAccess evidenceAccess, Measures measures, PlatformTransactionManager transactions, ServiceMessages serviceMessages) {
    this.serviceMessages = serviceMessages;
    this.secrets = secrets;
    this.importer = importer;
    this.holders = holders;
    this.directory = directory;
    this.currentUser = currentUser;
    this.evidenceAccess = evidenceAccess;
    this.measures = measures;
    this.reading = new TransactionTemplate(transactions);
    this.reading.setReadOnly(true);
  }

  @ModelAttribute
  void choices(Model model) {
    model.addAttribute("classifications", Classification.values());
    model.addAttribute("categories", SecretCategory.values());
    model.addAttribute("statuses", SecretStatus.values());
    model.addAttribute("allMeasures", ProtectionMeasure.values());
  }

  /** The secret owners, for the owner filter and the form's suggestions: a directory query, so only on those pages. */
  private void owners(Model model) {
    model.addAttribute("owners", directory.members(CordonGroups.SECRET_OWNERS));
  }

  @GetMapping
  String list(@RequestParam(required = false) SecretStatus status, @RequestParam(required = false) Classification classification,
      @RequestParam(required = false) SecretCategory category, @RequestParam(required = false) String owner,
      @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
    SecretFilter filter = new SecretFilter(status, classification, category, blankToNull(owner), limit(blankToNull(q), 100));
    model.addAttribute("filter", filter);
    model.addAttribute("page", secrets.search(filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("code"))));
    model.addAttribute("filters", Paging.filters(request));
    owners(model);
    return "secrets/list";
  }

  @GetMapping("/{code}")
  String show(@PathVariable String code, Model model) {
    // Everything the page shows is read in one read-only transaction: one connection and one persistence context
    // for the secret, its holders, the approvals and attestations, the timeline and the scorecard, instead of a
    // transaction (and a pool checkout) per service call.
    reading.executeWithoutResult(tx -> {
      SecretView secret = secrets.get(code);
      model.addAttribute("secret", secret);
      model.addAttribute("canChange", canChange(secret));
      model.addAttribute("holders", holders.of(code));
      model.addAttribute("timeline", holders.timeline(code));
      // The evidence pack and the measures scorecard: only for those the API gives them to (owner, legal, security,
      // admins; a crown jewel's not to legal).
      boolean evidence = evidenceAccess.mayHave(secret);
      model.addAttribute("canHaveEvidence", evidence);
      model.addAttribute("scorecard", evidence ? measures.forSecret(code) : null);
    });
    return "secrets/detail";
  }

  @GetMapping("/new")
  String newForm(Model model) {
    SecretForm form = new SecretForm();
    form.setOwnerId(currentUser.get().id());
    model.addAttribute("form", form);
    owners(model);
    return "secrets/form";
  }

  @PostMapping("/new")
  String register(@ModelAttribute("form") SecretForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
    SecretView created = FieldErrors.collect(binding, "details", serviceMessages::text, () -> secrets.register(form.toDetails()));
    if (created == null) {
      owners(model);
      return "secrets/form";
    }
    redirect.addFlashAttribute("notice", "secret.registered");
    return "redirect:/console/secrets/" + created.code();
  }

  @GetMapping("/{code}/edit")
  String editForm(@PathVariable String code, Model model) {
    SecretView secret = secrets.get(code);
    if (secret.redacted()) {
      throw new AccessDeniedException("Only the owner of " + code + ", security or admins may change it");
    }
    model.addAttribute("code", code);
    model.addAttribute("form", SecretForm.of(secret));
    owners(model);
    return "secrets/form";
  }

  @PostMapping("/{code}/edit")
  String update(@PathVariable String code, @ModelAttribute("form") SecretForm form, BindingResult binding, Model model,
      RedirectAttributes redirect) {
    long version = form.getVersion() == null ? -1 : form.getVersion();
    SecretView updated = FieldErrors.collect(binding, "details", serviceMessages::text, () -> secrets.update(code, version, form.toDetails()));
    if (updated == null) {
      model.addAttribute("code", code);
      owners(model);
      return "secrets/form";
    }
    redirect.addFlashAttribute("notice", "secret.saved");
    return "redirect:/console/secrets/" + code;
  }

  @PostMapping("/{code}/status")
  String changeStatus(@PathVariable String code, @RequestParam(required = false) SecretStatus status,
      @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
    String statusError = status == null ? "secret.status.choose" : null;
    String reasonError = reason.strip().length() > 500 ? "secret.status.reasonTooLong" : null;
    if (statusError == null && reasonError == null) {
      try {
        secrets.changeStatus(code, status, reason.strip());
        redirect.addFlashAttribute("notice", "secret.statusChanged");
        return "redirect:/console/secrets/" + code;
      } catch (ConflictException | InvalidInputException e) {
        model.addAttribute("statusErrorText", serviceMessages.text(e.getMessage()));
      }
    }
    model.addAttribute("statusError", statusError);
    model.addAttribute("reasonError", reasonError);
    model.addAttribute("reason", reason);
    return show(code, model);
  }

  @GetMapping("/import")
  String importForm() {
    return "secrets/import";
  }

  @PostMapping("/import")
  String importFile(@RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "all-or-nothing") String mode, Model model) {
    model.addAttribute("mode", mode);
    try {
      ImportReport report = importer.importFile(file, ImportMode.of(mode));
      model.addAttribute("report", report);
    } catch (SpreadsheetRejectedException e) {
      model.addAttribute("rejected", e);
    }
    return "secrets/import";
  }

  private boolean canChange(SecretView secret) {
    var me = currentUser.get();
    return !secret.redacted() && (me.isMemberOf(CordonGroups.SECURITY) || me.isMemberOf(CordonGroups.ADMINS)
        || (me.isMemberOf(CordonGroups.SECRET_OWNERS) && me.id().equals(secret.ownerId())));
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static String limit(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
