package dev.custos.cli;

import dev.custos.crypto.TrustAnchors;
import dev.custos.error.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --trust FILE.pem}, {@code --trust-fingerprint SHA256} and the lab's trust store {@code
 * $CUSTOS_TRUST}: the anchors that decide who signed. Use as {@code @Mixin TrustOptions trust;} and
 * call {@link #anchors()}.
 */
final class TrustOptions {
  /** A directory of PEM files the lab configures once: its CA (and the CAs of labs it takes evidence from). */
  static final String STORE_VARIABLE = "CUSTOS_TRUST";

  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  @Option(names = "--trust", paramLabel = "FILE.pem",
      description = {"A trust anchor: a lab CA's (or an examiner's) certificate, PEM. Repeatable. With any anchor",
          "(or $" + STORE_VARIABLE + "), a signature that does not chain to one at its signing time fails."})
  List<Path> files = new ArrayList<>();

  @Option(names = "--trust-fingerprint", paramLabel = "SHA256",
      description = "A trust anchor by the SHA-256 of its certificate (as openssl x509 -fingerprint -sha256 shows it). Repeatable.")
  List<String> fingerprints = new ArrayList<>();

  /**
   * The anchors of {@code --trust}, {@code --trust-fingerprint} and {@code $CUSTOS_TRUST}; none
   * when nothing is given.
   *
   * @throws UsageException if a file or the store cannot be read, or a fingerprint is malformed
   */
  TrustAnchors anchors() throws UsageException {
    String store = Environment.of(mixee).variable(STORE_VARIABLE);
    return TrustAnchors.load(files, fingerprints, store == null ? null : Path.of(store), "$" + STORE_VARIABLE);
  }

  /**
   * The anchors of timestamp authorities: {@code authorities} ({@code --tsa-trust}) and {@code
   * $CUSTOS_TRUST}.
   *
   * @throws UsageException if a file or the store cannot be read
   */
  TrustAnchors authorities(List<Path> authorities) throws UsageException {
    String store = Environment.of(mixee).variable(STORE_VARIABLE);
    return TrustAnchors.load(authorities, List.of(), store == null ? null : Path.of(store), "$" + STORE_VARIABLE);
  }
}
