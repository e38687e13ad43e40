package dev.custos.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * The workstation an action ran on.
 *
 * @param hostname the kernel's host name
 * @param os operating system, kernel version and architecture
 * @param user the account that ran Custos
 * @param java the Java runtime
 * @param timeZone the workstation's time zone, an IANA id such as {@code Europe/Berlin} (the JVM's
 *     default, which honours {@code TZ}); null in records made before Custos recorded it, or when
 *     {@code TZ} was a rule the JVM cannot follow ({@link TimeDisplay#workstationZone()})
 */
public record HostInfo(String hostname, String os, String user, String java, String timeZone) {

  /** This machine, as the kernel and the JVM tell; its time zone is the JVM's default zone. */
  public static HostInfo current() {
    String hostname;
    try {
      hostname = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      hostname = "unknown";
    }
    return new HostInfo(
        hostname,
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        System.getProperty("user.name"),
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
        TimeDisplay.workstationZone().map(ZoneId::getId).orElse(null));
  }

  /** How times read on this workstation: UTC and its local time (UTC alone when no zone is recorded). */
  public TimeDisplay times() {
    return TimeDisplay.recorded(timeZone);
  }
}
