package dev.custos.cli;

import dev.custos.crypto.ExaminerIdentity;
import dev.custos.crypto.Signer;
import dev.custos.error.UsageException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --key FILE [--password-file FILE]}: the examiner's signing identity, for any command that
 * signs. Use as {@code @Mixin SigningKeyOptions signing;} and call {@link #signer()}; not final: {@link
 * SigningOptions} adds {@code --unsigned} and {@code --tsa} to it for the acquisitions.
 */
class SigningKeyOptions {
  /** The key file when {@code --key} is not given. */
  static final String KEY_VARIABLE = "CUSTOS_KEY";
  /** The key file's password when no {@code --password-file} is given. */
  static final String PASSWORD_VARIABLE = "CUSTOS_KEY_PASSWORD";

  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  @Option(names = "--key", paramLabel = "FILE",
      description = "The examiner's PKCS#12 key file (report keygen makes one); default: $" + KEY_VARIABLE + ".")
  Path key;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = {"File whose first line is the key file's password. Without it: $" + PASSWORD_VARIABLE + " if set,",
          "else a prompt on the terminal. Never give a password as an argument."})
  Path passwordFile;

  /** The key file named by {@code --key}, else by {@code $CUSTOS_KEY}; null when neither names one. */
  Path keyFile() {
    if (key != null) {
      return key;
    }
    String variable = Environment.of(mixee).variable(KEY_VARIABLE);
    return variable == null ? null : Path.of(variable);
  }

  /**
   * The signing identity in {@link #keyFile()}, valid now by the environment's clock, or null when
   * no key file is named at all. The password is zeroed once the key is loaded.
   *
   * @throws UsageException if there is no password, or the key file is refused (see {@link
   *     ExaminerIdentity#load})
   */
  Signer signer() throws UsageException {
    Path file = keyFile();
    if (file == null) {
      return null;
    }
    Environment environment = Environment.of(mixee);
    char[] password = passwords().existing(file, environment);
    try {
      return ExaminerIdentity.load(file, password, environment.clock().instant());
    } finally {
      Passwords.zero(password);
    }
  }

  /** The password sources of this key file: {@code --password-file}, then {@code $CUSTOS_KEY_PASSWORD}, then the terminal. */
  Passwords passwords() {
    return new Passwords(passwordFile, "--password-file", PASSWORD_VARIABLE);
  }
}
