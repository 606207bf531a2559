package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.GoldenFiles;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command model, every attribute a user or a script can see (help text, option names, arity,
 * defaults, completion candidates and markers, the parser's switches), held equal to a committed
 * description: a command whose model is built in code rather than read from annotations must
 * describe itself exactly as before. Refresh with {@code mvn test -Dtest=CommandModelTest
 * -Ddossier.update=true} after a deliberate change.
 */
class CommandModelTest {
  static final Path GOLDEN =
      Cli.projectDir().resolve("src/test/resources/golden/command-model.txt");

  private static Env env() {
    return new Env(
        Map.of(), InputStream.nullInputStream(), new ByteArrayOutputStream(), false, false);
  }

  @Test
  void theModelDescribesItselfAsCommitted() {
    StringBuilder out = new StringBuilder();
    CommandLine root = DossierCommand.commandLine(env());
    describe(root, out);
    out.append("config keys: ").append(new java.util.TreeMap<>(Config.keys(env()))).append('\n');
    String actual = out.toString();
    assertThat(GoldenFiles.expected(GOLDEN, actual))
        .as("the command model changed; %s", GoldenFiles.refresh("CommandModelTest"))
        .isEqualTo(actual);
  }

  @Test
  void aRunOfOneSubcommandSetsItUpAsTheFullCommandLineDoes() {
    CommandLine full = DossierCommand.commandLine(env());
    for (Map.Entry<String, CommandLine> e : full.getSubcommands().entrySet()) {
      CommandLine one = DossierCommand.commandLine(env(), e.getKey(), "x");
      assertThat(one.getSubcommands()).containsOnlyKeys(e.getKey());
      StringBuilder alone = new StringBuilder();
      StringBuilder inFull = new StringBuilder();
      describe(one.getSubcommands().get(e.getKey()), alone);
      describe(e.getValue(), inFull);
      assertThat(alone.toString()).as(e.getKey()).isEqualTo(inFull.toString());
    }
  }

  /** The commands run most often read no annotation: each argument is bound in code. */
  @Test
  void theCommonCommandsAreBuiltInCode() {
    for (String name : CODED) {
      CommandLine cl = DossierCommand.commandLine(env(), name, "x");
      List<CommandSpec> specs =
          List.of(cl.getCommandSpec(), cl.getSubcommands().get(name).getCommandSpec());
      for (CommandSpec spec : specs) {
        for (ArgSpec a : spec.args()) {
          assertThat(a.userObject() instanceof java.lang.reflect.AnnotatedElement)
              .as("%s: %s is read from an annotation", spec.qualifiedName(), a)
              .isFalse();
        }
      }
    }
  }

  /** The subcommands whose models are built in code. */
  static final List<String> CODED =
      List.of("import", "list", "search", "count", "show", "tag", "mark", "refetch", "__complete");

  private static void describe(CommandLine cl, StringBuilder out) {
    CommandSpec spec = cl.getCommandSpec();
    out.append("== ").append(spec.qualifiedName()).append('\n');
    out.append("aliases: ").append(Arrays.toString(spec.aliases())).append('\n');
    out.append("user object: ").append(spec.userObject().getClass().getSimpleName()).append('\n');
    out.append("mixins: ").append(spec.mixins().keySet()).append('\n');
    out.append("standard help: ").append(spec.mixinStandardHelpOptions()).append('\n');
    out.append("version: ").append(Arrays.toString(spec.version())).append('\n');
    out.append("help command: ").append(spec.helpCommand()).append('\n');
    out.append("unmatched as positional: ")
        .append(cl.isUnmatchedOptionsArePositionalParams())
        .append(", case-insensitive enums: ")
        .append(cl.isCaseInsensitiveEnumValuesAllowed())
        .append(", posix clustering: ")
        .append(cl.isPosixClusteredShortOptionsAllowed())
        .append(", stop at positional: ")
        .append(cl.isStopAtPositional())
        .append('\n');
    out.append("subcommands: ").append(cl.getSubcommands().keySet()).append('\n');
    for (OptionSpec o : spec.options()) {
      out.append("option ").append(Arrays.toString(o.names()));
      out.append(" usageHelp=").append(o.usageHelp());
      out.append(" versionHelp=").append(o.versionHelp());
      out.append(" negatable=").append(o.negatable());
      out.append(" order=").append(o.order());
      out.append(" inherited=").append(o.inherited());
      args(o, out);
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      out.append("positional ").append(p.index());
      args(p, out);
    }
    out.append("-- help\n").append(cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
    for (CommandLine sub : cl.getSubcommands().values()) {
      describe(sub, out);
    }
  }

  private static void args(ArgSpec a, StringBuilder out) {
    out.append(" label=").append(a.paramLabel());
    out.append(" arity=").append(a.arity());
    out.append(" type=").append(a.type().getName());
    out.append(" aux=").append(Arrays.stream(a.auxiliaryTypes()).map(Class::getName).toList());
    out.append(" default=").append(a.defaultValue());
    out.append(" initial=").append(a.initialValue());
    out.append(" hasInitial=").append(a.hasInitialValue());
    out.append(" defaultString=").append(a.defaultValueString());
    out.append(" showDefault=").append(a.showDefaultValue());
    List<String> candidates = new ArrayList<>();
    if (a.completionCandidates() != null) {
      a.completionCandidates().forEach(candidates::add);
    }
    out.append(" candidates=").append(candidates);
    out.append(" completes=").append(Completions.kind(a));
    out.append(" scope=").append(a.scopeType());
    out.append(" required=").append(a.required());
    out.append(" hidden=").append(a.hidden());
    out.append(" interactive=").append(a.interactive());
    out.append(" split=").append(a.splitRegex());
    out.append(" hideParamSyntax=").append(a.hideParamSyntax());
    out.append(" descriptionKey=").append(a.descriptionKey());
    out.append(" group=").append(a.group() != null);
    out.append('\n');
  }
}
