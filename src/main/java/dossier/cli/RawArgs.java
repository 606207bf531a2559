package dossier.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Takes every remaining argument as it is (the command's own options before {@code --} excepted),
 * {@code --} and words like {@code -draft} or {@code -tag:sport} included, for commands whose
 * arguments are tag operations and queries.
 */
public final class RawArgs implements IParameterConsumer {
  @Override
  @SuppressWarnings("unchecked")
  public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
    List<String> list = argSpec.getValue();
    if (list == null) {
      list = new ArrayList<>();
      argSpec.setValue(list);
    }
    boolean afterSeparator = list.contains("--");
    while (!args.isEmpty()) {
      String a = args.peek();
      if (!afterSeparator && isOption(a, commandSpec)) {
        return; // let picocli parse it; it hands us the words after it again
      }
      if (!afterSeparator && a.startsWith("--") && a.length() > 2) {
        // no tag operation, status or query word before -- starts with two dashes: a mistyped
        // option, refused rather than matched as a query ("mark read --format json -- id:1")
        throw new UnmatchedArgumentException(commandSpec.commandLine(), List.of(a));
      }
      list.add(args.pop());
      afterSeparator |= a.equals("--");
    }
  }

  private static boolean isOption(String arg, CommandSpec spec) {
    int eq = arg.indexOf('=');
    String name = eq > 0 ? arg.substring(0, eq) : arg;
    return name.startsWith("-") && spec.findOption(name) != null;
  }
}
