package dev.custos.verify;

import dev.custos.custody.CustodyEvent;
import dev.custos.custody.CustodyVerdict;
import dev.custos.custody.LogEvent;
import dev.custos.custody.LogEventJson;
import dev.custos.custody.LogHead;
import dev.custos.custody.Finding;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.io.EvidenceFile;
import dev.custos.io.ReadLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Check 4: the custody log's chain and signatures, as {@code report custody} checks them, and
 * every torn line a {@code log-repaired} event set aside still there with its recorded SHA-256. A
 * torn last line fails the check: it is what a crash during an append leaves, but also what
 * damage to the last event's final bytes leaves; appending this verification sets it aside.
 */
final class CustodyCheck {
  private static final String FILE = EvidenceDirectory.CUSTODY_LOG;

  private CustodyCheck() {}

  /**
   * @param verdict the log's verdict, or null when there is no log
   */
  static CheckResult check(Path directory, CustodyVerdict verdict) {
    return check(directory, verdict, List.of());
  }

  /**
   * As {@link #check(Path, CustodyVerdict)}, and a problem for each of {@code keptHeads} the log no
   * longer reaches, or diverges from ({@link LogHead#check}).
   */
  static CheckResult check(Path directory, CustodyVerdict verdict, List<LogHead> keptHeads) {
    CheckResult result = checkLog(directory, verdict);
    if (keptHeads.isEmpty() || verdict == null) {
      return result;
    }
    List<Problem> problems = new ArrayList<>(result.problems());
    for (LogHead head : keptHeads) {
      String problem = head.check(verdict);
      if (problem != null) {
        problems.add(new Problem(FILE, FILE + ": " + problem));
      }
    }
    int reached = keptHeads.size() - (problems.size() - result.problems().size());
    return CheckResult.of(Check.CUSTODY, result.summary() + ", " + reached + " of " + keptHeads.size() + " kept "
        + (keptHeads.size() == 1 ? "head" : "heads") + " reached", problems);
  }

  private static CheckResult checkLog(Path directory, CustodyVerdict verdict) {
    if (verdict == null) {
      return CheckResult.of(Check.CUSTODY, "no log", List.of(new Problem(FILE, FILE + " is missing")));
    }
    List<Problem> problems = new ArrayList<>();
    for (Finding finding : verdict.findings()) {
      // A torn last line does not break the chain, but verification says nothing changed only of a
      // log that is whole: damage to the last event's closing bytes looks exactly like a torn append.
      problems.add(new Problem(FILE, FILE + " " + finding));
    }
    for (CustodyEvent event : verdict.events()) {
      if (event.type().equals(LogEvent.LOG_REPAIRED)) {
        setAsideProblem(directory, event).ifPresent(problems::add);
      }
    }
    HeadTimestampCheck.Outcome stamps = HeadTimestampCheck.check(verdict.events());
    stamps.problems().forEach(problem -> problems.add(new Problem(FILE, FILE + " " + problem)));
    String stamped = stamps.stamped() == 0 ? "" : ", " + (stamps.stamped() - stamps.problems().size()) + " of "
        + stamps.stamped() + " head timestamps verify";
    return CheckResult.of(Check.CUSTODY, summary(verdict) + stamped, problems);
  }

  private static Optional<Problem> setAsideProblem(Path directory, CustodyEvent event) {
    LogEvent.LogRepaired repaired = LogEventJson.readLogRepaired(event.data());
    String name = repaired.setAsideAs() == null ? "" : repaired.setAsideAs();
    String recorded = repaired.tornSha256() == null ? "" : repaired.tornSha256();
    Path file = directory.resolve(name).normalize();
    if (!file.getParent().equals(directory.normalize()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(new Problem(name, name + ", the torn line set aside by custody event seq " + event.seq()
          + ", is missing"));
    }
    try {
      String sha256 = Digest.compute(HashAlgorithm.SHA_256, EvidenceFile.read(file, ReadLimit.CUSTODY_LINE)).hex();
      if (!sha256.equals(recorded)) {
        return Optional.of(new Problem(name, name + " has SHA-256 " + sha256 + ", custody event seq " + event.seq()
            + " recorded " + recorded));
      }
      return Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.of(new Problem(name, name + " is missing"));
    } catch (IOException e) {
      return Optional.of(new Problem(name, "cannot read " + name + ": " + e.getMessage()));
    }
  }

  private static String summary(CustodyVerdict verdict) {
    StringBuilder text = new StringBuilder().append(verdict.events().size()).append(verdict.events().size() == 1 ? " event" : " events");
    if (verdict.head() != null) {
      text.append(", head seq ").append(verdict.head().seq()).append(" hash ").append(verdict.head().hash());
    }
    text.append(verdict.fullySigned() ? ", every event signed" : ", " + verdict.unsignedEvents() + " unsigned");
    return text.toString();
  }
}
