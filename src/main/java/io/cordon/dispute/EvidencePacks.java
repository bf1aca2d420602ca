package io.cordon.dispute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cordon.disclosure.DisclosureService;
import io.cordon.disclosure.HolderView;
import io.cordon.disclosure.HoldingView;
import io.cordon.evidence.CanonicalJson;
import io.cordon.evidence.ChainAnchors;
import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceEvent;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.identity.CurrentUser;
import io.cordon.nda.NdaLifecycle;
import io.cordon.nda.NdaRecords;
import io.cordon.nda.NdaService;
import io.cordon.nda.PdfRenderer;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerView;
import io.cordon.platform.NotFoundException;
import io.cordon.platform.ServiceUnavailableException;
import io.cordon.secret.SecretView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds evidence packs: one ZIP per secret, partner or NDA that a lawyer can hand over and anyone can check without
 * Cordon (see {@code docs/evidence.md}). Everything is read in one read-only transaction, so the pack is one
 * consistent moment of the register and the chain; building it appends {@code EVIDENCE_PACK_BUILT}, which records
 * the SHA-256 of the pack's manifest in the chain.
 */
@Service
public class EvidencePacks {

  public enum Kind { SECRET, PARTNER, NDA }

  public record Subject(Kind kind, String code) {
  }

  /** The pack, and how long each phase of building it took (milliseconds, in order; also logged at DEBUG). */
  public record Pack(String fileName, byte[] zip, String manifestSha256, int files, Map<String, Long> phaseMillis) {
  }

  static final String EVENT = "EVIDENCE_PACK_BUILT";
  private static final int PAGE = 1000;
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final EvidenceChain chain;
  private final ChainAnchors anchors;
  private final EvidenceAccess access;
  private final PartnerService partners;
  private final DisclosureService disclosures;
  private final NdaService ndas;
  private final NdaLifecycle lifecycle;
  private final PdfRenderer pdf;
  private final Measures measures;
  private final CurrentUser currentUser;
  private final TransactionTemplate reading;
  private final TransactionTemplate writing;
  /**
   * The parts of a pack made from what was read, beside the thread that reads the documents: lineage.xlsx, the report
   * and its PDF (LibreOffice, an external process). Two threads: a server has few CPUs, and a pack is built by one.
   */
  private final ExecutorService parts = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "evidence-pack-part");
    t.setDaemon(true);
    return t;
  });

  EvidencePacks(EvidenceChain chain, ChainAnchors anchors, EvidenceAccess access, PartnerService partners,
      DisclosureService disclosures, NdaService ndas, NdaLifecycle lifecycle, PdfRenderer pdf,
      Measures measures, CurrentUser currentUser, PlatformTransactionManager transactions) {
    this.chain = chain;
    this.anchors = anchors;
    this.access = access;
    this.partners = partners;
    this.disclosures = disclosures;
    this.ndas = ndas;
    this.lifecycle = lifecycle;
    this.pdf = pdf;
    this.measures = measures;
    this.currentUser = currentUser;
    this.reading = new TransactionTemplate(transactions);
    this.reading.setReadOnly(true);
    this.writing = new TransactionTemplate(transactions);
  }

  /** What a pack is made of, read in one transaction. */
  private record Contents(Subject subject, String title, String coverage, List<EvidenceEvent> events,
      List<Map<String, String>> recipients, List<String> ndaReferences, PackNdas ndaData, List<SecretScorecard> scorecards,
      String summary) {
  }

  /** The scorecard of one secret a pack covers, or why it is withheld from the caller (a crown jewel). */
  record SecretScorecard(String secretCode, Scorecard scorecard, String withheld) {
  }

  /** Whether the caller may have this pack, and its subject exists: throws as {@link #build} would, before any work. */
  void check(Subject subject) {
    reading.executeWithoutResult(s -> {
      switch (subject.kind()) {
        case SECRET -> access.checkSecret(subject.code());
        case PARTNER, NDA -> {
          // As the API's @PreAuthorize: a partner's or an NDA's pack is for legal, security and admins.
          if (!access.mayHavePartnerPacks()) {
            throw new AccessDeniedException("A partner's or an NDA's evidence pack is for legal, security and admins only.");
          }
          if (subject.kind() == Kind.PARTNER) {
            partners.get(subject.code());
          } else {
            ndas.get(subject.code());
          }
        }
      }
    });
  }

  public Pack build(Subject subject) {
    return build(subject, phase -> { });
  }

  /** As {@link #build(Subject)}, telling {@code progress} each phase as it ends. */
  Pack build(Subject subject, java.util.function.Consumer<String> progress) {
    PackPhases phases = new PackPhases(progress);
    Instant builtAt = ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
    String builtBy = currentUser.get().id();
    Map<String, byte[]> files = new LinkedHashMap<>();
    Map<String, Object> manifest = new LinkedHashMap<>();
    reading.executeWithoutResult(s -> gather(subject, files, manifest, builtAt, builtBy, phases));
    files.put("verify.sh", verifyScript());
    List<Map<String, Object>> listed = new ArrayList<>();
    files.forEach((path, bytes) -> listed.add(Map.of("path", path, "sha256", CanonicalJson.sha256Hex(bytes), "bytes", bytes.length)));
    manifest.put("files", listed);
    byte[] manifestBytes = json(manifest, true);
    String manifestSha = CanonicalJson.sha256Hex(manifestBytes);
    byte[] zip = zip(manifestBytes, files);
    phases.done("manifest and zip");
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("kind", subject.kind().name());
    facts.put("code", subject.code());
    facts.put("files", files.size() + 1);
    @SuppressWarnings("unchecked")
    Map<String, Object> segment = (Map<String, Object>) manifest.get("chainSegment");
    facts.put("firstSeq", segment.get("firstSeq"));
    facts.put("lastSeq", segment.get("lastSeq"));
    EvidenceRecord record = EvidenceRecord.of(EVENT).nda(subject.kind() == Kind.NDA ? subject.code() : null, manifestSha).payload(facts);
    EvidenceRecord event = switch (subject.kind()) {
      case SECRET -> record.secrets(List.of(subject.code()));
      case PARTNER -> record.partner(subject.code());
      case NDA -> record;
    };
    writing.executeWithoutResult(s -> chain.append(event));
    phases.done("evidence event");
    phases.log(subject.kind() + " " + subject.code());
    return new Pack("cordon-evidence-" + subject.code() + "-" + builtAt.toString().replace(":", "") + ".zip", zip, manifestSha,
        files.size() + 1, phases.millis());
  }

  private void gather(Subject subject, Map<String, byte[]> files, Map<String, Object> manifest, Instant builtAt, String builtBy,
      PackPhases phases) {
    Contents c = switch (subject.kind()) {
      case SECRET -> secret(subject);
      case PARTNER -> partner(subject);
      case NDA -> nda(subject);
    };
    phases.done("read register and events, scorecard");
    // lineage.xlsx needs only what was read: it is written on another thread while this one goes on.
    Future<byte[]> lineage = parts.submit(() -> {
      long t0 = System.nanoTime();
      byte[] sheet = lineage(c.recipients());
      phases.took("lineage.xlsx", t0);
      return sheet;
    });
    List<EvidenceEvent> events = c.events();
    Map<String, Object> segment = new LinkedHashMap<>();
    Map<String, Object> anchorFacts = null;
    Optional<ChainAnchors.Recorded> anchor = anchors.latest();
    StringBuilder eventLines = new StringBuilder(events.size() * 700);
    // One JSON object per line, written directly (a map and a Jackson call per event cost more than the rest of the
    // phase): {"seq":…,"type":…,"occurredAt":…,"prevHash":…,"hash":…,"canonical":…}.
    for (EvidenceEvent e : events) {
      eventLines.append("{\"seq\":").append(e.seq()).append(",\"type\":");
      CanonicalJson.quote(eventLines, e.type());
      eventLines.append(",\"occurredAt\":");
      CanonicalJson.quote(eventLines, e.occurredAt().toString());
      eventLines.append(",\"prevHash\":");
      if (e.prevHash() == null) {
        eventLines.append("null");
      } else {
        CanonicalJson.quote(eventLines, e.prevHash());
      }
      eventLines.append(",\"hash\":");
      CanonicalJson.quote(eventLines, e.hash());
      eventLines.append(",\"canonical\":");
      CanonicalJson.quote(eventLines, e.canonical());
      eventLines.append("}\n");
    }
    files.put("events.jsonl", eventLines.toString().getBytes(StandardCharsets.UTF_8));
    String chainText = "no events";
    String anchorText = "none: no anchor covers these events yet";
    if (!events.isEmpty()) {
      long first = events.get(0).seq();
      long last = events.get(events.size() - 1).seq();
      if (anchor.isPresent() && anchor.get().anchoredSeq() >= first) {
        last = Math.max(last, anchor.get().anchoredSeq());
      }
      List<EvidenceChain.Link> links = chain.links(first, last);
      StringBuilder linkLines = new StringBuilder(links.size() * 160);
      for (EvidenceChain.Link l : links) {
        linkLines.append("{\"seq\":").append(l.seq()).append(",\"prevHash\":\"").append(l.prevHash()).append("\",\"hash\":\"")
            .append(l.hash()).append("\"}\n");
      }
      files.put("chain.jsonl", linkLines.toString().getBytes(StandardCharsets.UTF_8));
      segment.put("firstSeq", first);
      segment.put("firstHash", links.get(0).hash());
      segment.put("lastSeq", last);
      segment.put("lastHash", links.get(links.size() - 1).hash());
      segment.put("events", events.size());
      segment.put("links", links.size());
      chainText = events.size() + " events of the subject between chain positions " + first + " and " + last + " (" + links.size()
          + " links); last hash " + links.get(links.size() - 1).hash();
      if (anchor.isPresent() && anchor.get().anchoredSeq() >= first) {
        ChainAnchors.Recorded a = anchor.get();
        anchorFacts = new LinkedHashMap<>();
        anchorFacts.put("eventSeq", a.eventSeq());
        anchorFacts.put("anchoredSeq", a.anchoredSeq());
        anchorFacts.put("anchoredHash", a.anchoredHash());
        anchorFacts.put("recordedAt", a.recordedAt().toString());
        anchorFacts.put("tsa", a.tsa());
        files.put("anchor/anchored-hash.txt", a.anchoredHash().getBytes(StandardCharsets.US_ASCII));
        if (a.token() != null) {
          Instant at = a.timestampedAt().orElseThrow();
          anchorFacts.put("timestampedAt", at.toString());
          anchorFacts.put("token", "anchor/anchor.tsr");
          files.put("anchor/anchor.tsr", a.token());
          files.put("anchor/tsa-certs.pem", a.tokenCertificatesPem().getBytes(StandardCharsets.US_ASCII));
          anchorText = "chain head at event " + a.anchoredSeq() + " time-stamped at " + at + " by " + a.tsa() + " (RFC 3161 token)";
        } else {
          anchorText = "chain head at event " + a.anchoredSeq() + " recorded at " + a.recordedAt()
              + " without a time-stamp authority (compare with the copy in the anchor sink)";
        }
      }
    }
    phases.done("events.jsonl, chain links, anchor");
    manifest.put("format", "cordon-evidence-pack/1");
    manifest.put("subject", Map.of("kind", subject.kind().name(), "code", subject.code()));
    manifest.put("coverage", c.coverage());
    manifest.put("builtAt", builtAt.toString());
    manifest.put("builtBy", builtBy);
    manifest.put("chainSegment", segment);
    manifest.put("anchor", anchorFacts);
    if (subject.kind() == Kind.SECRET) {
      Scorecard card = c.scorecards().get(0).scorecard();
      files.put("scorecard.json", json(card, true));
      manifest.put("scorecardGaps", card.gaps());
    } else {
      List<Map<String, Object>> listed = new ArrayList<>();
      for (SecretScorecard s : c.scorecards()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("secret", s.secretCode());
        if (s.scorecard() == null) {
          entry.put("withheld", s.withheld());
        } else {
          entry.put("file", "scorecards/" + s.secretCode() + ".json");
          entry.put("gaps", s.scorecard().gaps());
          files.put("scorecards/" + s.secretCode() + ".json", json(s.scorecard(), true));
        }
        listed.add(entry);
      }
      manifest.put("scorecards", listed);
    }
    // The report (and its PDF) is made from what was read, on another thread, while this one adds the documents.
    String reportChain = chainText;
    String reportAnchor = anchorText;
    Future<Report> report = parts.submit(() -> report(c, builtAt, builtBy, reportChain, reportAnchor, phases));
    documents(c, files);
    phases.done("NDA documents and certificates");
    files.put("lineage.xlsx", done(lineage));
    Report made = done(report);
    phases.done("waiting for the parts made in parallel");
    files.put("report.docx", made.docx());
    if (made.pdf() != null) {
      files.put("report.pdf", made.pdf());
    } else {
      manifest.put("reportPdf", made.pdfMissing());
    }
  }

  /** The report and its PDF, or why there is no PDF. */
  private record Report(byte[] docx, byte[] pdf, String pdfMissing) {
  }

  /** {@code report.docx} and its PDF, each timed as its own phase (they run beside the others). */
  private Report report(Contents c, Instant builtAt, String builtBy, String chainText, String anchorText, PackPhases phases) {
    long t0 = System.nanoTime();
    byte[] docx = report(c, builtAt, builtBy, chainText, anchorText);
    phases.took("report.docx", t0);
    long t1 = System.nanoTime();
    byte[] rendered = null;
    String missing = null;
    if (pdf.available()) {
      try {
        rendered = pdf.toPdf(docx);
      } catch (ServiceUnavailableException e) {
        missing = "not rendered: " + e.getMessage();
      }
    } else {
      missing = "not rendered: LibreOffice is not installed on the server that built this pack";
    }
    phases.took("report.pdf", t1);
    return new Report(docx, rendered, missing);
  }

  /** The part made on another thread; its failure is the build's. */
  private static <T> T done(Future<T> part) {
    try {
      return part.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while building an evidence pack", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private Contents secret(Subject subject) {
    SecretView secret = access.checkSecret(subject.code());
    List<EvidenceEvent> events = measures.eventsOf(subject.code());
    Map<Long, String> approvals = approvals(events);
    List<HolderView> holders = all(p -> disclosures.holders(subject.code(), null, p));
    Set<String> ndaRefs = new TreeSet<>();
    holders.stream().map(HolderView::ndaReference).filter(r -> r != null).forEach(ndaRefs::add);
    events.stream().filter(e -> e.type().startsWith("NDA_") && e.ndaReference() != null).forEach(e -> ndaRefs.add(e.ndaReference()));
    Set<String> named = new TreeSet<>(ndaRefs);
    events.stream().filter(e -> e.type().equals("SECRET_DISCLOSED") && e.ndaReference() != null).forEach(e -> named.add(e.ndaReference()));
    PackNdas ndaData = PackNdas.read(ndas, lifecycle, named);
    List<Map<String, String>> recipients = new ArrayList<>(holders.size());
    for (HolderView h : holders) {
      recipients.add(recipient(h.disclosureId(), subject.code(), h.partnerCode() + " " + h.partnerName() + " (" + h.partnerCountry() + ")",
          h.ndaReference(), h.ndaVersion(), ndaData, h.status().name(), approvals, h.disclosedAt(), h.closedAt()));
    }
    Scorecard scorecard = measures.evaluate(subject.code(), events, ndaData.clauseKeys());
    long current = recipients.stream().filter(r -> Set.of("DISCLOSED", "SUSPENDED").contains(r.get("status"))).count();
    String title = "trade secret " + secret.code() + ", " + secret.title() + " (" + secret.classification() + ", owner " + secret.ownerId() + ")";
    String coverage = "Every evidence event that names " + secret.code() + " (" + events.size() + "), every disclosure of it ("
        + recipients.size() + "), the NDAs they name or that cover it (" + ndaRefs.size()
        + ") with each generated version and the executed copy, certificates of return or destruction, and its scorecard.";
    String summary = recipients.size() + " disclosure(s) to partners, " + current + " of them current (disclosed or suspended). "
        + "Scorecard: " + scorecard.gaps() + " gap(s) over " + scorecard.rows().size() + " expected measures in the EU, US and PRC.";
    return new Contents(subject, title, coverage, events, recipients, List.copyOf(ndaRefs), ndaData,
        List.of(new SecretScorecard(secret.code(), scorecard, null)), summary);
  }

  private Contents partner(Subject subject) {
    PartnerView partner = partners.get(subject.code());
    List<EvidenceEvent> events = new ArrayList<>(chain.forPartner(subject.code(), Integer.MAX_VALUE));
    Collections.reverse(events);
    return holdingsContents(subject, "partner " + partner.code() + ", " + partner.legalName() + " (" + partner.country() + ")",
        events, h -> true, "Every evidence event that names partner " + partner.code());
  }

  private Contents nda(Subject subject) {
    NdaRecords.NdaView nda = ndas.get(subject.code());
    List<EvidenceEvent> events = new ArrayList<>(chain.forNda(subject.code(), Integer.MAX_VALUE));
    Collections.reverse(events);
    return holdingsContents(subject, "NDA " + nda.reference() + " with partner " + nda.partnerCode() + " (" + nda.kind() + ", "
        + nda.latestVersion() + " version(s))", events, h -> subject.code().equals(h.ndaReference()),
        "Every evidence event that names " + nda.reference());
  }

  private Contents holdingsContents(Subject subject, String title, List<EvidenceEvent> events,
      java.util.function.Predicate<HoldingView> included, String coverageStart) {
    String partnerCode = subject.kind() == Kind.PARTNER ? subject.code() : ndas.get(subject.code()).partnerCode();
    Map<Long, String> approvals = approvals(events);
    List<HoldingView> holdings = all(p -> disclosures.holdings(partnerCode, null, p)).stream().filter(included).toList();
    Set<String> ndaRefs = new TreeSet<>();
    if (subject.kind() == Kind.NDA) {
      ndaRefs.add(subject.code());
    } else {
      holdings.stream().map(HoldingView::ndaReference).filter(r -> r != null).forEach(ndaRefs::add);
      events.stream().filter(e -> e.type().startsWith("NDA_") && e.ndaReference() != null).forEach(e -> ndaRefs.add(e.ndaReference()));
    }
    Set<String> named = new TreeSet<>(ndaRefs);
    holdings.stream().map(HoldingView::ndaReference).filter(r -> r != null).forEach(named::add);
    PackNdas ndaData = PackNdas.read(ndas, lifecycle, named);
    List<Map<String, String>> recipients = new ArrayList<>(holdings.size());
    for (HoldingView h : holdings) {
      recipients.add(recipient(h.disclosureId(), h.secretCode() + (h.secretTitle() == null ? "" : " " + h.secretTitle())
          + " (" + h.classification() + ")", partnerCode, h.ndaReference(), h.ndaVersion(), ndaData, h.status().name(),
          approvals, h.disclosedAt(), h.closedAt()));
    }
    List<SecretScorecard> scorecards = scorecards(covered(holdings, ndaRefs, ndaData), ndaData);
    long withheld = scorecards.stream().filter(s -> s.scorecard() == null).count();
    long gaps = scorecards.stream().filter(s -> s.scorecard() != null).mapToLong(s -> s.scorecard().gaps()).sum();
    String coverage = coverageStart + " (" + events.size() + "), every disclosure to the partner" + (subject.kind() == Kind.NDA
        ? " under this NDA" : "") + " (" + recipients.size() + "), the NDAs (" + ndaRefs.size()
        + ") with each generated version and the executed copy, certificates of return or destruction, and the scorecard of each "
        + "secret covered (" + scorecards.size() + (withheld == 0 ? "" : ", " + withheld + " of them withheld: crown jewels") + ").";
    String summary = recipients.size() + " disclosure(s); " + ndaRefs.size() + " NDA(s); " + scorecards.size() + " secret(s) covered, "
        + gaps + " scorecard gap(s) in all.";
    return new Contents(subject, title, coverage, events, recipients, List.copyOf(ndaRefs), ndaData, scorecards, summary);
  }

  /** The secrets a partner or NDA pack covers: those disclosed in it, and those its NDAs name (signed or latest version). */
  private static Set<String> covered(List<HoldingView> holdings, Set<String> ndaRefs, PackNdas ndaData) {
    Set<String> codes = new TreeSet<>();
    holdings.forEach(h -> codes.add(h.secretCode()));
    for (String reference : ndaRefs) {
      Optional<NdaLifecycle.Execution> executed = ndaData.execution(reference);
      if (executed.isPresent()) {
        codes.addAll(executed.get().secretCodes());
      } else {
        ndaData.view(reference).flatMap(v -> v.versions().stream().filter(x -> x.version() == v.latestVersion()).findFirst())
            .ifPresent(v -> codes.addAll(v.secretCodes()));
      }
    }
    return codes;
  }

  /** The scorecard of each secret, as its own pack has it; withheld (code only) where the caller may not have its evidence. */
  private List<SecretScorecard> scorecards(Set<String> codes, PackNdas ndaData) {
    List<SecretScorecard> cards = new ArrayList<>(codes.size());
    for (String code : codes) {
      try {
        access.checkSecret(code);
      } catch (AccessDeniedException e) {
        cards.add(new SecretScorecard(code, null, e.getMessage()));
        continue;
      } catch (NotFoundException e) {
        continue;
      }
      cards.add(new SecretScorecard(code, measures.evaluate(code, measures.eventsOf(code), ndaData.clauseKeys()), null));
    }
    return cards;
  }

  private static Map<String, String> recipient(long id, String secret, String partner, String nda, Integer ndaVersion,
      PackNdas ndaData, String status, Map<Long, String> approvals, Instant disclosed, Instant closed) {
    Map<String, String> r = new HashMap<>();
    r.put("id", String.valueOf(id));
    r.put("secret", secret);
    r.put("partner", partner);
    r.put("nda", nda == null ? "" : nda);
    // The version the disclosure names, else the one the partner signed (whose clause keys are listed).
    Integer version = ndaVersion != null || nda == null ? ndaVersion
        : ndaData.execution(nda).map(NdaLifecycle.Execution::version).orElse(null);
    r.put("ndaVersion", version == null ? "" : String.valueOf(version));
    r.put("clauses", nda == null ? "" : String.join(", ", new TreeSet<>(ndaData.clauseKeys(nda))));
    r.put("status", status);
    r.put("approvals", approvals.getOrDefault(id, ""));
    r.put("disclosed", disclosed == null ? "" : disclosed.toString());
    r.put("closed", closed == null ? "" : closed.toString());
    return r;
  }

  /** Who approved each disclosure and when, from the chain. */
  private static Map<Long, String> approvals(List<EvidenceEvent> events) {
    Map<Long, String> approvals = new HashMap<>();
    for (EvidenceEvent e : events) {
      if (e.type().equals("DISCLOSURE_APPROVED") || e.type().equals("DISCLOSURE_DECLINED")) {
        try {
          var payload = JSON.readTree(e.payload());
          long id = payload.path("disclosureId").asLong(-1);
          String text = (e.type().endsWith("APPROVED") ? "approved by " : "declined by ") + e.actor() + " ("
              + payload.path("role").asText("") + ") " + e.occurredAt();
          approvals.merge(id, text, (a, b) -> a + "; " + b);
        } catch (JsonProcessingException ex) {
          throw new UncheckedIOException(ex);
        }
      }
    }
    return approvals;
  }

  /** NDA versions as generated, executed copies and certificates, by the hashes the register and the chain hold. */
  private void documents(Contents c, Map<String, byte[]> files) {
    Map<String, String> wanted = new LinkedHashMap<>();
    for (String reference : c.ndaReferences()) {
      c.ndaData().view(reference).ifPresent(nda -> {
        for (NdaRecords.NdaVersionView v : nda.versions()) {
          wanted.put("ndas/" + reference + "/v" + v.version() + ".docx", v.documentSha256());
        }
        c.ndaData().execution(reference).ifPresent(x -> wanted.put("ndas/" + reference + "/executed-v" + x.version(), x.sha256()));
      });
    }
    for (EvidenceEvent e : c.events()) {
      if (e.type().startsWith("CERTIFICATE_") && e.documentHash() != null) {
        wanted.put("certificates/" + e.ndaReference() + "-" + e.seq() + "-" + e.type().toLowerCase(), e.documentHash());
      }
    }
    Map<String, byte[]> stored = ndas.storedDocuments(wanted.values());
    wanted.forEach((path, sha256) -> {
      byte[] content = stored.get(sha256);
      if (content == null) {
        throw new NotFoundException("No stored document with SHA-256 " + sha256 + " (" + path + ").");
      }
      files.put(path.endsWith(".docx") ? path : path + extension(content), content);
    });
  }

  private static String extension(byte[] document) {
    return document.length > 4 && document[0] == '%' && document[1] == 'P' && document[2] == 'D' && document[3] == 'F' ? ".pdf" : ".docx";
  }

  private static byte[] lineage(List<Map<String, String>> recipients) {
    List<io.cordon.spreadsheet.Column> columns = List.of(io.cordon.spreadsheet.Column.exportOnly("Disclosure", 11, ""),
        io.cordon.spreadsheet.Column.exportOnly("Secret", 30, ""), io.cordon.spreadsheet.Column.exportOnly("Partner", 30, ""),
        io.cordon.spreadsheet.Column.exportOnly("NDA", 14, ""), io.cordon.spreadsheet.Column.exportOnly("NDA version", 12, ""),
        io.cordon.spreadsheet.Column.exportOnly("Clause keys", 40, ""), io.cordon.spreadsheet.Column.exportOnly("Status", 11, ""),
        io.cordon.spreadsheet.Column.exportOnly("Approvals", 40, ""), io.cordon.spreadsheet.Column.exportOnly("Disclosed", 21, ""),
        io.cordon.spreadsheet.Column.exportOnly("Closed", 21, ""));
    try (io.cordon.spreadsheet.XlsxWriter workbook = new io.cordon.spreadsheet.XlsxWriter()) {
      io.cordon.spreadsheet.XlsxWriter.Table table = workbook.table("Lineage", columns);
      for (Map<String, String> r : recipients) {
        table.row(List.of(r.get("id"), r.get("secret"), r.get("partner"), r.get("nda"), r.get("ndaVersion"), r.get("clauses"),
            r.get("status"), r.get("approvals"), r.get("disclosed"), r.get("closed")));
      }
      table.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] report(Contents c, Instant builtAt, String builtBy, String chainText, String anchorText) {
    Map<String, String> fields = new HashMap<>();
    fields.put("subject", c.title());
    fields.put("builtAt", builtAt.toString());
    fields.put("builtBy", builtBy);
    fields.put("coverage", c.coverage());
    fields.put("chain", chainText);
    fields.put("anchor", anchorText);
    fields.put("summary", c.summary());
    boolean many = c.subject().kind() != Kind.SECRET;
    String withheld = c.scorecards().stream().filter(s -> s.scorecard() == null).map(SecretScorecard::secretCode)
        .reduce((a, b) -> a + ", " + b).map(codes -> " Withheld (crown jewels, for their owner, security and admins only): " + codes + ".")
        .orElse("");
    fields.put("scorecardNote", (many ? "For each secret the pack covers (" + c.scorecards().size() + "), as in that secret's own pack "
        + "(scorecards/<code>.json; the events named are positions in the evidence chain): p" : "P")
        + "er jurisdiction, each measure courts expect: DOCUMENTED with the events behind it, GAP with what would close it, "
        + "or NOT_APPLICABLE with the reason. Measure lists: templates/reasonable-measures.csv." + withheld);
    ReportTimeline.Parts timeline = ReportTimeline.of(c.events(), c.subject().kind() == Kind.SECRET, ReportTimeline.FULL_TIMELINE_MAX);
    fields.putAll(timeline.fields());
    List<Map<String, String>> scorecard = new ArrayList<>();
    for (SecretScorecard card : c.scorecards()) {
      if (card.scorecard() == null) {
        continue;
      }
      for (Scorecard.Row r : card.scorecard().rows()) {
        scorecard.add(Map.of("jurisdiction", many ? card.secretCode() + " · " + r.jurisdiction() : r.jurisdiction(), "title", r.title(),
            "basis", r.basis(), "result", r.result().name(), "detail", r.detail(),
            "events", r.evidence().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")));
      }
    }
    return ReportDocument.render(ReportDocument.template(), fields, Map.of("timeline", timeline.timeline(), "history",
        timeline.history(), "recipient", c.recipients(), "measure", scorecard));
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    parts.shutdownNow();
  }

  private static <T> List<T> all(Function<PageRequest, Page<T>> query) {
    List<T> rows = new ArrayList<>();
    Page<T> page;
    int number = 0;
    do {
      page = query.apply(PageRequest.of(number++, PAGE, Sort.by("id")));
      rows.addAll(page.getContent());
    } while (page.hasNext());
    return rows;
  }

  private static byte[] zip(byte[] manifest, Map<String, byte[]> files) {
    int total = files.values().stream().mapToInt(b -> b.length).sum();
    // Most of a pack is stored as it is (compressed documents): sized for all of it, the buffer is not grown and
    // copied on the way (22 MB for a secret with a thousand disclosures).
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1 << 20, total + total / 16 + manifest.length));
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setLevel(Deflater.BEST_SPEED);
      put(zip, "manifest.json", manifest);
      for (var f : files.entrySet()) {
        put(zip, f.getKey(), f.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void put(ZipOutputStream zip, String path, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(path);
    entry.setTime(0);
    // A .docx or .xlsx whose parts are all compressed (as Cordon writes them) would only cost time to deflate again:
    // it is stored as it is. One with stored parts (e.g. generated before Cordon compressed every part) is deflated.
    if (ZipContainers.compressed(path, content)) {
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(content);
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(content.length);
      entry.setCompressedSize(content.length);
      entry.setCrc(crc.getValue());
    }
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }

  private static byte[] verifyScript() {
    try (var in = new ClassPathResource("evidence/verify.sh").getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("verify.sh is missing from the build", e);
    }
  }

  private static byte[] json(Object value, boolean pretty) {
    try {
      return pretty ? JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value) : JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
