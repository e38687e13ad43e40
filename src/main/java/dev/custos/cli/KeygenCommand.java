package dev.custos.cli;

import dev.custos.crypto.Certificates;
import dev.custos.crypto.IdentityFiles;
import dev.custos.crypto.IdentityRequest;
import dev.custos.crypto.LabCa;
import dev.custos.crypto.LabCaPolicy;
import dev.custos.crypto.Signer;
import dev.custos.error.CustosException;
import dev.custos.error.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code report keygen}: makes an examiner's signing identity, issued by a lab CA; or a key and a
 * certificate request for a lab's own CA ({@code --csr}), completed later with {@code --import}.
 */
@Command(name = "keygen", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Make an examiner signing identity, or a certificate request for a lab's own CA.",
        "An ECDSA P-256 key and its X.509 certificate in a new PKCS#12 file, issued by the lab CA --lab-ca names; without"
            + " it, by lab-ca.p12 beside --out, made once (with lab-ca.pem) and reused after.",
        "--csr: the key with a placeholder certificate, and a request NAME.csr for a lab's own CA;"
            + " --import CERT --key-from KEY --out NEW completes it.",
        "Passwords come from a file, a variable or a prompt, never an argument. Custos never overwrites an existing file."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:written", ExitCodes.HELP_USAGE, ExitCodes.HELP_IO_FAILURE})
final class KeygenCommand implements Callable<Integer> {
  static final String LAB_CA_PASSWORD_VARIABLE = "CUSTOS_LAB_CA_PASSWORD";

  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The new PKCS#12 key file (e.g. jane.p12).")
  Path out;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = {"File whose first line is the key file's password. Without it: $" + SigningKeyOptions.PASSWORD_VARIABLE
          + " if set, else a prompt on the terminal (twice, for a new file). With --import, the new file keeps the --key-from password."})
  Path passwordFile;

  // The three modes as argument groups: the help shows each with its options. Which options go
  // together is checked in mode() rather than by picocli (validate = false), so that each refusal
  // keeps its own one-line wording.

  @ArgGroup(exclusive = false, validate = false, order = 1, heading = "%nThe examiner (a new identity, or with --csr a request):%n")
  Examiner examiner;

  @ArgGroup(exclusive = false, validate = false, order = 2, heading = "%nIssued by the lab CA (not with --csr):%n")
  Issuing issuing = new Issuing();

  @ArgGroup(exclusive = false, validate = false, order = 3, heading = "%nOr a request for a lab's own CA:%n")
  Request request = new Request();

  @ArgGroup(exclusive = false, validate = false, order = 4,
      heading = "%nOr completing a request (none of --name, --email, --org, --csr, --lab-ca, --validity-days):%n")
  Completion completion;

  /** Who the identity is for. */
  static final class Examiner {
    @Option(names = "--name", paramLabel = "NAME", description = "Examiner's name: the certificate's subject CN.", order = 1)
    String name;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "Examiner's e-mail, in the certificate's subjectAltName.",
        order = 2)
    String email;

    @Option(names = "--org", paramLabel = "NAME", description = "Organisation: the certificate's subject O.", order = 3)
    String organisation;
  }

  /** How the lab CA issues it. */
  static final class Issuing {
    @Option(names = "--validity-days", paramLabel = "N", order = 1,
        description = "Days the certificate is valid (default: " + 3 * 365 + ", three years).")
    Integer validityDays;

    @Option(names = "--lab-ca", paramLabel = "FILE", order = 2,
        description = "The lab CA's PKCS#12 file (default: " + LabCaPolicy.FILE + " beside --out).")
    Path labCa;

    @Option(names = "--lab-ca-password-file", paramLabel = "FILE", order = 3,
        description = "File whose first line is the lab CA's password. Without it: $" + LAB_CA_PASSWORD_VARIABLE + " if set,"
            + " else the examiner's --password-file or $" + SigningKeyOptions.PASSWORD_VARIABLE + ", else a prompt on the terminal.")
    Path labCaPasswordFile;
  }

  /** A certificate request instead. */
  static final class Request {
    @Option(names = "--csr", description = "Write a certificate request (PEM, beside --out) for a lab's own CA instead of issuing.")
    boolean csr;
  }

  /** The certificate a lab's CA issued for a request. */
  static final class Completion {
    @Option(names = "--import", paramLabel = "CERT", order = 1,
        description = "PEM file with the certificate the lab's CA issued for a --csr key (then its issuers, optional).")
    Path importCertificate;

    @Option(names = "--key-from", paramLabel = "FILE", order = 2, description = "With --import: the key file --csr made.")
    Path keyFrom;
  }

  /** What keygen is asked to do. */
  private enum Mode { ISSUE, REQUEST, COMPLETE }

  /**
   * The mode the options ask for.
   *
   * @throws UsageException if they mix two modes, or one lacks what it needs
   */
  private Mode mode() throws UsageException {
    if (completion != null) {
      if (completion.importCertificate == null || completion.keyFrom == null) {
        throw new UsageException("--import CERT and --key-from FILE go together");
      }
      if (examiner != null || request.csr || issuing.labCa != null || issuing.validityDays != null) {
        throw new UsageException("--import takes the name and validity from the certificate; drop --name, --email, --org, "
            + "--csr, --lab-ca and --validity-days");
      }
      return Mode.COMPLETE;
    }
    if (examiner == null || examiner.name == null) {
      throw new UsageException("--name is required (or --import with --key-from to complete a request)");
    }
    return request.csr ? Mode.REQUEST : Mode.ISSUE;
  }

  @Override
  public Integer call() throws CustosException {
    Environment environment = Environment.of(spec);
    Instant now = environment.clock().instant();
    Passwords passwords = new Passwords(passwordFile, "--password-file", SigningKeyOptions.PASSWORD_VARIABLE);
    Mode mode = mode();
    if (mode == Mode.COMPLETE) {
      return complete(environment, passwords, now);
    }
    IdentityRequest identity = identityRequest();
    IdentityFiles.requireAbsent(out);
    if (mode == Mode.REQUEST) {
      if (issuing.labCa != null || issuing.validityDays != null) {
        throw new UsageException("--csr makes a request for the lab's own CA; --lab-ca and --validity-days do not apply");
      }
      return requestCertificate(identity, environment, passwords, now);
    }
    return issue(identity, environment, passwords, now);
  }

  private IdentityRequest identityRequest() throws UsageException {
    try {
      return new IdentityRequest(examiner.name, examiner.email, examiner.organisation,
          issuing.validityDays == null ? IdentityRequest.DEFAULT_VALIDITY : Duration.ofDays(issuing.validityDays));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private int issue(IdentityRequest identity, Environment environment, Passwords passwords, Instant now) throws CustosException {
    char[] password = passwords.fresh(out, environment);
    try {
      LabCa ca = labCa(environment, passwords, now);
      Signer signer = IdentityFiles.issue(identity, ca, out, password, now);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println("Examiner identity " + out + ": " + signer.name() + ", issued by "
          + ca.certificate().getSubjectX500Principal().getName());
      printCertificate(stdout, signer);
      return ExitCodes.OK;
    } finally {
      Passwords.zero(password);
    }
  }

  /** The lab CA {@link LabCaPolicy} chooses, said on stdout. */
  private LabCa labCa(Environment environment, Passwords examinerPasswords, Instant now) throws CustosException {
    Passwords labPasswords = new Passwords(issuing.labCaPasswordFile, "--lab-ca-password-file", LAB_CA_PASSWORD_VARIABLE);
    LabCaPolicy.Chosen chosen = LabCaPolicy.choose(issuing.labCa, out, examiner.organisation, now,
        (file, fresh) -> labCaPassword(labPasswords, examinerPasswords, file, environment, fresh));
    PrintWriter stdout = spec.commandLine().getOut();
    String sha256 = Certificates.sha256(chosen.ca().certificate());
    if (chosen.created()) {
      stdout.println("Created lab CA " + chosen.file() + " and its certificate " + chosen.createdCertificate() + " (SHA-256 "
          + sha256 + "); keep " + chosen.file() + " safe: it issues every examiner certificate");
    } else {
      stdout.println("Using lab CA " + chosen.file() + " (certificate SHA-256 " + sha256 + ")");
    }
    return chosen.ca();
  }

  /**
   * The lab CA's password: its own file or variable; else the examiner's file or variable (so a
   * script needs one password only); else a prompt for it on the terminal.
   */
  private static char[] labCaPassword(Passwords lab, Passwords examiner, Path file, Environment environment, boolean fresh)
      throws UsageException {
    char[] password = lab.fromFileOrVariable(environment);
    if (password == null) {
      password = examiner.fromFileOrVariable(environment);
      if (password == null) {
        return fresh ? lab.fresh(file, environment) : lab.existing(file, environment);
      }
    }
    if (password.length == 0) {
      throw new UsageException("the password for " + file + " is empty");
    }
    return password;
  }

  private int requestCertificate(IdentityRequest identity, Environment environment, Passwords passwords, Instant now)
      throws CustosException {
    IdentityFiles.requireAbsent(IdentityFiles.requestFileFor(out));
    char[] password = passwords.fresh(out, environment);
    try {
      Path csrFile = IdentityFiles.request(identity, out, password, now);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println("Key file " + out + " holds the new key with a placeholder certificate: it cannot sign evidence yet.");
      stdout.println("Certificate request " + csrFile + ": send it to the lab's CA, then run");
      stdout.println("  report keygen --import CERT.pem --key-from " + out + " --out NEW.p12");
      return ExitCodes.OK;
    } finally {
      Passwords.zero(password);
    }
  }

  private int complete(Environment environment, Passwords passwords, Instant now) throws CustosException {
    Path importCertificate = completion.importCertificate;
    Path keyFrom = completion.keyFrom;
    IdentityFiles.requireAbsent(out);
    char[] password = passwords.existing(keyFrom, environment);
    try {
      Signer signer = IdentityFiles.complete(keyFrom, password, importCertificate, out, password, now);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println("Examiner identity " + out + ": " + signer.name() + ", the key from " + keyFrom
          + " with the certificate from " + importCertificate);
      printCertificate(stdout, signer);
      return ExitCodes.OK;
    } finally {
      Passwords.zero(password);
    }
  }

  private static void printCertificate(PrintWriter stdout, Signer signer) {
    stdout.println("  certificate SHA-256 " + signer.certificateSha256() + ", valid until "
        + dev.custos.evidence.TimeDisplay.workstation().of(signer.certificateChain().get(0).getNotAfter().toInstant()));
  }
}
