package dev.custos.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 timestamp authority on 127.0.0.1, made with Bouncy Castle's TSP classes, for tests:
 * its own self-signed certificate with the critical {@code timeStamping} extended key usage.
 */
@SuppressForbidden(reason = "jdk.httpserver is a supported JDK module (com.sun.net.httpserver is its exported API): the test TSA's HTTP endpoint")
public final class LocalTimestampAuthority implements AutoCloseable {
  private final HttpServer server;
  private final X509Certificate certificate;
  private final AtomicLong serial = new AtomicLong(1);

  private LocalTimestampAuthority(HttpServer server, X509Certificate certificate) {
    this.server = server;
    this.certificate = certificate;
  }

  /** Starts an authority on a free port of 127.0.0.1. */
  public static LocalTimestampAuthority start() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=Custos test TSA,O=Custos tests");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
    builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    X509Certificate certificate = new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
        new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()), certificate),
        new JcaDigestCalculatorProviderBuilder().build().get(
            new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)),
        new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
    tokens.addCertificates(new JcaCertStore(List.of(certificate)));
    TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    LocalTimestampAuthority authority = new LocalTimestampAuthority(server, certificate);
    server.createContext("/tsa", exchange -> {
      try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
        TimeStampRequest request = new TimeStampRequest(in.readAllBytes());
        byte[] answer = responses.generate(request, BigInteger.valueOf(authority.serial.getAndIncrement()), new Date()).getEncoded();
        exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
        exchange.sendResponseHeaders(200, answer.length);
        out.write(answer);
      } catch (Exception e) {
        exchange.sendResponseHeaders(500, -1);
        throw new IOException(e);
      }
    });
    server.start();
    return authority;
  }

  /** {@code http://127.0.0.1:PORT/tsa}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
  }

  /** The authority's certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
