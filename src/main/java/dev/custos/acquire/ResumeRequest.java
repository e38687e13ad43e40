package dev.custos.acquire;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the examiner asked of {@code acquire resume}. Everything else (case, parameters, the
 * source's identity) comes from the evidence directory's custody log.
 *
 * @param directory the evidence directory of the interrupted acquisition
 * @param source the source's path now, when it differs from the recorded one (a drive that came
 *     back under another name), or {@code null}
 * @param setReadOnly whether to set the kernel's read-only flag of a device
 * @param hardwareBlocker the declared hardware write blocker, or {@code null}
 */
public record ResumeRequest(Path directory, Path source, boolean setReadOnly, String hardwareBlocker) {
  public ResumeRequest {
    Objects.requireNonNull(directory, "directory");
  }
}
