package dossier.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.PropertiesDefaultProvider;

/**
 * Defaults for any option from a properties file: {@code $DOSSIER_CONFIG}, else {@code
 * $XDG_CONFIG_HOME/dossier/config}, else {@code ~/.config/dossier/config}. A key is an option's
 * long name without dashes ({@code color = never}), for one command only when prefixed with the
 * command's name ({@code list.sort = oldest}). Options given on the command line win.
 */
final class Config {
  private Config() {}

  /** The config file the environment names, or null when there is no home to look in. */
  static Path path(Env env) {
    String explicit = env.get("DOSSIER_CONFIG");
    if (explicit != null) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "dossier", "config");
    }
    String home = env.get("HOME");
    return home == null ? null : Path.of(home, ".config", "dossier", "config");
  }

  /** Reads defaults from the config file, when there is one, for {@code cl} and its subcommands. */
  static void apply(CommandLine cl, Env env) {
    Path p = path(env);
    if (p == null || !Files.isRegularFile(p)) {
      return;
    }
    Properties props = new Properties();
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      props.load(r);
    } catch (IOException | IllegalArgumentException e) {
      // An unreadable config must not stop dossier (not even --help): run with built-in defaults.
      return;
    }
    // picocli looks a command's keys up by its full path (dossier.list.sort); let people write
    // list.sort. Option names have no dots, so a key with one names a command.
    Properties full = new Properties();
    for (String key : props.stringPropertyNames()) {
      String k = key.contains(".") && !key.startsWith("dossier.") ? "dossier." + key : key;
      full.setProperty(k, props.getProperty(key).strip());
    }
    cl.setDefaultValueProvider(new PropertiesDefaultProvider(full));
  }
}
