package dossier.cli;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Command models built in code, for the commands run most often: picocli reads no annotation for
 * them. The first annotation of each type read in a run makes the JVM spin a proxy class (about 100
 * ms of a search's start on this kind of machine), and no class-data archive holds those. Each
 * option is bound to its command's field, whose value when the model is built is the option's
 * default, as picocli takes an annotated field's.
 */
final class Specs {
  /** The key picocli files the standard help options under, as {@code mixinStandardHelpOptions}. */
  static final String STANDARD_HELP = "mixinStandardHelpOptions";

  private Specs() {}

  /** The model of {@code command}, named {@code name}, with this description. */
  static CommandSpec command(Object command, String name, String... description) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    spec.name(name);
    spec.usageMessage().description(description);
    return spec;
  }

  /**
   * The model of a command that takes a query: its description, then the pointer to the query
   * language, and its words as {@code QUERY...}, completed as a query.
   */
  static CommandSpec queryCommand(
      Object command,
      String name,
      String description,
      String arity,
      Supplier<List<String>> get,
      Consumer<List<String>> set) {
    CommandSpec spec =
        command(command, name, description, "See 'man dossier-query' for the query language.");
    spec.addPositional(
        words("QUERY", arity, get, set)
            .userObject(Completes.Kind.QUERY)
            .description("Query words and filters.")
            .build());
    return spec;
  }

  /** {@code --offset N} of the listing commands. */
  static OptionSpec offset(Supplier<Integer> get, Consumer<Integer> set) {
    return option(int.class, get, set, "--offset")
        .paramLabel("N")
        .description("Skip the first N matches.")
        .build();
  }

  /**
   * Adds {@code -h, --help} and {@code -V, --version} as picocli's {@code mixinStandardHelpOptions
   * = true} does (after the command's own options and mixins), with the same texts and keys.
   */
  static CommandSpec standardHelp(CommandSpec spec) {
    CommandSpec help = CommandSpec.create();
    boolean[] asked = new boolean[2];
    help.addOption(
        flag("helpRequested", () -> asked[0], v -> asked[0] = v, "-h", "--help")
            .usageHelp(true)
            .descriptionKey("mixinStandardHelpOptions.help")
            .description("Show this help message and exit.")
            .build());
    help.addOption(
        flag("versionRequested", () -> asked[1], v -> asked[1] = v, "-V", "--version")
            .versionHelp(true)
            .descriptionKey("mixinStandardHelpOptions.version")
            .description("Print version information and exit.")
            .build());
    spec.addMixin(STANDARD_HELP, help);
    return spec;
  }

  /** An option that takes a value of {@code type}, bound to a field by its getter and setter. */
  static <T> OptionSpec.Builder option(
      Class<T> type, Supplier<T> get, Consumer<T> set, String... names) {
    Field<T> field = new Field<>(get, set);
    return OptionSpec.builder(names)
        .type(type)
        .descriptionKey("") // as picocli's annotation default
        .getter(field)
        .setter(field)
        .initialValue(get.get())
        .hasInitialValue(true);
  }

  /**
   * A boolean option without a value, bound to the field {@code field} (whose name is its label in
   * the model, in angle brackets, as picocli labels an annotated flag).
   */
  static OptionSpec.Builder flag(
      String field, Supplier<Boolean> get, Consumer<Boolean> set, String... names) {
    return option(boolean.class, get, set, names).paramLabel("<" + field + ">");
  }

  /** A repeatable option whose values are collected into a list of strings. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static OptionSpec.Builder strings(
      Supplier<List<String>> get, Consumer<List<String>> set, String... names) {
    return option((Class) List.class, (Supplier) get, (Consumer) set, names)
        .auxiliaryTypes(String.class);
  }

  /** One positional parameter of {@code type} at {@code index}, bound by its getter and setter. */
  static <T> PositionalParamSpec.Builder positional(
      Class<T> type, String index, String arity, Supplier<T> get, Consumer<T> set) {
    Field<T> field = new Field<>(get, set);
    return PositionalParamSpec.builder()
        .index(index)
        .arity(arity)
        .type(type)
        .descriptionKey("")
        .getter(field)
        .setter(field)
        .initialValue(get.get())
        .hasInitialValue(true);
  }

  /** Positional words from {@code index} on, into a list of strings. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static PositionalParamSpec.Builder words(
      String label, String arity, Supplier<List<String>> get, Consumer<List<String>> set) {
    return positional((Class) List.class, "0..*", arity, (Supplier) get, (Consumer) set)
        .paramLabel(label)
        .required(arity.charAt(0) != '0')
        .auxiliaryTypes(String.class);
  }

  /** A field of a command as picocli reads and writes it. */
  private static final class Field<T> implements IGetter, ISetter {
    private final Supplier<T> get;
    private final Consumer<T> set;

    Field(Supplier<T> get, Consumer<T> set) {
      this.get = get;
      this.set = set;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V get() {
      return (V) get.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V set(V value) {
      V old = get();
      set.accept((T) value);
      return old;
    }
  }
}
