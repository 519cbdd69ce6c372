package org.agentmon.installer.install;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agentmon.installer.lint.Finding;
import org.agentmon.installer.lint.PlistLinter;
import org.agentmon.installer.render.Layout;
import org.agentmon.installer.render.RenderedFile;
import org.agentmon.installer.render.Renderer;
import org.agentmon.platform.CommandRunner;
import org.agentmon.platform.Platform;

/**
 * {@code install}, {@code uninstall} and {@code upgrade}. Files first (atomically, right owner and
 * mode), lint, then the service manager; uninstall in reverse and idempotent.
 */
public final class Installer {
  /** Mode of the state directory: the helper's state is nobody else's business. */
  static final int STATE_DIR_MODE = 0700;
  static final int DIR_MODE = 0755;
  static final int FLAG_MODE = 0600;

  private final InstallTarget target;
  private final CommandRunner runner;
  private final Host host;
  private final PrintWriter out;
  private final boolean dryRun;

  /**
   * @param target what to install where
   * @param runner runs launchctl/systemctl/ps
   * @param host what this machine offers
   * @param out where the steps are printed
   * @param dryRun print the plan, change nothing
   */
  public Installer(InstallTarget target, CommandRunner runner, Host host, PrintWriter out, boolean dryRun) {
    this.target = target;
    this.runner = runner;
    this.host = host;
    this.out = out;
    this.dryRun = dryRun;
  }

  private Layout layout() {
    return target.layout();
  }

  private Actions actions() {
    return new Actions(target.root(), dryRun, host.root(), runner, out);
  }

  private List<RenderedFile> files() {
    return Renderer.render(layout(), target.version()).stream().filter(RenderedFile::installed).toList();
  }

  private void header(String verb) {
    out.println("agentmon-installer " + verb + ": " + layout().platform().cliName() + " into " + target.root()
        + (dryRun ? " (dry run: nothing is changed)" : ""));
  }

  private void requireRoot() throws InstallException {
    if (!dryRun && !host.root() && target.isSystemRoot()) {
      throw new InstallException("must run as root to install into / (try sudo)");
    }
  }

  /**
   * Installs: writes every file, creates the state directory and the enabled flag, lints, then
   * loads the jobs.
   *
   * @return the exit code: 0 done, 1 failed
   */
  public int install() {
    header("install");
    return guarded(() -> layOutAndActivate(false));
  }

  /**
   * Upgrades when the installed files or the helper jar differ from this installer's; installs
   * when nothing is installed; otherwise does nothing.
   *
   * @return the exit code: 0 done or nothing to do, 1 failed
   */
  public int upgrade() {
    header("upgrade");
    return guarded(() -> {
      List<String> stale = staleParts();
      if (!installed()) {
        out.println("not installed: installing");
        layOutAndActivate(false);
      } else if (stale.isEmpty()) {
        out.println("up to date: nothing to do");
        CdsArchive.lay(actions(), target, dryRun, true);
      } else {
        for (String s : stale) {
          out.println("stale: " + s);
        }
        layOutAndActivate(true);
      }
    });
  }

  /**
   * Uninstalls: unloads the jobs, removes every file install wrote; state and logs stay unless
   * {@code purge}. Not being installed is success.
   *
   * @param purge also remove the state and log directories
   * @return the exit code: 0 done, 1 failed
   */
  public int uninstall(boolean purge) {
    header("uninstall");
    return guarded(() -> {
      Actions a = actions();
      if (purge) {
        a.refuseLinks(layout().ownedDirs());
      }
      if (!installed()) {
        out.println("not installed: nothing to remove");
      } else {
        requireRoot();
        a.refuseLinks(writtenPaths());
        ServiceActions s = serviceActions(a);
        if (s != null) {
          manager().deactivate(s);
        }
        for (RenderedFile f : files()) {
          a.remove(f.path());
        }
        a.remove(layout().manifest());
        a.removeTree(layout().cacheDir()); // the CDS archive: made for the jar that is going
        if (s != null) {
          manager().afterRemoval(s);
        }
      }
      if (purge) {
        for (String dir : layout().ownedDirs()) {
          a.removeTree(dir);
        }
      }
    });
  }

  /** @return true if a job file or the manifest of a previous install is there */
  public boolean installed() {
    Actions a = actions();
    return files().stream().anyMatch(f -> Files.exists(a.file(f.path())))
        || Files.exists(a.file(layout().manifest()));
  }

  /**
   * @return what differs between the installed product and this installer's: file paths whose
   *     content differs, and the helper jar when it changed since the last install
   * @throws IOException if a file cannot be read
   */
  public List<String> staleParts() throws IOException {
    Actions a = actions();
    List<String> stale = new ArrayList<>();
    for (RenderedFile f : files()) {
      Path p = a.file(f.path());
      if (!Sha256.of(f.content()).equals(Sha256.of(p))) {
        stale.add(f.path() + (Files.exists(p) ? " differs from the bundled one" : " is missing"));
      }
    }
    Map<String, String> manifest = Manifest.read(a.file(layout().manifest()));
    String jar = layout().helperJar();
    String recorded = manifest.get(jar);
    if (recorded != null && !recorded.equals(Sha256.of(a.file(jar)))) {
      stale.add(jar + " changed since the jobs were loaded (a stale helper may be running)");
    }
    return stale;
  }

  /** @return every system path install writes (files, state and log directories, flag, manifest) */
  private List<String> writtenPaths() {
    List<String> paths = new ArrayList<>(files().stream().map(RenderedFile::path).toList());
    paths.addAll(layout().ownedDirs());
    paths.add(layout().enabledFlag());
    paths.add(layout().manifest());
    paths.add(layout().cdsArchive());
    return paths;
  }

  private void layOutAndActivate(boolean upgrade) throws IOException {
    requireRoot();
    Actions a = actions();
    a.refuseLinks(writtenPaths());
    Map<String, String> hashes = new LinkedHashMap<>();
    for (RenderedFile f : files()) {
      a.write(f.path(), f.content(), f.mode());
      hashes.put(f.path(), Sha256.of(f.content()));
    }
    a.mkdirs(layout().stateDir(), STATE_DIR_MODE);
    if (layout().logDir() != null) {
      a.mkdirs(layout().logDir(), DIR_MODE);
    }
    if (!upgrade) {
      // A fresh install runs the helper; an upgrade keeps an administrator's "stop".
      a.write(layout().enabledFlag(), "1\n".getBytes(StandardCharsets.US_ASCII), FLAG_MODE);
    }
    hashes.put(layout().helperJar(), Sha256.of(a.file(layout().helperJar())));
    a.write(layout().manifest(), Manifest.render(hashes), FLAG_MODE);
    lint(a);
    CdsArchive.lay(a, target, dryRun, false); // before the helper (re)starts, so it maps the new archive
    ServiceActions s = serviceActions(a);
    if (s != null) {
      manager().activate(s, upgrade);
    }
  }

  private void lint(Actions a) throws IOException {
    boolean errors = false;
    for (RenderedFile f : files()) {
      if (!f.path().endsWith(".plist")) {
        continue;
      }
      Path p = a.file(f.path());
      List<Finding> findings;
      try {
        findings = dryRun ? PlistLinter.lint(f.content()) : PlistLinter.lint(p, host.root(), target.root());
      } catch (IOException e) {
        throw IoErrors.failed("read", p, e);
      }
      // A program missing from a staging tree is expected; the package brings it.
      findings = findings.stream().filter(x -> target.isSystemRoot() || !x.message().startsWith("program ")).toList();
      a.say("lint " + p + (findings.isEmpty() ? ": ok" : ""));
      for (Finding x : findings) {
        a.say("  " + x.format(p.toString()));
      }
      errors |= PlistLinter.hasErrors(findings);
    }
    if (errors) {
      throw new InstallException("lint found errors in what was written; not loading the jobs");
    }
  }

  /** @return how to drive the service manager, or null when it must not be touched */
  private ServiceActions serviceActions(Actions a) {
    if (!target.manageServices()) {
      a.say("skip " + (layout().platform() == Platform.MACOS ? "launchctl" : "systemctl")
          + " (files laid out under " + target.root() + ", not the running system)");
      return null;
    }
    if (!host.supervisorRunning()) {
      a.say(host.whyNot() + "; run these commands as root yourself:");
      return new ServiceActions(a, true);
    }
    return new ServiceActions(a, false);
  }

  private ServiceManager manager() {
    return layout().platform() == Platform.MACOS ? new LaunchdManager(layout()) : new SystemdManager();
  }

  private interface Body {
    void run() throws IOException;
  }

  /** @return the error's sentence; a file error the steps did not word yet still gets its path and reason */
  private static String message(Exception e) {
    if (e instanceof FileSystemException && !(e instanceof InstallException)
        && ((FileSystemException) e).getFile() != null) {
      return IoErrors.describe("access", Path.of(((FileSystemException) e).getFile()), (IOException) e);
    }
    return e.getMessage();
  }

  private int guarded(Body body) {
    try {
      body.run();
      return 0;
    } catch (IOException | RuntimeException e) {
      out.println("agentmon-installer: error: " + message(e));
      out.flush();
      return 1;
    }
  }
}
