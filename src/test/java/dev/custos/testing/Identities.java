package dev.custos.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Examiner identities made the way an examiner makes them: with {@code report keygen}. */
public final class Identities {
  private Identities() {}

  /** A key file and the file holding its password. */
  public record KeyFile(Path p12, Path passwordFile) {
    /** {@code --key P12 --password-file FILE}, to append to a command line. */
    public String[] options() {
      return new String[] {"--key", p12.toString(), "--password-file", passwordFile.toString()};
    }
  }

  /** Makes {@code directory/<file>.p12} for {@code name}, issued by the lab CA beside it (made on first use). */
  public static KeyFile keygen(Path directory, String file, String name) {
    try {
      Path password = directory.resolve(file + ".password");
      if (!Files.exists(password)) {
        Files.writeString(password, "correct horse battery staple\n", StandardCharsets.UTF_8);
      }
      Path p12 = directory.resolve(file + ".p12");
      Cli.Run run = Cli.run("report", "keygen", "--name", name, "--out", p12.toString(),
          "--password-file", password.toString(), "--lab-ca-password-file", password.toString());
      assertThat(run.exitCode()).as("report keygen: %s", run.err()).isZero();
      return new KeyFile(p12, password);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
