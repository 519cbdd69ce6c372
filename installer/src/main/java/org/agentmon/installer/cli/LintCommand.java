package org.agentmon.installer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.agentmon.installer.install.IoErrors;
import org.agentmon.installer.lint.Finding;
import org.agentmon.installer.lint.PlistLinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lint}: one line per finding; exit 0 without errors, 1 with errors, 2 on usage errors. A
 * file that cannot be linted (unreadable, not a regular file, over 8 MiB) is an error finding and
 * the next file is linted all the same.
 */
@Command(name = "lint", description = "Check launchd job plists against launchd.plist(5).")
final class LintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--installed", description = "also check owner root:wheel, mode and that the program exists")
  boolean installed;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "plists, XML or binary")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean errors = false;
    for (Path f : files) {
      List<Finding> findings;
      try {
        findings = PlistLinter.lint(f, installed);
      } catch (IOException e) {
        findings = List.of(new Finding(org.agentmon.installer.lint.Severity.ERROR, "(file)",
            IoErrors.describe("read", f, e)));
      }
      for (Finding finding : findings) {
        out.println(finding.format(f.toString()));
      }
      errors |= PlistLinter.hasErrors(findings);
    }
    return errors ? 1 : 0;
  }
}
