package dossier;

import java.nio.file.Path;
import java.util.Map;

/**
 * The surroundings of every process a test starts: a home of its own with its own XDG folders, and
 * nothing inherited that would change what dossier does: no {@code DOSSIER_*} or {@code XDG_*}
 * variable of the person running the build, nor their {@code NO_COLOR}, {@code COLUMNS} or locale.
 * The in-process harness {@code cli.Cli} gives commands the same.
 */
public final class Sandbox {
  private Sandbox() {}

  /** Makes {@code env} (a process builder's environment) the sandbox under {@code home}. */
  public static Map<String, String> isolate(Map<String, String> env, Path home) {
    env.keySet().removeIf(k -> k.startsWith("DOSSIER_") || k.startsWith("XDG_"));
    env.remove("NO_COLOR");
    env.remove("COLUMNS");
    env.remove("LC_ALL");
    env.put("LANG", "C.UTF-8");
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
    env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
    env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
    return env;
  }
}
