package io.cordon.leak;

import io.cordon.platform.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/incidents")
@Tag(name = "Leak response", description = "Report a suspected leak of trade secrets and follow its response: the snapshot "
    + "of who held them, containment, notification with the regulator deadline, legal action, closure. Cordon holds no "
    + "secret content: a report takes text only, never a file.")
class LeakController {

  private static final String READERS = "hasAnyRole('legal','secret-owners','security','admins')";

  /** A leak report: the secrets, what is known. */
  record ReportLeak(@NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 32) String> secretCodes,
      @NotBlank @Size(max = 2000) @PlainText(multiline = true) String noticedHow,
      @Size(max = 2000) @PlainText(multiline = true) String suspected, LocalDate since, boolean personalData) {
  }

  private final LeakService service;
  private final LeakQueries queries;

  LeakController(LeakService service, LeakQueries queries) {
    this.service = service;
    this.queries = queries;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('secret-owners','security','admins')")
  @Operation(summary = "Report a suspected leak: the owner of every secret named, security or admins. Marks the secrets "
      + "AT_RISK, blocks new disclosures of them and snapshots their lineage before it answers")
  ResponseEntity<IncidentView> report(@Valid @RequestBody ReportLeak report) {
    long id = service.report(report.secretCodes().stream().map(String::strip).toList(), report.noticedHow(), report.suspected(),
        report.since(), report.personalData());
    return ResponseEntity.created(URI.create("/api/incidents/" + id)).body(queries.get(id));
  }

  @GetMapping
  @PreAuthorize(READERS)
  @Operation(summary = "Leak incidents, newest first (at most 200): legal, security, admins all; a secret owner those of its secrets")
  List<IncidentView> list() {
    return queries.list(200);
  }

  @GetMapping("/{id}")
  @PreAuthorize(READERS)
  @Operation(summary = "One leak incident: state, decisions, regulator deadline, open tasks with due dates")
  IncidentView get(@PathVariable long id) {
    return queries.get(id);
  }

  @GetMapping("/{id}/snapshot")
  @PreAuthorize(READERS)
  @Operation(summary = "The lineage when the leak was reported: every holder, its NDA version and binding clauses, the "
      + "permitted recipients and the holders of its last attestation")
  List<LeakSnapshot.Holder> snapshot(@PathVariable long id) {
    return queries.snapshot(id);
  }

  @GetMapping("/{id}/evidence-packs/{code}")
  @PreAuthorize(READERS)
  @Operation(summary = "The evidence pack of one of the incident's secrets as it was preserved (ZIP)")
  ResponseEntity<byte[]> pack(@PathVariable long id, @PathVariable String code) {
    byte[] zip = queries.pack(id, code);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("incident-" + id + "-" + code + ".zip")
            .build().toString()).header(HttpHeaders.CACHE_CONTROL, "no-store").body(zip);
  }

  @GetMapping("/{id}/partners/{partnerCode}/letter")
  @PreAuthorize("hasAnyRole('legal','security','admins')")
  @Operation(summary = "The cease-and-desist letter to a suspected partner (DOCX), as generated when legal decided it; its "
      + "SHA-256 is in the incident and in the LEAK_LEGAL_ACTION_DECIDED evidence event")
  ResponseEntity<byte[]> letter(@PathVariable long id, @PathVariable String partnerCode) {
    byte[] docx = queries.letter(id, partnerCode);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("incident-" + id + "-" + partnerCode + "-cease-and-desist.docx").build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store").body(docx);
  }
}
