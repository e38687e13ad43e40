package dev.custos;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package arrows of DESIGN.md, kept by the build: {@code cli} → the use cases {@code acquire},
 * {@code verify}, {@code report} → the domain {@code evidence}, {@code custody}, {@code crypto},
 * {@code digest}, {@code image}, {@code source}, {@code error} → the ground floor {@code io}, which
 * depends on no other Custos package. Records that are not image files ({@code custody},
 * {@code crypto}, {@code report}) share the write-once rules through {@code io}, never through
 * {@code image}. Each rule that could silently pass on an empty subject has a test showing it fails
 * on a class that breaks it.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.custos";
  private static final String CLI = ROOT + ".cli..";
  private static final String ACQUIRE = ROOT + ".acquire..";
  private static final String VERIFY = ROOT + ".verify..";
  private static final String REPORT = ROOT + ".report..";
  private static final String PDFBOX = "org.apache.pdfbox..";
  private static final String[] INNER = {
      ROOT + ".digest..", ROOT + ".image..", ROOT + ".source..", ROOT + ".evidence..", ROOT + ".error..",
      ROOT + ".custody..", ROOT + ".crypto..", ROOT + ".io..", ROOT + ".rescue..", ROOT + ".partition.."};

  private static JavaClasses mainClasses;

  @BeforeAll
  static void importMainClasses() {
    mainClasses = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void mainClasses_imported() {
    assertThat(mainClasses).as("main classes under " + ROOT).hasSizeGreaterThan(50);
  }

  @Test
  void cli_nothingOutsideItDependsOnIt() {
    nothingOutsideCliDependsOnCli().check(mainClasses);
  }

  @Test
  void acquire_doesNotDependOnVerifyOrReport() {
    noClasses().that().resideInAPackage(ACQUIRE)
        .should().dependOnClassesThat().resideInAnyPackage(VERIFY, REPORT)
        .check(mainClasses);
  }

  @Test
  void acquire_doesNotDependOnPdfBox() {
    noClasses().that().resideInAPackage(ACQUIRE)
        .should().dependOnClassesThat().resideInAPackage(PDFBOX)
        .check(mainClasses);
  }

  @Test
  void pdfBox_usedOnlyByReportAndVerify() {
    noClasses().that().resideOutsideOfPackages(REPORT, VERIFY)
        .should().dependOnClassesThat().resideInAPackage(PDFBOX)
        .check(mainClasses);
  }

  @Test
  void innerPackages_doNotDependOnUseCasesOrCli() {
    noClasses().that().resideInAnyPackage(INNER)
        .should().dependOnClassesThat().resideInAnyPackage(ACQUIRE, VERIFY, REPORT, CLI)
        .check(mainClasses);
  }

  @Test
  void io_isTheGroundFloor_dependsOnNoOtherCustosPackage() {
    noClasses().that().resideInAPackage(ROOT + ".io..")
        .should().dependOnClassesThat().resideInAnyPackage(CLI, ACQUIRE, VERIFY, REPORT, ROOT + ".digest..", ROOT + ".image..",
            ROOT + ".source..", ROOT + ".evidence..", ROOT + ".error..", ROOT + ".custody..", ROOT + ".crypto..")
        .check(mainClasses);
  }

  @Test
  void partition_readsBytesOnly_dependsOnNothingButIoAndDigest() {
    noClasses().that().resideInAPackage(ROOT + ".partition..")
        .should().dependOnClassesThat().resideInAnyPackage(CLI, ACQUIRE, VERIFY, REPORT, ROOT + ".image..", ROOT + ".source..",
            ROOT + ".evidence..", ROOT + ".error..", ROOT + ".custody..", ROOT + ".crypto..", ROOT + ".rescue..")
        .check(mainClasses);
  }

  @Test
  void custodyCryptoAndReport_shareFileRulesThroughIo_neverThroughImage() {
    noClasses().that().resideInAnyPackage(ROOT + ".custody..", ROOT + ".crypto..", REPORT)
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".image..")
        .check(mainClasses);
  }

  @Test
  void digest_doesNotDependOnImageSourceOrEvidence() {
    noClasses().that().resideInAPackage(ROOT + ".digest..")
        .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".image..", ROOT + ".source..", ROOT + ".evidence..")
        .check(mainClasses);
  }

  @Test
  void verify_reHashesThroughDigestNeverThroughAcquire() {
    noClasses().that().resideInAPackage(VERIFY)
        .should().dependOnClassesThat().resideInAPackage(ACQUIRE)
        .allowEmptyShould(true)
        .check(mainClasses);
  }

  @Test
  void report_doesNotRunAcquisitions() {
    noClasses().that().resideInAPackage(REPORT)
        .should().dependOnClassesThat().resideInAPackage(ACQUIRE)
        .allowEmptyShould(true)
        .check(mainClasses);
  }

  @Test
  void exit_onlyTheCliEndsTheProcess() {
    onlyCliEndsTheProcess().check(mainClasses);
  }

  @Test
  void packages_freeOfCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(mainClasses);
  }

  @Test
  void exitRule_classOutsideCliCallingSystemExit_isReported() {
    JavaClasses offender = new ClassFileImporter().importClasses(ExitingOutsideCli.class);

    assertThat(onlyCliEndsTheProcess().evaluate(offender).hasViolation()).isTrue();
  }

  @Test
  void cliRule_classOutsideCliUsingIt_isReported() {
    JavaClasses offender = new ClassFileImporter().importClasses(UsingCliOutsideCli.class);

    assertThat(nothingOutsideCliDependsOnCli().evaluate(offender).hasViolation()).isTrue();
  }

  private static ArchRule nothingOutsideCliDependsOnCli() {
    return noClasses().that().resideOutsideOfPackage(CLI)
        .should().dependOnClassesThat().resideInAPackage(CLI);
  }

  private static ArchRule onlyCliEndsTheProcess() {
    return noClasses().that().resideOutsideOfPackage(CLI)
        .should().callMethod(System.class, "exit", int.class)
        .orShould().callMethod(Runtime.class, "exit", int.class)
        .orShould().callMethod(Runtime.class, "halt", int.class)
        .because("exit codes are decided in one place, the cli's exit-code mapper");
  }

  /** Breaks the exit rule on purpose, to show the rule can fail. Never called. */
  static final class ExitingOutsideCli {
    void stop() {
      System.exit(3);
    }
  }

  /** Breaks the cli rule on purpose, to show the rule can fail. Never called. */
  static final class UsingCliOutsideCli {
    int run() {
      return dev.custos.cli.Main.run(new String[0], null, null);
    }
  }
}
