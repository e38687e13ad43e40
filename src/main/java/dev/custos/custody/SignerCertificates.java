package dev.custos.custody;

import dev.custos.crypto.Certificates;
import dev.custos.evidence.EvidenceDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The certificates of everyone who signed in an evidence directory, by SHA-256: {@code
 * examiner.pem} (the first signer, with its chain) and {@code certificates/<sha256>.pem} (each
 * later signer whose certificate differs). Immutable once read.
 */
public final class SignerCertificates {
  /** Where signers other than the one in {@code examiner.pem} leave their certificates. */
  static final String DIRECTORY = EvidenceDirectory.CERTIFICATES;

  private final Map<String, List<X509Certificate>> chainsBySha256;
  private final List<String> problems;
  private final String examinerSha256;

  private SignerCertificates(Map<String, List<X509Certificate>> chainsBySha256, List<String> problems, String examinerSha256) {
    this.chainsBySha256 = Map.copyOf(chainsBySha256);
    this.problems = List.copyOf(problems);
    this.examinerSha256 = examinerSha256;
  }

  /** The SHA-256 of the first certificate of {@code examiner.pem}: the log's first signer's; null when there is none. */
  public String examinerSha256() {
    return examinerSha256;
  }

  /** Reads every certificate file of {@code directory}; an unreadable file is a problem, not a failure. */
  public static SignerCertificates in(Path directory) {
    Map<String, List<X509Certificate>> chains = new HashMap<>();
    List<String> problems = new ArrayList<>();
    read(directory.resolve(EvidenceDirectory.CERTIFICATE), EvidenceDirectory.CERTIFICATE, chains, problems);
    String examiner = chains.isEmpty() ? null : chains.keySet().iterator().next();
    Path others = directory.resolve(DIRECTORY);
    if (Files.isSymbolicLink(others)) {
      problems.add(DIRECTORY + "/ is a symbolic link: not followed");
    } else if (Files.isDirectory(others, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> files = Files.list(others)) {
        for (Path file : files.sorted().toList()) {
          read(file, DIRECTORY + "/" + file.getFileName(), chains, problems);
        }
      } catch (IOException e) {
        problems.add("cannot list " + DIRECTORY + "/: " + e.getMessage());
      }
    }
    return new SignerCertificates(chains, problems, examiner);
  }

  private static void read(Path file, String name, Map<String, List<X509Certificate>> chains, List<String> problems) {
    if (Files.isSymbolicLink(file)) {
      problems.add(name + " is a symbolic link: not followed");
      return;
    }
    try {
      List<X509Certificate> chain = Certificates.readPem(file);
      chains.putIfAbsent(Certificates.sha256(chain.get(0)), chain);
    } catch (NoSuchFileException e) {
      // No signer yet, or an unsigned log: events that need it say so.
    } catch (IOException e) {
      problems.add("cannot read " + name + ": " + e.getMessage());
    } catch (CertificateException e) {
      problems.add(name + " does not hold a readable certificate: " + e.getMessage());
    }
  }

  /** The chain (signer first) whose signer certificate has SHA-256 {@code sha256}. */
  public Optional<List<X509Certificate>> chain(String sha256) {
    return Optional.ofNullable(chainsBySha256.get(sha256));
  }

  /** Files that could not be read, one line each. */
  public List<String> problems() {
    return problems;
  }
}
