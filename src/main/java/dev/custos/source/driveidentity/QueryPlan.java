package dev.custos.source.driveidentity;

import dev.custos.source.SourceIdentity;
import dev.custos.source.SystemTools;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Which identity queries a source is asked at a moment, with their command lines, or why one is
 * not asked. Before the read: {@code hdparm -I} and {@code smartctl -x} of every block device
 * (the tools themselves say whether the device answers: a loop device, say, does not), and for
 * NVMe {@code smartctl -x} and the three nvme-cli queries instead of hdparm. After the read: {@code
 * smartctl -x} again, to put a drive that changed on record. A file source is asked nothing, and
 * each query says why.
 * Stateless.
 */
public final class QueryPlan {
  private static final Pattern NVME_NODE = Pattern.compile("nvme[0-9]+(c[0-9]+)?n[0-9]+(p[0-9]+)?");

  private QueryPlan() {}

  /**
   * One query of the plan.
   *
   * @param query which query
   * @param command its command line; empty when it is not run
   * @param notAvailable why it is not run; empty when it is
   */
  public record Planned(DriveQuery query, List<String> command, Optional<String> notAvailable) {
    public Planned {
      Objects.requireNonNull(query, "query");
      command = List.copyOf(command);
      Objects.requireNonNull(notAvailable, "notAvailable");
      if (command.isEmpty() == notAvailable.isEmpty()) {
        throw new IllegalArgumentException("a planned query either runs or says why not");
      }
    }
  }

  /** The plan for {@code source} at {@code moment}, with the tools found on this system's {@code PATH}. */
  public static List<Planned> of(SourceIdentity source, Moment moment) {
    String path = System.getenv("PATH");
    return of(source, moment, tool -> SystemTools.find(tool, path));
  }

  /**
   * The plan for {@code source} at {@code moment}.
   *
   * @param executables the executable of a tool by name, empty when it is not installed
   */
  public static List<Planned> of(SourceIdentity source, Moment moment, Function<String, Optional<Path>> executables) {
    List<Planned> plan = new ArrayList<>();
    if (!source.kind().isDevice()) {
      String why = "not a block device: the source is a file, which has no drive to ask";
      if (moment == Moment.BEFORE) {
        plan.add(new Planned(DriveQuery.HDPARM_IDENTIFY, List.of(), Optional.of(why)));
      }
      plan.add(new Planned(DriveQuery.SMARTCTL, List.of(), Optional.of(why)));
      return plan;
    }
    boolean nvme = isNvme(source.path());
    if (moment == Moment.BEFORE) {
      if (nvme) {
        plan.add(new Planned(DriveQuery.HDPARM_IDENTIFY, List.of(),
            Optional.of("an NVMe drive does not speak ATA: nvme id-ctrl and id-ns ask it instead")));
      } else {
        plan.add(planned(DriveQuery.HDPARM_IDENTIFY, source.path(), executables, "hdparm"));
      }
    }
    plan.add(planned(DriveQuery.SMARTCTL, source.path(), executables, "smartmontools"));
    if (nvme && moment == Moment.BEFORE) {
      for (DriveQuery query : List.of(DriveQuery.NVME_ID_CTRL, DriveQuery.NVME_ID_NS, DriveQuery.NVME_LIST_NS)) {
        plan.add(planned(query, source.path(), executables, "nvme-cli"));
      }
    }
    return plan;
  }

  private static Planned planned(DriveQuery query, Path device, Function<String, Optional<Path>> executables, String pkg) {
    Optional<Path> executable = executables.apply(query.tool());
    if (executable.isEmpty()) {
      return new Planned(query, List.of(), Optional.of(query.tool() + " not installed (Debian package " + pkg + ")"));
    }
    return new Planned(query, query.command(executable.get(), device), Optional.empty());
  }

  /** Whether {@code device} is an NVMe namespace or a partition of one, symbolic links followed. */
  static boolean isNvme(Path device) {
    Path real;
    try {
      real = device.toRealPath();
    } catch (IOException e) {
      real = device;
    }
    Path name = real.getFileName();
    return name != null && NVME_NODE.matcher(name.toString()).matches();
  }
}
