package io.cordon.evidence;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time-stamp authority inside the test JVM (BouncyCastle's token generator behind the JDK's HTTP server),
 * so that anchoring is tested end to end without the network. Its certificate is issued by a test root CA and has
 * the critical time-stamping extended key usage that {@code openssl ts -verify} requires.
 */
public final class TestTimestampAuthority implements AutoCloseable {

  private final HttpServer server;
  private final X509CertificateHolder certificate;
  private final AtomicLong serial = new AtomicLong(1);
  private final TimeStampTokenGenerator tokens;

  public TestTimestampAuthority() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair caKeys = generator.generateKeyPair();
    KeyPair tsaKeys = generator.generateKeyPair();
    X500Name caName = new X500Name("CN=Cordon Test Root CA, O=Cordon Tests");
    X500Name tsaName = new X500Name("CN=Cordon Test TSA, O=Cordon Tests");
    Instant now = Instant.now();
    Date from = Date.from(now.minus(1, ChronoUnit.DAYS));
    Date to = Date.from(now.plus(365, ChronoUnit.DAYS));
    JcaX509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, from, to, caName, caKeys.getPublic());
    ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    certificate = ca.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate()));
    JcaX509v3CertificateBuilder tsa = new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, from, to, tsaName, tsaKeys.getPublic());
    tsa.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    tsa.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    tsa.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    X509CertificateHolder tsaCertificate = tsa.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate()));
    tokens = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", tsaKeys.getPrivate(),
        new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(tsaCertificate)),
        new JcaDigestCalculatorProviderBuilder().build().get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
            org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)),
        new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4.1"));
    // The token carries the authority's certificate and its root, as many public authorities do.
    tokens.addCertificates(new JcaCertStore(List.of(tsaCertificate, certificate)));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/tsa", exchange -> {
      try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
        TimeStampRequest request = new TimeStampRequest(in.readAllBytes());
        byte[] response = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
            .generate(request, BigInteger.valueOf(serial.getAndIncrement()), new Date()).getEncoded();
        exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
        exchange.sendResponseHeaders(200, response.length);
        out.write(response);
      } catch (Exception e) {
        exchange.sendResponseHeaders(500, -1);
        throw new IOException(e);
      }
    });
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
  }

  /** The root CA certificate, as a verifier would obtain it from the authority. */
  public String certificatePem() throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(certificate);
    }
    return out.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
