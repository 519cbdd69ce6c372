package org.agentmon.installer.lint;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks launchd job plists (XML or binary, anyone's) against launchd.plist(5). */
public final class PlistLinter {
  private PlistLinter() {}

  /**
   * Lints a plist's content.
   *
   * @param content the file's bytes
   * @return the findings, in file order where there is one
   */
  public static List<Finding> lint(byte[] content) {
    List<Finding> out = new ArrayList<>();
    NSObject root;
    try {
      root = PlistParser.parse(content);
    } catch (Exception | Error e) { // dd-plist throws several checked and unchecked types
      out.add(Finding.error("(file)", "not a property list: " + firstLine(e)));
      return out;
    }
    if (PlistParser.isXml(content) && PlistParser.hasLeadingSpace(content)) {
      out.add(Finding.warning("(file)", "white space before the XML declaration: launchd reads the file,"
          + " but standard XML parsers (xmllint, Python's plistlib) reject it"));
    }
    if (PlistParser.isXml(content)) {
      try {
        DuplicateKeys.check(content, out);
      } catch (Exception e) {
        out.add(Finding.error("(file)", "cannot scan for duplicate keys: " + firstLine(e)));
      }
    }
    if (!(root instanceof NSDictionary)) {
      out.add(Finding.error("(file)", "top level must be a dictionary, found " + Kinds.describe(root)));
      return out;
    }
    NSDictionary job = (NSDictionary) root;
    LaunchdKeys.JOB.check("", job, out);
    checkJob(job, out);
    return out;
  }

  /**
   * Lints a file; with {@code installed}, also its owner, mode and program. Only a regular file
   * of at most 8 MiB is read; anything else is one error finding.
   *
   * @param file the plist
   * @param installed whether the file is meant to be loaded by launchd as it is
   * @return the findings
   * @throws IOException if the file cannot be read
   */
  public static List<Finding> lint(Path file, boolean installed) throws IOException {
    return lint(file, installed, Path.of("/"));
  }

  /**
   * Lints a file laid out under another root (a staging tree or a mounted volume): the program
   * it names is looked up under {@code root}.
   *
   * @param file the plist
   * @param installed whether to check owner, mode and program too
   * @param root the file system root the job's paths are relative to
   * @return the findings
   * @throws IOException if the file cannot be read
   */
  public static List<Finding> lint(Path file, boolean installed, Path root) throws IOException {
    List<Finding> out = new ArrayList<>();
    byte[] content = PlistFile.read(file, out);
    if (content == null) {
      return out;
    }
    out.addAll(lint(content));
    if (installed) {
      InstalledChecks.check(file, content, root, out);
    }
    return out;
  }

  /** @return true if any finding is an error */
  public static boolean hasErrors(List<Finding> findings) {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  private static void checkJob(NSDictionary job, List<Finding> out) {
    NSObject label = job.get("Label");
    if (label == null) {
      out.add(Finding.error("Label", "required key is missing"));
    } else if (label instanceof NSString && ((NSString) label).getContent().isBlank()) {
      out.add(Finding.error("Label", "must not be empty"));
    }
    checkProgram(job, out);
    if (job.containsKey("OnDemand")) {
      out.add(Finding.warning("OnDemand", "deprecated since Mac OS X 10.5; use KeepAlive"));
    }
    SocketRules.check(job, out);
    PathRules.check(job, out);
  }

  private static void checkProgram(NSDictionary job, List<Finding> out) {
    NSObject program = job.get("Program");
    NSObject args = job.get("ProgramArguments");
    boolean hasProgram = program instanceof NSString;
    if (hasProgram && !((NSString) program).getContent().startsWith("/")) {
      out.add(Finding.error("Program", "must be an absolute path: \"" + ((NSString) program).getContent() + "\""));
    }
    if (job.containsKey("BundleProgram")) {
      return; // relative to the app bundle by definition (SMAppService)
    }
    if (args instanceof NSArray) {
      NSObject[] argv = ((NSArray) args).getArray();
      if (argv.length == 0 && !hasProgram) {
        out.add(Finding.error("ProgramArguments", "must not be empty when Program is not set"));
      } else if (!hasProgram && argv[0] instanceof NSString
          && !((NSString) argv[0]).getContent().startsWith("/")) {
        out.add(Finding.error("ProgramArguments[0]", "must be an absolute path when Program is not set: \""
            + ((NSString) argv[0]).getContent() + "\""));
      }
    } else if (program == null && args == null) {
      out.add(Finding.error("Program", "neither Program nor ProgramArguments is set"));
    }
  }

  static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).trim();
  }
}
