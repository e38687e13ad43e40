package dev.custos.cli;

import dev.custos.evidence.TimeDisplay;
import dev.custos.verify.CheckResult;
import dev.custos.verify.Problem;
import dev.custos.verify.VerificationResult;
import java.io.PrintWriter;
import java.util.Locale;

/** The human form of a verification: one row a check, its problems under it, then the verdict. */
final class VerificationTable {
  private VerificationTable() {}

  /** Prints {@code result}; {@code verifiedLine} is what a verified result says (as recorded, as given). */
  static void print(VerificationResult result, String verifiedLine, PrintWriter out) {
    out.println("Verifying " + TerminalText.escape(result.target().toString()));
    TimeDisplay times = TimeDisplay.workstation();
    out.println("  from " + times.of(result.started()) + " to " + times.of(result.ended()));
    out.println(String.format(Locale.ROOT, "  %-14s %-8s %s", "CHECK", "VERDICT", "DETAILS"));
    for (CheckResult check : result.checks()) {
      out.println(String.format(Locale.ROOT, "  %-14s %-8s %s", check.check().id(), check.verdict().name(),
          TerminalText.escape(check.summary())));
      for (Problem problem : check.problems()) {
        out.println(String.format(Locale.ROOT, "  %-14s %-8s - %s", "", "", TerminalText.escape(problem.line())));
      }
    }
    for (Problem warning : result.warnings()) {
      out.println("  WARNING: " + TerminalText.escape(warning.line()));
    }
    SignerList.print(result.signatures(), out);
    int problems = result.problems().size();
    String selfAsserted = result.selfAsserted() ? SignerList.SELF_ASSERTED_HEADLINE : "";
    String notVerified = "NOT VERIFIED: " + problems + (problems == 1 ? " problem" : " problems") + " (listed above)";
    if (result.incomplete()) {
      out.println(IncompleteLines.headline(result.extent(), problems == 0 ? null : notVerified) + selfAsserted);
      IncompleteLines.details(result.extent(), result.target(), out);
    } else {
      out.println((result.verified() ? "VERIFIED: " + verifiedLine : notVerified) + selfAsserted);
    }
    out.flush();
  }
}
