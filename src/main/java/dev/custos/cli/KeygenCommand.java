package dev.custos.cli;

import dev.custos.crypto.Certificates;
import dev.custos.crypto.IdentityFiles;
import dev.custos.crypto.IdentityRequest;
import dev.custos.crypto.LabCa;
import dev.custos.crypto.Signer;
import dev.custos.error.CustosException;
import dev.custos.error.UsageException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
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
  static final String LAB_CA_FILE = "lab-ca.p12";
  static final String LAB_CA_PEM = "lab-ca.pem";

  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Option(names = "--name", paramLabel = "NAME", description = "Examiner's name: the certificate's subject CN.")
  String name;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The new PKCS#12 key file (e.g. jane.p12).")
  Path out;

  @Option(names = "--email", paramLabel = "ADDRESS", description = "Examiner's e-mail, in the certificate's subjectAltName.")
  String email;

  @Option(names = "--org", paramLabel = "NAME", description = "Organisation: the certificate's subject O.")
  String organisation;

  @Option(names = "--validity-days", paramLabel = "N",
      description = "Days the certificate is valid (default: " + 3 * 365 + ", three years).")
  Integer validityDays;

  @Option(names = "--lab-ca", paramLabel = "FILE", description = "The lab CA's PKCS#12 file (default: " + LAB_CA_FILE + " beside --out).")
  Path labCa;

  @Option(names = "--lab-ca-password-file", paramLabel = "FILE",
      description = {"File whose first line is the lab CA's password. Without it: $" + LAB_CA_PASSWORD_VARIABLE + " if set,",
          "else the examiner's --password-file or $" + SigningKeyOptions.PASSWORD_VARIABLE + ", else a prompt on the terminal."})
  Path labCaPasswordFile;

  @Option(names = "--csr", description = "Write a certificate request (PEM, beside --out) for a lab's own CA instead of issuing.")
  boolean csr;

  @Option(names = "--import", paramLabel = "CERT",
      description = "PEM file with the certificate the lab's CA issued for a --csr key (then its issuers, optional).")
  Path importCertificate;

  @Option(names = "--key-from", paramLabel = "FILE", description = "With --import: the key file --csr made.")
  Path keyFrom;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = {"File whose first line is the key file's password. Without it: $" + SigningKeyOptions.PASSWORD_VARIABLE
          + " if set, else a prompt on the terminal (twice, for a new file). With --import, the new file keeps the --key-from password."})
  Path passwordFile;

  @Override
  public Integer call() throws CustosException {
    Environment environment = Environment.of(spec);
    Instant now = environment.clock().instant();
    Passwords passwords = new Passwords(passwordFile, "--password-file", SigningKeyOptions.PASSWORD_VARIABLE);
    if (importCertificate != null || keyFrom != null) {
      return complete(environment, passwords, now);
    }
    IdentityRequest request = request();
    IdentityFiles.requireAbsent(out);
    if (csr) {
      if (labCa != null || validityDays != null) {
        throw new UsageException("--csr makes a request for the lab's own CA; --lab-ca and --validity-days do not apply");
      }
      return requestCertificate(request, environment, passwords, now);
    }
    return issue(request, environment, passwords, now);
  }

  private IdentityRequest request() throws UsageException {
    if (name == null) {
      throw new UsageException("--name is required (or --import with --key-from to complete a request)");
    }
    try {
      return new IdentityRequest(name, email, organisation,
          validityDays == null ? IdentityRequest.DEFAULT_VALIDITY : Duration.ofDays(validityDays));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private int issue(IdentityRequest request, Environment environment, Passwords passwords, Instant now) throws CustosException {
    char[] password = passwords.fresh(out, environment);
    try {
      LabCa ca = labCa(environment, passwords, now);
      Signer examiner = IdentityFiles.issue(request, ca, out, password, now);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println("Examiner identity " + out + ": " + examiner.name() + ", issued by "
          + ca.certificate().getSubjectX500Principal().getName());
      printCertificate(stdout, examiner);
      return ExitCodes.OK;
    } finally {
      Passwords.zero(password);
    }
  }

  /** The lab CA: {@code --lab-ca}, else {@code lab-ca.p12} beside the output, made now if it is not there. */
  private LabCa labCa(Environment environment, Passwords examinerPasswords, Instant now) throws CustosException {
    Passwords labPasswords = new Passwords(labCaPasswordFile, "--lab-ca-password-file", LAB_CA_PASSWORD_VARIABLE);
    Path file = labCa != null ? labCa : out.resolveSibling(LAB_CA_FILE);
    PrintWriter stdout = spec.commandLine().getOut();
    boolean exists = Files.exists(file);
    if (labCa != null || exists) {
      char[] password = labCaPassword(labPasswords, examinerPasswords, file, environment, false);
      try {
        LabCa ca = LabCa.load(file, password, now);
        stdout.println("Using lab CA " + file + " (certificate SHA-256 " + Certificates.sha256(ca.certificate()) + ")");
        return ca;
      } finally {
        Passwords.zero(password);
      }
    }
    Path pem = out.resolveSibling(LAB_CA_PEM);
    IdentityFiles.requireAbsent(pem);
    char[] password = labCaPassword(labPasswords, examinerPasswords, file, environment, true);
    try {
      LabCa ca = LabCa.create(organisation, now);
      ca.writeNew(file, pem, password);
      stdout.println("Created lab CA " + file + " and its certificate " + pem + " (SHA-256 "
          + Certificates.sha256(ca.certificate()) + "); keep " + file + " safe: it issues every examiner certificate");
      return ca;
    } finally {
      Passwords.zero(password);
    }
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

  private int requestCertificate(IdentityRequest request, Environment environment, Passwords passwords, Instant now)
      throws CustosException {
    IdentityFiles.requireAbsent(IdentityFiles.requestFileFor(out));
    char[] password = passwords.fresh(out, environment);
    try {
      Path csrFile = IdentityFiles.request(request, out, password, now);
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
    if (importCertificate == null || keyFrom == null) {
      throw new UsageException("--import CERT and --key-from FILE go together");
    }
    if (name != null || email != null || organisation != null || csr || labCa != null || validityDays != null) {
      throw new UsageException("--import takes the name and validity from the certificate; drop --name, --email, --org, "
          + "--csr, --lab-ca and --validity-days");
    }
    IdentityFiles.requireAbsent(out);
    char[] password = passwords.existing(keyFrom, environment);
    try {
      Signer examiner = IdentityFiles.complete(keyFrom, password, importCertificate, out, password, now);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println("Examiner identity " + out + ": " + examiner.name() + ", the key from " + keyFrom
          + " with the certificate from " + importCertificate);
      printCertificate(stdout, examiner);
      return ExitCodes.OK;
    } finally {
      Passwords.zero(password);
    }
  }

  private static void printCertificate(PrintWriter stdout, Signer examiner) {
    stdout.println("  certificate SHA-256 " + examiner.certificateSha256() + ", valid until "
        + examiner.certificateChain().get(0).getNotAfter().toInstant().truncatedTo(ChronoUnit.SECONDS));
  }
}
