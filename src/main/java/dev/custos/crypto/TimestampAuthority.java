package dev.custos.crypto;

import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.error.SigningException;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 timestamp authority reached over HTTP: asks for a token over the SHA-256 of some
 * bytes (a signature value), with a fresh nonce and the TSA's certificate included, and accepts
 * only a granted answer that matches the request. Immutable and thread-safe.
 */
public final class TimestampAuthority {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI uri;
  private final SecureRandom random = new SecureRandom();

  /** The authority at {@code uri} (http or https). */
  public TimestampAuthority(URI uri) {
    this.uri = uri;
  }

  /** Where the authority is. */
  public URI uri() {
    return uri;
  }

  /**
   * A timestamp token over the SHA-256 of {@code data}, DER-encoded.
   *
   * @throws SigningException if the authority does not answer, refuses, or answers with a token
   *     that does not match the request (the message says which)
   */
  public byte[] timestamp(byte[] data) throws SigningException {
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(true);
    TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, Digest.compute(HashAlgorithm.SHA_256, data).bytes(), new BigInteger(64, random));
    byte[] answer;
    try {
      HttpResponse<byte[]> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(
          HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Content-Type", "application/timestamp-query")
              .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new SigningException("the timestamp authority " + uri + " answered HTTP " + response.statusCode()
            + "; nothing was signed");
      }
      answer = response.body();
    } catch (IOException e) {
      throw new SigningException("the timestamp authority " + uri + " did not answer (" + e.getMessage() + "); nothing was signed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SigningException("interrupted while waiting for the timestamp authority " + uri, e);
    }
    try {
      TimeStampResponse response = new TimeStampResponse(answer);
      response.validate(request);
      TimeStampToken token = response.getTimeStampToken();
      if (token == null) {
        throw new SigningException("the timestamp authority " + uri + " refused: " + response.getStatusString());
      }
      return token.getEncoded();
    } catch (TSPException | IOException e) {
      throw new SigningException("the timestamp authority " + uri + " gave an answer that does not match the request: "
          + e.getMessage(), e);
    }
  }
}
