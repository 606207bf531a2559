package dossier.cli;

import dossier.service.RuleService;
import dossier.store.RuleRepository.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = {
      "Auto-tag rules: every article that matches a rule's query gets its tag, on import and"
          + " when you run 'rules apply'.",
      "Example:%n  dossier rules add 'kyiv OR kharkiv' --tag ukraine"
    },
    subcommands = {
      RulesCommand.ListRules.class,
      RulesCommand.Add.class,
      RulesCommand.Rm.class,
      RulesCommand.Apply.class
    })
final class RulesCommand extends BaseCommand {
  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    return list(new RuleService(archive()).list(), output);
  }

  private int list(List<Rule> rules, OutputOptions output) {
    try (RowPrinter p = new RowPrinter(out(), output, "id", "query", "tag", "created")) {
      for (Rule r : rules) {
        p.row(r.id(), r.query(), r.tag(), r.created());
      }
    }
    return ExitCode.OK;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the rules.")
  static final class ListRules extends BaseCommand {
    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      return ((RulesCommand) spec.parent().userObject())
          .list(new RuleService(archive()).list(), output);
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a rule: articles matching QUERY get --tag.")
  static final class Add extends BaseCommand {
    @Override
    boolean createsArchive() {
      return true;
    }

    @Completes(Completes.Kind.QUERY)
    @Parameters(
        arity = "1..*",
        paramLabel = "QUERY",
        parameterConsumer = RawArgs.class,
        description = "The query.")
    List<String> query = new ArrayList<>();

    @Completes(Completes.Kind.TAG)
    @Option(names = "--tag", required = true, paramLabel = "TAG", description = "The tag to give.")
    String tag;

    @Override
    public Integer call() {
      List<String> q = new ArrayList<>(query);
      q.remove("--");
      RuleService.Added r = new RuleService(archive()).add(String.join(" ", q), tag);
      say(
          "added rule "
              + r.rule()
              + " (#"
              + r.journal()
              + " in the log; run 'dossier rules apply' to apply it to stored articles)");
      return ExitCode.OK;
    }
  }

  @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove rule N.")
  static final class Rm extends BaseCommand {
    @Parameters(paramLabel = "N", description = "The rule's id (see 'rules list').")
    long id;

    @Override
    public Integer call() {
      long j = new RuleService(archive()).remove(id);
      say("removed rule " + id + " (#" + j + " in the log; 'dossier undo' brings it back)");
      return ExitCode.OK;
    }
  }

  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      description = "Run every rule on the stored articles (only those matching QUERY, if given).")
  static final class Apply extends BaseCommand {
    @Completes(Completes.Kind.QUERY)
    @Parameters(
        arity = "0..*",
        paramLabel = "QUERY",
        parameterConsumer = RawArgs.class,
        description = "Limit to these articles.")
    List<String> query = new ArrayList<>();

    @Option(
        names = "--dry-run",
        description = "Print how many articles each rule would tag; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
      List<String> q = new ArrayList<>(query);
      q.remove("--");
      boolean dry = dryRun;
      Map<Rule, Integer> counts = new RuleService(archive()).apply(String.join(" ", q), dry);
      int total = 0;
      String verb = dry ? "would tag " : "tagged ";
      for (Map.Entry<Rule, Integer> e : counts.entrySet()) {
        total += e.getValue();
        say("rule " + e.getKey().id() + " (" + e.getKey().tag() + "): " + verb + e.getValue());
      }
      say(
          counts.size()
              + " rule"
              + (counts.size() == 1 ? "" : "s")
              + (dry ? " tried; " : " applied; ")
              + total
              + (dry ? " tags would be added (dry run: nothing changed)" : " tags added"));
      return ExitCode.OK;
    }
  }
}
