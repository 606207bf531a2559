package dossier.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * picocli's parse errors said again in the user's words: "--limit takes a number, got 'five'"
 * rather than "'five' is not an int", "unknown command 'lst' (did you mean 'list'?)" rather than
 * "Unmatched argument at index 0".
 */
final class UsageErrors {
  private UsageErrors() {}

  static String message(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException u) {
      String unexpected = unexpected(u);
      if (unexpected != null) {
        return unexpected;
      }
      String unknown = unknownCommand(u);
      if (unknown != null) {
        return unknown;
      }
    }
    // an option the command does not have is the mistake to name, before a missing argument
    String option = firstOption(ex.getCommandLine().getUnmatchedArguments());
    if (!(ex instanceof UnmatchedArgumentException) && option != null) {
      return unknownOption(ex.getCommandLine(), option);
    }
    ArgSpec arg = ex.getArgSpec();
    String value = ex.getValue();
    if (arg != null && arg.isPositional() && value != null && value.startsWith("--")) {
      // a subcommand of a command that takes query words gets unknown options as its arguments
      return unknownOption(ex.getCommandLine(), value);
    }
    if (ex instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
      return needs(ex.getCommandLine(), m.getMissing().get(0));
    }
    if (arg != null && value != null && ex.getCause() instanceof CommandLine.TypeConversionException
        || arg != null && value != null && ex.getMessage().startsWith("Invalid value for")) {
      return takes(arg, value);
    }
    return ex.getMessage();
  }

  /** "--limit takes a number, got 'five'", or what the option takes. */
  static String takes(ArgSpec arg, String value) {
    return name(arg) + " takes " + what(arg.type()) + ", got '" + value + "'";
  }

  /** "show needs ID (the article's id)" rather than "Missing required parameter: 'ID'". */
  private static String needs(CommandLine cl, ArgSpec missing) {
    String command = cl.getCommandSpec().qualifiedName().replaceFirst("^\\S+ ", "");
    String what =
        missing instanceof OptionSpec o
            ? o.longestName() + (o.arity().max() > 0 ? " " + o.paramLabel() : "")
            : missing.paramLabel();
    String[] description = missing.description();
    String about =
        missing.isPositional() && description.length > 0 && !description[0].isBlank()
            ? " (" + lowerFirst(description[0].replaceAll("\\.$", "")) + ")"
            : "";
    return command + " needs " + what + about;
  }

  private static String lowerFirst(String s) {
    return s.length() > 1
            && Character.isUpperCase(s.charAt(0))
            && !Character.isUpperCase(s.charAt(1))
        ? Character.toLowerCase(s.charAt(0)) + s.substring(1)
        : s;
  }

  /** What values of {@code type} look like, for people. */
  static String what(Class<?> type) {
    if (type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class
        || type == short.class) {
      return "a number";
    }
    if (type == double.class || type == Double.class || type == float.class) {
      return "a decimal number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object c : type.getEnumConstants()) {
        names.add(c.toString());
      }
      return "one of " + String.join(", ", names);
    }
    return "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  private static String name(ArgSpec arg) {
    if (arg instanceof OptionSpec o) {
      return o.longestName();
    }
    return arg.paramLabel();
  }

  /**
   * For an option the command does not have: "unknown option '--limt' (did you mean '--limit'?)",
   * the same words for every command whether it takes query words or not; for a word too many,
   * "unexpected argument 'x'".
   */
  private static String unexpected(UnmatchedArgumentException u) {
    String option = firstOption(u.getUnmatched());
    if (option != null) {
      return unknownOption(u.getCommandLine(), option);
    }
    if (u.getCommandLine().getSubcommands().isEmpty() && !u.getUnmatched().isEmpty()) {
      return "unexpected argument '" + u.getUnmatched().get(0) + "'";
    }
    return null;
  }

  private static String firstOption(List<String> words) {
    for (String w : words) {
      if (w.startsWith("-") && !w.equals("-") && !w.equals("--")) {
        return w;
      }
    }
    return null;
  }

  /**
   * The message for {@code word}, an option {@code cl}'s command does not have, with the option it
   * is a typing slip away from (the same closeness as query fields and config keys).
   */
  static String unknownOption(CommandLine cl, String word) {
    int eq = word.indexOf('=');
    String name = word.startsWith("--") && eq > 0 ? word.substring(0, eq) : word;
    List<String> names = new ArrayList<>();
    for (OptionSpec o : cl.getCommandSpec().options()) {
      if (!o.hidden()) {
        names.addAll(List.of(o.names()));
      }
    }
    String close = dossier.query.Fields.closest(name, names);
    return "unknown option '"
        + name
        + "'"
        + (close == null || close.equals(name) ? "" : " (did you mean '" + close + "'?)");
  }

  /** For a first word that is no command: the message, with the commands it is closest to. */
  private static String unknownCommand(UnmatchedArgumentException u) {
    CommandLine cl = u.getCommandLine();
    if (cl.getSubcommands().isEmpty() || u.getUnmatched().isEmpty()) {
      return null;
    }
    String word = u.getUnmatched().get(0);
    List<String> close = new ArrayList<>();
    List<String> visible = new ArrayList<>();
    for (String s : cl.getSubcommands().keySet()) {
      if (!hidden(cl, s)) {
        visible.add(s);
      }
    }
    // one transposition or typo away first ('lsit' is 'list'), then picocli's own guess
    String nearest = dossier.query.Fields.closest(word, visible);
    if (nearest != null) {
      close.add("'" + nearest + "'");
    }
    for (String s : u.getSuggestions()) {
      // picocli lists the closest first
      if (cl.getSubcommands().containsKey(s) && !hidden(cl, s) && close.isEmpty()) {
        close.add("'" + s + "'");
      }
    }
    String what = cl.getParent() == null ? "command" : cl.getCommandName() + " subcommand";
    return "unknown "
        + what
        + " '"
        + word
        + "'"
        + (close.isEmpty() ? "" : " (did you mean " + close.get(0) + "?)");
  }

  private static boolean hidden(CommandLine cl, String name) {
    return cl.getSubcommands().get(name).getCommandSpec().usageMessage().hidden();
  }
}
