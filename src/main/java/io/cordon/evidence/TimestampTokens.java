package io.cordon.evidence;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * RFC 3161 time-stamp tokens (BouncyCastle): asks a time-stamp authority to sign a SHA-256 digest, and reads and
 * checks a token later. The token is self-contained: it carries the digest, the time and the authority's signature
 * and certificate, so anyone can check it with {@code openssl ts -verify}.
 */
final class TimestampTokens {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final SecureRandom NONCES = new SecureRandom();

  private TimestampTokens() {
  }

  /** What a token says, and whether its signature holds (with the certificate it carries). */
  record Token(byte[] der, String imprintHex, Instant genTime, String tsaName, boolean signatureValid, String certificatesPem) {
  }

  /** Asks the authority at {@code url} to time-stamp {@code sha256}; returns the token's DER bytes. */
  static byte[] request(URI url, byte[] sha256) {
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(true);
    TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, sha256, new BigInteger(64, NONCES));
    try {
      HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/timestamp-query")
          .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("The time-stamp authority at " + url + " answered HTTP " + response.statusCode());
      }
      TimeStampResponse answer = new TimeStampResponse(response.body());
      answer.validate(request);
      if (answer.getTimeStampToken() == null) {
        throw new IllegalStateException("The time-stamp authority at " + url + " refused: " + answer.getStatusString());
      }
      return answer.getTimeStampToken().getEncoded();
    } catch (IOException | TSPException e) {
      throw new IllegalStateException("No time-stamp from " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the time-stamp authority", e);
    }
  }

  /** Reads a token; the signature is checked against the signer certificate the token carries. */
  @SuppressWarnings("unchecked")
  static Token read(byte[] der) {
    try {
      TimeStampToken token = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(der));
      SignerId signer = token.getSID();
      Collection<X509CertificateHolder> certificates = token.getCertificates().getMatches(null);
      boolean valid = false;
      for (X509CertificateHolder certificate : certificates) {
        if (signer.match(certificate)) {
          try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            valid = true;
          } catch (TSPException | org.bouncycastle.operator.OperatorCreationException | java.security.cert.CertificateException e) {
            valid = false;
          }
        }
      }
      return new Token(der, HexFormat.of().formatHex(token.getTimeStampInfo().getMessageImprintDigest()),
          token.getTimeStampInfo().getGenTime().toInstant(),
          token.getTimeStampInfo().getTsa() == null ? null : token.getTimeStampInfo().getTsa().getName().toString(),
          valid, pem(certificates));
    } catch (Exception e) {
      throw new IllegalArgumentException("Not a readable RFC 3161 time-stamp token: " + e.getMessage(), e);
    }
  }

  static boolean sameImprint(Token token, byte[] sha256) {
    return Arrays.equals(HexFormat.of().parseHex(token.imprintHex()), sha256);
  }

  private static String pem(Collection<X509CertificateHolder> certificates) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      for (X509CertificateHolder certificate : certificates) {
        writer.writeObject(certificate);
      }
    }
    return out.toString();
  }
}
