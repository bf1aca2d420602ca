package io.cordon.nda;

import io.cordon.nda.NdaRecords.Comparison;
import io.cordon.nda.NdaRecords.Generate;
import io.cordon.nda.NdaRecords.NdaVersionView;
import io.cordon.nda.NdaRecords.NdaView;
import io.cordon.nda.NdaRecords.Regenerate;
import jakarta.validation.Valid;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Generated NDAs: generate, regenerate, read, download (.docx, .pdf) and compare versions. */
@RestController
@RequestMapping("/api/ndas")
class NdaController {

  static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final NdaService ndas;
  private final DocumentStore documents;
  private final PdfRenderer pdf;

  NdaController(NdaService ndas, DocumentStore documents, PdfRenderer pdf) {
    this.ndas = ndas;
    this.documents = documents;
    this.pdf = pdf;
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('legal', 'procurement', 'admins')")
  ResponseEntity<NdaVersionView> generate(@Valid @RequestBody Generate request) {
    NdaVersionView created = ndas.generate(request);
    return ResponseEntity.created(URI.create("/api/ndas/" + created.reference() + "/versions/" + created.version() + ".docx"))
        .body(created);
  }

  @PostMapping("/{reference}/versions")
  @PreAuthorize("hasAnyRole('legal', 'procurement', 'admins')")
  ResponseEntity<NdaVersionView> regenerate(@PathVariable String reference, @Valid @RequestBody Regenerate request) {
    NdaVersionView created = ndas.regenerate(reference, request);
    return ResponseEntity.created(URI.create("/api/ndas/" + created.reference() + "/versions/" + created.version() + ".docx"))
        .body(created);
  }

  @GetMapping("/{reference}")
  NdaView get(@PathVariable String reference) {
    return ndas.get(reference);
  }

  @GetMapping("/{reference}/versions/{version}.docx")
  ResponseEntity<byte[]> docx(@PathVariable String reference, @PathVariable int version) {
    NdaVersionView v = ndas.version(reference, version);
    return file(ndas.document(reference, version), DOCX, reference + "-v" + version + ".docx", v.documentSha256(), false);
  }

  /** Converted on first request, outside any transaction, then kept next to the document. */
  @GetMapping("/{reference}/versions/{version}.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String reference, @PathVariable int version) {
    NdaVersionView v = ndas.version(reference, version);
    byte[] bytes = documents.rendition(v.documentSha256(), "pdf").orElseGet(() -> {
      byte[] converted = pdf.toPdf(ndas.document(reference, version));
      documents.putRendition(v.documentSha256(), "pdf", converted);
      return converted;
    });
    return file(bytes, MediaType.APPLICATION_PDF, reference + "-v" + version + ".pdf", v.documentSha256(), true);
  }

  @GetMapping("/{reference}/compare")
  Comparison compare(@PathVariable String reference, @RequestParam int from, @RequestParam int to) {
    return ndas.compare(reference, from, to);
  }

  private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name, String sha256, boolean inline) {
    ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment()).filename(name).build();
    return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header("X-Document-SHA256", sha256).body(bytes);
  }
}
