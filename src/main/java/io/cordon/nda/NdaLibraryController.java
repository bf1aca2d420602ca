package io.cordon.nda;

import io.cordon.nda.NdaSubjects.Classification;
import io.cordon.nda.NdaSubjects.PartnerType;
import io.cordon.platform.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Templates and clauses with their versions, template upload (admins), and a preview of the clause selection. */
@RestController
@RequestMapping("/api/nda")
class NdaLibraryController {

  private final TemplateCatalogue catalogue;
  private final TemplateVersions versions;
  private final ClauseLibrary library;
  private final ClauseSelection selection;

  NdaLibraryController(TemplateCatalogue catalogue, TemplateVersions versions, ClauseLibrary library, ClauseSelection selection) {
    this.catalogue = catalogue;
    this.versions = versions;
    this.library = library;
    this.selection = selection;
  }

  record TemplateView(String key, String title, DocumentType document, List<String> languages, Set<String> fields,
      List<TemplateVersions.TemplateVersion> versions) {
  }

  record ClauseView(String key, ClauseCategory category, List<String> jurisdictions, List<ClauseVersionView> versions) {
  }

  record ClauseVersionView(int version, String sha256, List<String> languages, Map<String, String> title, Map<String, String> text,
      List<Clause.Fallback> fallbacks) {
  }

  record SelectionRequest(@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code such as CN") String partnerCountry,
      @NotNull PartnerType partnerType, @NotNull NdaKind kind, @NotNull Classification highestClassification, boolean individualsSign) {
  }

  record SelectionView(String templateKey, List<String> clauses) {
  }

  @GetMapping("/templates")
  List<TemplateView> templates() {
    return catalogue.all().stream().map(t -> new TemplateView(t.key(), t.title(), t.document(), t.languages(), t.fields(),
        versions.versions(t.key()))).toList();
  }

  @PostMapping(path = "/templates/{key}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasRole('admins')")
  @ResponseStatus(HttpStatus.CREATED)
  TemplateVersions.TemplateVersion upload(@PathVariable String key, @RequestPart("file") MultipartFile file, Principal user) {
    try {
      return versions.upload(key, file.getOriginalFilename(), file.getBytes(), user.getName());
    } catch (IOException e) {
      throw new InvalidInputException("The uploaded file could not be read. Upload it again.");
    }
  }

  @GetMapping("/clauses")
  List<ClauseView> clauses() {
    return library.latest().stream().map(latest -> new ClauseView(latest.key(), latest.category(), latest.jurisdictions(),
        library.versions(latest.key()).stream().map(c -> new ClauseVersionView(c.version(), ClauseLibrary.sha256(c), c.languages(),
            c.title(), c.text(), c.fallbacks())).toList())).toList();
  }

  @PostMapping("/clause-selection")
  SelectionView preview(@Valid @RequestBody SelectionRequest request) {
    ClauseSelection.Result result = selection.select(new ClauseSelection.Inputs(request.partnerCountry(), request.partnerType(),
        request.kind(), request.highestClassification(), request.individualsSign()));
    return new SelectionView(result.templateKey(), result.clauses().stream().map(Clause::ref).toList());
  }
}
