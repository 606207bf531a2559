package dossier.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print the shell completion script for bash, zsh or fish. It completes commands and options,"
          + " and tag names, saved-search names and query fields from the archive.",
      "Load it with:%n  bash: source <(dossier completion bash)%n  zsh:  source <(dossier"
          + " completion zsh)%n  fish: dossier completion fish | source",
      "The same scripts are in the completions/ folder; bin/install puts them in place."
    })
final class CompletionCommand extends BaseCommand {
  @Parameters(paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES}.")
  Completions.Shell shell;

  @Override
  public Integer call() {
    // the full command model: a run sets up only the subcommand it executes
    out().print(Completions.script(shell, DossierCommand.commandLine(env())));
    out().flush();
    return ExitCode.OK;
  }
}
