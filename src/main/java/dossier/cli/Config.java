package dossier.cli;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * Defaults for any option from a properties file: {@code $DOSSIER_CONFIG}, else {@code
 * $XDG_CONFIG_HOME/dossier/config}, else {@code ~/.config/dossier/config}. A key is an option's
 * long name without dashes ({@code color = never}), for one command only when prefixed with the
 * command's name ({@code list.sort = oldest}). Options given on the command line win. A key that no
 * command has, or a value its option cannot take, is reported with the file and the line.
 */
final class Config {
  private Config() {}

  /** What was wrong in the file: warnings (unknown keys) and errors (bad values). */
  record Problems(List<String> warnings, List<String> errors) {
    static final Problems NONE = new Problems(List.of(), List.of());
  }

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

  /** One key of the file: its value and the line it is on. */
  private record Entry(String value, int line) {}

  /**
   * Reads defaults from the config file, when there is one, for {@code cl} and its subcommands, and
   * says what in it is wrong.
   */
  static Problems apply(CommandLine cl, Env env) {
    Path p = path(env);
    if (p == null || !Files.isRegularFile(p)) {
      return Problems.NONE;
    }
    Map<String, Entry> entries;
    try {
      entries = read(Files.readAllLines(p, StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
      // An unreadable config must not stop dossier (not even --help): run with built-in defaults.
      return new Problems(
          List.of("cannot read the config file " + p + " (" + e.getMessage() + "); ignored"),
          List.of());
    }
    Map<String, List<Class<?>>> known = keys(env);
    List<String> warnings = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Map<String, String> good = new HashMap<>();
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      String key = e.getKey();
      String value = e.getValue().value();
      String where = p + " line " + e.getValue().line() + ": ";
      List<Class<?>> types = known.get(key);
      if (types == null) {
        String hint = dossier.query.Fields.closest(key, List.copyOf(known.keySet()));
        warnings.add(
            where
                + "unknown key '"
                + key
                + "'"
                + (hint != null ? " (did you mean '" + hint + "'?)" : "")
                + "; ignored");
        continue;
      }
      // a free-text option of that name (a path, a word) cannot say the value is wrong
      List<Class<?>> closed =
          types.stream().filter(t -> t != String.class && t != Path.class).toList();
      if (!closed.isEmpty() && closed.stream().noneMatch(t -> accepts(t, value))) {
        String option = "--" + key.substring(key.lastIndexOf('.') + 1);
        errors.add(
            where + option + " takes " + UsageErrors.what(closed.get(0)) + ", got '" + value + "'");
        continue;
      }
      good.put(key, value);
    }
    cl.setDefaultValueProvider(arg -> lookup(arg, good));
    return new Problems(List.copyOf(warnings), List.copyOf(errors));
  }

  /**
   * The default for one option: its command's own key first, else the key for every command that
   * has the option, where the value fits this command's option (format = ids means the listings,
   * not show).
   */
  private static String lookup(ArgSpec arg, Map<String, String> values) {
    if (!(arg instanceof OptionSpec o) || o.command() == null) {
      return null;
    }
    String name = key(o.longestName());
    String path = o.command().qualifiedName(".");
    String command = path.contains(".") ? path.substring(path.indexOf('.') + 1) : "";
    String own = values.get(command.isEmpty() ? name : command + "." + name);
    if (own != null) {
      return own;
    }
    String any = values.get(name);
    return any != null && accepts(o.type(), any) ? any : null;
  }

  /** Every key the file may set, with the types of the options it sets. */
  static Map<String, List<Class<?>>> keys(Env env) {
    Map<String, List<Class<?>>> known = new HashMap<>();
    collect(new DossierCommand(env).model(), "", known);
    for (DossierCommand.Sub c : DossierCommand.SUBCOMMANDS) {
      if (c.model() != null) {
        collect(c.model().get(), c.name() + ".", known);
      } else {
        collect(c.annotated(), c.name() + ".", known);
      }
    }
    return known;
  }

  /** The logical lines of a properties file, each key with the line it starts on. */
  private static Map<String, Entry> read(List<String> lines) throws IOException {
    Map<String, Entry> out = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int first = i;
      StringBuilder logical = new StringBuilder(lines.get(i));
      // a line ending in an odd number of backslashes goes on on the next one
      while (endsInContinuation(logical) && i + 1 < lines.size()) {
        logical.append('\n').append(lines.get(++i));
      }
      String text = logical.toString().strip();
      if (text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
        continue;
      }
      Properties one = new Properties();
      one.load(new StringReader(logical.toString()));
      for (String key : one.stringPropertyNames()) {
        out.put(key.strip(), new Entry(one.getProperty(key).strip(), first + 1));
      }
    }
    return out;
  }

  private static boolean endsInContinuation(CharSequence s) {
    int n = 0;
    for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  private static String key(String optionName) {
    return optionName.replaceFirst("^-+", "");
  }

  /**
   * Every option key of a model built in code and its mixins, with their types, as {@link
   * #collect(Class, String, Map)} finds them in an annotated command.
   */
  private static void collect(CommandSpec spec, String prefix, Map<String, List<Class<?>>> out) {
    for (OptionSpec o : spec.options()) {
      if (!o.inherited() && !o.usageHelp() && !o.versionHelp()) {
        add(key(o.longestName()), o.type(), prefix, out);
      }
    }
    if (spec.mixinStandardHelpOptions()) {
      out.computeIfAbsent("help", x -> new ArrayList<>()).add(boolean.class);
    }
  }

  private static void add(
      String name, Class<?> type, String prefix, Map<String, List<Class<?>>> out) {
    out.computeIfAbsent(name, x -> new ArrayList<>()).add(type);
    if (!prefix.isEmpty()) {
      out.computeIfAbsent(prefix + name, x -> new ArrayList<>()).add(type);
    }
  }

  /** Every option key of {@code c}, its mixins and its subcommands, with their types. */
  private static void collect(Class<?> c, String prefix, Map<String, List<Class<?>>> out) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        Option o = f.getAnnotation(Option.class);
        if (o != null) {
          String longest = "";
          for (String n : o.names()) {
            if (n.length() > longest.length()) {
              longest = n;
            }
          }
          add(key(longest), f.getType(), prefix, out);
        } else if (f.getAnnotation(Mixin.class) != null) {
          collect(f.getType(), prefix, out);
        }
      }
    }
    Command cmd = c.getAnnotation(Command.class);
    if (cmd != null) {
      if (cmd.mixinStandardHelpOptions()) {
        out.computeIfAbsent("help", x -> new ArrayList<>()).add(boolean.class);
      }
      for (Class<?> sub : cmd.subcommands()) {
        Command s = sub.getAnnotation(Command.class);
        if (s != null && sub != CommandLine.HelpCommand.class) {
          collect(sub, prefix + s.name() + ".", out);
        }
      }
    }
  }

  /** True when an option of {@code type} can take {@code value}. */
  static boolean accepts(Class<?> type, String value) {
    String v = value.strip();
    try {
      if (type == int.class || type == Integer.class) {
        Integer.parseInt(v);
      } else if (type == long.class || type == Long.class) {
        Long.parseLong(v);
      } else if (type == double.class || type == Double.class) {
        Double.parseDouble(v);
      } else if (type == boolean.class || type == Boolean.class) {
        return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
      } else if (type.isEnum()) {
        for (Object c : type.getEnumConstants()) {
          if (c.toString().equalsIgnoreCase(v)) {
            return true;
          }
        }
        return false;
      }
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
