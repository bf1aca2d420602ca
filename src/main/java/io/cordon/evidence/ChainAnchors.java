package io.cordon.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anchors the chain outside Cordon: at intervals the head hash is time-stamped by an RFC 3161 authority (when one is
 * configured), recorded as a {@code CHAIN_ANCHORED} event, and written to a sink directory outside the database. Once
 * a head is anchored, rewriting any event before it, even with every later hash recomputed, no longer reproduces the
 * anchored hash: {@link #verify()} reports that, and the newest anchor that still matches.
 * <p>
 * What is time-stamped is the SHA-256 of the head hash written as 64 lower-case hex characters, so that
 * {@code printf %s HASH | openssl ts -verify -data /dev/stdin ...} checks a token without Cordon.
 */
@Service
public class ChainAnchors {

  public static final String EVENT = "CHAIN_ANCHORED";
  private static final Logger log = LoggerFactory.getLogger(ChainAnchors.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An anchor as recorded: the head it anchors, and the token when a time-stamp authority signed it. */
  public record Recorded(long eventSeq, long anchoredSeq, String anchoredHash, Instant recordedAt, String tsa, byte[] token) {

    public Optional<Instant> timestampedAt() {
      return token == null ? Optional.empty() : Optional.of(TimestampTokens.read(token).genTime());
    }

    /** The certificates the token carries, as PEM (the authority's own; check them against its published ones). */
    public String tokenCertificatesPem() {
      return token == null ? null : TimestampTokens.read(token).certificatesPem();
    }
  }

  private final EvidenceChain chain;
  private final ChainVerifier verifier;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final String tsaUrl;
  private final Path sink;

  ChainAnchors(EvidenceChain chain, ChainVerifier verifier, JdbcTemplate jdbc, PlatformTransactionManager transactions,
      @Value("${cordon.evidence.anchor.tsa-url:}") String tsaUrl, @Value("${cordon.evidence.anchor.sink-dir:./data/anchors}") String sink) {
    this.chain = chain;
    this.verifier = verifier;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.tsaUrl = tsaUrl == null || tsaUrl.isBlank() ? null : tsaUrl.strip();
    this.sink = Path.of(sink);
  }

  @Scheduled(initialDelayString = "${cordon.evidence.anchor.initial-delay:PT1H}",
      fixedDelayString = "${cordon.evidence.anchor.interval:P1D}")
  void anchorPeriodically() {
    try {
      anchor();
    } catch (RuntimeException e) {
      // The next interval tries again; a missing anchor weakens the evidence but must not stop anything else.
      log.error("Anchoring the evidence chain failed: {}", e.getMessage());
    }
  }

  /** Anchors the current head with the configured authority (or none); empty if there is nothing new to anchor. */
  public Optional<Recorded> anchor() {
    return anchor(tsaUrl == null ? null : URI.create(tsaUrl));
  }

  /** Anchors the current head, time-stamped by the authority at {@code tsa} (null: none), whatever is configured. */
  public Optional<Recorded> anchor(URI tsa) {
    EvidenceChain.Head head = chain.head();
    if (head.seq() == 0 || latest().map(a -> a.eventSeq() == head.seq()).orElse(false)) {
      return Optional.empty();
    }
    byte[] token = tsa == null ? null : TimestampTokens.request(tsa, imprint(head.hash()));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("anchoredSeq", head.seq());
    payload.put("anchoredHash", head.hash());
    payload.put("tsa", tsa == null ? "none" : tsa.toString());
    if (token != null) {
      payload.put("token", Base64.getEncoder().encodeToString(token));
    }
    EvidenceEvent event = transaction.execute(s -> chain.appendAll(List.of(EvidenceRecord.of(EVENT).payload(payload))).get(0));
    Recorded recorded = new Recorded(event.seq(), head.seq(), head.hash(), event.occurredAt(), (String) payload.get("tsa"), token);
    writeToSink(recorded);
    return Optional.of(recorded);
  }

  Path sinkDirectory() {
    return sink;
  }

  /** The newest anchor recorded in the chain, if any. */
  public Optional<Recorded> latest() {
    return recorded(1).stream().findFirst();
  }

  /** The newest anchors recorded in the chain, newest first. */
  List<Recorded> recorded(int limit) {
    return jdbc.query("select seq, occurred_at, payload from evidence_event where type = ? order by seq desc limit ?",
        (rs, n) -> parse(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3)), EVENT, limit);
  }

  /**
   * Walks the chain and checks it against every anchor, newest first: a time-stamped anchor against its token (the
   * authority's signature over the head hash), an anchor without a time-stamp against its copy in the sink directory
   * (or, if that copy is gone, only against the chain's own record of it, which proves nothing about rewriting).
   */
  public AnchorVerification verify() {
    ChainVerification walk = verifier.verify();
    List<AnchorVerification.Mismatch> mismatches = new ArrayList<>();
    AnchorVerification.Anchor newest = null;
    List<Recorded> anchors = recorded(Integer.MAX_VALUE);
    for (Recorded a : anchors) {
      Instant at = a.recordedAt();
      String problem;
      String current = hashAt(a.anchoredSeq());
      boolean timestamped = a.token() != null;
      if (timestamped) {
        TimestampTokens.Token token = TimestampTokens.read(a.token());
        at = token.genTime();
        if (!token.signatureValid()) {
          problem = "The time-stamp token's signature does not verify.";
        } else if (current == null) {
          problem = "Event " + a.anchoredSeq() + ", time-stamped at " + at + ", is missing.";
        } else if (!TimestampTokens.sameImprint(token, imprint(current))) {
          problem = "Event " + a.anchoredSeq() + " no longer has the hash time-stamped at " + at
              + ": the chain at or before it was changed or rewritten after that time.";
        } else {
          problem = brokenBefore(walk, a.anchoredSeq());
        }
      } else {
        String reference = sinkHash(a.anchoredSeq()).orElse(a.anchoredHash());
        if (current == null || !current.equals(reference)) {
          problem = "Event " + a.anchoredSeq() + " no longer has the hash anchored at " + at
              + " (as kept in the anchor sink): the chain at or before it was changed or rewritten after that time.";
        } else {
          problem = brokenBefore(walk, a.anchoredSeq());
        }
      }
      if (problem != null) {
        mismatches.add(new AnchorVerification.Mismatch(a.eventSeq(), a.anchoredSeq(), at, problem));
      } else if (newest == null) {
        newest = new AnchorVerification.Anchor(a.eventSeq(), a.anchoredSeq(), current, at, timestamped, a.tsa());
      }
    }
    if (newest != null) {
      long matching = newest.eventSeq();
      mismatches.removeIf(m -> m.eventSeq() < matching);
    }
    return new AnchorVerification(walk, anchors.size(), newest, mismatches);
  }

  /** What is time-stamped: SHA-256 of the head hash as 64 hex characters. */
  public static byte[] imprint(String headHash) {
    return HexFormat.of().parseHex(CanonicalJson.sha256Hex(headHash.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String brokenBefore(ChainVerification walk, long anchoredSeq) {
    return !walk.intact() && walk.firstBrokenSeq() != null && walk.firstBrokenSeq() <= anchoredSeq
        ? "The chain is broken at event " + walk.firstBrokenSeq() + ", before this anchor: " + walk.problem() : null;
  }

  private String hashAt(long seq) {
    return jdbc.query("select hash from evidence_event where seq = ?", (rs, n) -> rs.getString(1), seq).stream().findFirst()
        .orElse(null);
  }

  private Optional<String> sinkHash(long anchoredSeq) {
    Path file = sink.resolve("anchor-" + anchoredSeq + ".json");
    try {
      return Files.exists(file) ? Optional.ofNullable(JSON.readTree(file.toFile()).path("anchoredHash").asText(null)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void writeToSink(Recorded a) {
    try {
      Files.createDirectories(sink);
      Map<String, Object> copy = new LinkedHashMap<>();
      copy.put("anchoredSeq", a.anchoredSeq());
      copy.put("anchoredHash", a.anchoredHash());
      copy.put("recordedAt", a.recordedAt().toString());
      copy.put("eventSeq", a.eventSeq());
      copy.put("tsa", a.tsa());
      write(sink.resolve("anchor-" + a.anchoredSeq() + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(copy));
      if (a.token() != null) {
        write(sink.resolve("anchor-" + a.anchoredSeq() + ".tsr"), a.token());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The anchor is recorded in the chain but could not be written to " + sink + ": " + e.getMessage(), e);
    }
  }

  /** Written whole or not at all (temporary file, then moved), so a sink never holds half an anchor. */
  private static void write(Path target, byte[] content) throws IOException {
    Path temporary = Files.createTempFile(target.getParent(), ".anchor-", ".tmp");
    Files.write(temporary, content);
    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static Recorded parse(long seq, Instant at, String payload) {
    try {
      JsonNode p = JSON.readTree(payload);
      String token = p.path("token").asText(null);
      return new Recorded(seq, p.path("anchoredSeq").asLong(), p.path("anchoredHash").asText(), at, p.path("tsa").asText(null),
          token == null ? null : Base64.getDecoder().decode(token));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
