package dossier.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The shell completion scripts, generated from the command model. Bash and zsh share picocli's
 * generated script (it loads bashcompinit under zsh), wrapped by a small function that asks {@code
 * dossier __complete} for what only the archive knows; fish is written here from the same model.
 */
final class Completions {
  /** The shells there are scripts for. */
  enum Shell {
    bash,
    zsh,
    fish
  }

  private Completions() {}

  static String script(Shell shell, CommandLine root) {
    return switch (shell) {
      case bash -> bash(root, "bash");
      case zsh -> bash(root, "zsh");
      case fish -> fish(root);
    };
  }

  /** Visible subcommands of {@code cl}, in declaration order. */
  private static List<CommandLine> subcommands(CommandLine cl) {
    List<CommandLine> out = new ArrayList<>();
    Set<CommandLine> seen = new LinkedHashSet<>();
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (!sub.getCommandSpec().usageMessage().hidden() && seen.add(sub)) {
        out.add(sub);
      }
    }
    return out;
  }

  /** The completion marker of an argument, or null. */
  static Completes.Kind kind(ArgSpec a) {
    Object element = a.userObject();
    if (element instanceof Completes.Kind k) {
      return k; // a model built in code
    }
    if (element instanceof java.lang.reflect.AnnotatedElement e) {
      Completes c = e.getAnnotation(Completes.class);
      return c == null ? null : c.value();
    }
    return null;
  }

  /** True when the command's positional parameters are a query (after tag changes or not). */
  private static boolean takesQuery(CommandSpec spec) {
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (takesQuery(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean takesQuery(ArgSpec a) {
    return kind(a) == Completes.Kind.QUERY || takesTagChanges(a);
  }

  /** True when an argument is {@code +tag -tag} operations, whose {@code +} completes tags. */
  private static boolean takesTagChanges(ArgSpec a) {
    return kind(a) == Completes.Kind.TAG_CHANGES;
  }

  /** True when an argument names a tag. */
  private static boolean namesTag(ArgSpec a) {
    return kind(a) == Completes.Kind.TAG;
  }

  /** True when an argument is a path to complete with file names. */
  private static boolean namesFile(ArgSpec a) {
    Class<?> t = a.type();
    return t == Path.class || t == File.class || kind(a) == Completes.Kind.FILE;
  }

  private static void walk(CommandLine cl, List<CommandLine> all) {
    all.add(cl);
    for (CommandLine sub : subcommands(cl)) {
      walk(sub, all);
    }
  }

  /** The command's path below the root, words joined by '/': {@code tags/rename}. */
  private static String qualified(CommandSpec spec) {
    String q = spec.qualifiedName("/");
    int slash = q.indexOf('/');
    return slash < 0 ? "" : q.substring(slash + 1);
  }

  /** True when a positional parameter of {@code spec} names saved searches that exist. */
  private static boolean namesSavedSearch(CommandSpec spec, ArgSpec a) {
    return kind(a) == Completes.Kind.SAVED_SEARCH;
  }

  /**
   * picocli completes file names only for options typed {@code Path} or {@code File}; an option
   * marked {@link Completes.Kind#FILE} that takes a string (--db: a file or a URL) gets the same
   * case.
   */
  private static String fileCases(CommandLine root, String generated) {
    List<CommandLine> all = new ArrayList<>();
    walk(root, all);
    Set<String> names = new TreeSet<>();
    for (CommandLine cl : all) {
      for (OptionSpec o : cl.getCommandSpec().options()) {
        Class<?> t = o.type();
        if (kind(o) == Completes.Kind.FILE && t != Path.class && t != File.class) {
          names.addAll(List.of(o.names()));
        }
      }
    }
    for (String n : names) {
      generated =
          generated.replace(
              "    '" + n + "')\n      return\n      ;;",
              "    '"
                  + n
                  + "')\n"
                  + "      local IFS=$'\\n'\n"
                  + "      type compopt &>/dev/null && compopt -o filenames\n"
                  + "      COMPREPLY=( $( compgen -f -- \"${curr_word}\" ) ) # files\n"
                  + "      return $?\n"
                  + "      ;;");
    }
    return generated;
  }

  private static String bash(CommandLine root, String shell) {
    String generated = AutoComplete.bash("dossier", root);
    // picocli registers for dossier.sh and dossier.bash too; dossier has only the one name
    generated =
        generated.replace(
            "complete -F _complete_dossier -o default dossier dossier.sh dossier.bash",
            "complete -F _complete_dossier -o default dossier");
    generated = fileCases(root, generated);
    Set<String> nested = new TreeSet<>();
    Set<String> queryCommands = new TreeSet<>();
    Set<String> tagCommands = new TreeSet<>();
    Set<String> tagChangeCommands = new TreeSet<>();
    Set<String> savedCommands = new TreeSet<>();
    Set<String> tagOptions = new TreeSet<>();
    Set<String> rootArgOptions = new TreeSet<>();
    Set<String> argOptions = new TreeSet<>();
    List<CommandLine> all = new ArrayList<>();
    walk(root, all);
    for (CommandLine cl : all) {
      CommandSpec spec = cl.getCommandSpec();
      String name = qualified(spec);
      if (name.isEmpty()) {
        continue;
      }
      if (name.contains("/")) {
        nested.add(name);
      }
      if (takesQuery(spec)) {
        queryCommands.add(name);
      }
      for (PositionalParamSpec p : spec.positionalParameters()) {
        if (namesTag(p)) {
          tagCommands.add(name);
        }
        if (takesTagChanges(p)) {
          tagChangeCommands.add(name);
        }
        if (namesSavedSearch(spec, p)) {
          savedCommands.add(name);
        }
      }
      for (OptionSpec o : spec.options()) {
        if (namesTag(o)) {
          tagOptions.addAll(List.of(o.names()));
        } else if (o.arity().max() > 0) {
          argOptions.addAll(List.of(o.names()));
        }
      }
    }
    for (OptionSpec o : root.getCommandSpec().options()) {
      if (o.arity().max() > 0) {
        rootArgOptions.addAll(List.of(o.names()));
      }
    }
    StringBuilder b = new StringBuilder();
    if (shell.equals("zsh")) {
      b.append("# zsh completion for dossier. Load it from ~/.zshrc with\n");
      b.append("#   source /path/to/dossier.zsh\n");
      b.append("# or: source <(dossier completion zsh)\n");
      b.append("# Generated by 'dossier completion zsh' from the command model; do not edit.\n");
      b.append("\n");
      b.append(generated.replaceFirst("^#!/usr/bin/env bash\n", ""));
    } else {
      b.append(generated);
    }
    b.append(
        """

        # --- dossier: values only the archive knows -------------------------------------------
        # Generated by 'dossier completion @SHELL@' from the command model; do not edit.
        # Tag names (after @TAGOPTS@, +TAG in tag, and tag:NAME in queries), saved-search
        # names (saved:NAME), is: values and query field names come from 'dossier __complete'.

        _dossier_nested=" @NESTED@ "
        _dossier_query_commands=" @QUERYCMDS@ "
        _dossier_tag_commands=" @TAGCMDS@ "
        _dossier_tag_change_commands=" @TAGCHANGECMDS@ "
        _dossier_saved_commands=" @SAVEDCMDS@ "
        _dossier_tag_options=" @TAGOPTS2@ "
        _dossier_root_arg_options=" @ROOTOPTS@ "
        _dossier_arg_options=" @ARGOPTS@ "

        function _dossier_complete() {
          local line="${COMP_LINE:0:$COMP_POINT}"
          local word="${line##*[[:space:]]}"
          local prev="${COMP_WORDS[COMP_CWORD-1]}"
          local cmd="" i w skip="" db=()
          for ((i = 1; i < COMP_CWORD; i++)); do
            w="${COMP_WORDS[i]}"
            if [ -n "$skip" ]; then
              [ "$skip" = --db ] && db=(--db "$w")
              skip=""
              continue
            fi
            case "$w" in
              --db=*) db=("$w") ;;
              --*=*) ;;
              -*) [[ "$_dossier_root_arg_options" == *" $w "* ]] && skip="$w" ;;
              *)
                if [ -z "$cmd" ]; then cmd="$w"
                elif [[ "$_dossier_nested" == *" $cmd/$w "* ]]; then cmd="$cmd/$w"; break
                else break
                fi
                ;;
            esac
          done
          local kind="" arg="$word"
          if [[ "$_dossier_tag_options" == *" $prev "* ]]; then
            kind=tags
          elif [[ "$_dossier_arg_options" == *" $prev "* ]] || [ -z "$cmd" ] \\
              || [[ "$word" == -* && "$word" != -tag:* ]]; then
            kind=""
          elif [[ "$_dossier_tag_change_commands" == *" $cmd "* ]] && [[ "$word" == +* ]]; then
            kind=tags; arg="${word#+}"
          elif [[ "$_dossier_tag_commands" == *" $cmd "* ]]; then
            kind=tags
          elif [[ "$_dossier_saved_commands" == *" $cmd "* ]]; then
            kind=saved
          elif [[ "$_dossier_query_commands" == *" $cmd "* ]] && [ -n "$word" ]; then
            kind=query
          fi
          if [ -z "$kind" ]; then
            _complete_dossier "$@"
            return $?
          fi
          local IFS=$'\n'
          local -a found
          found=( $(command dossier "${db[@]}" __complete "$kind" -- "$arg" 2>/dev/null) )
          if [ "$arg" != "$word" ]; then
            found=( "${found[@]/#/+}" )
          fi
          if [ -n "${BASH_VERSION:-}" ] && [[ "$COMP_WORDBREAKS" == *:* ]] && [[ "$word" == *:* ]]; then
            # bash splits words at ':': complete only the part after the last one
            local head="${word%"${word##*:}"}"
            found=( "${found[@]#"$head"}" )
          fi
          COMPREPLY=( "${found[@]}" )
          if [ ${#COMPREPLY[@]} -eq 1 ] && [[ "${COMPREPLY[0]}" == *: ]]; then
            type compopt &>/dev/null && compopt -o nospace
          fi
          if [ ${#COMPREPLY[@]} -eq 0 ] && [ "$kind" = query ]; then
            _complete_dossier "$@"
            return $?
          fi
          return 0
        }

        complete -F _dossier_complete -o default dossier
        """
            .replace("@SHELL@", shell)
            .replace("@TAGOPTS@", String.join(", ", tagOptions))
            .replace("@NESTED@", String.join(" ", nested))
            .replace("@QUERYCMDS@", String.join(" ", queryCommands))
            .replace("@TAGCMDS@", String.join(" ", tagCommands))
            .replace("@TAGCHANGECMDS@", String.join(" ", tagChangeCommands))
            .replace("@SAVEDCMDS@", String.join(" ", savedCommands))
            .replace("@TAGOPTS2@", String.join(" ", tagOptions))
            .replace("@ROOTOPTS@", String.join(" ", rootArgOptions))
            .replace("@ARGOPTS@", String.join(" ", argOptions)));
    return b.toString();
  }

  // ---------------------------------------------------------------------------------------------

  private static String fishQuote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** The first sentence of a command's or option's description, for fish's pager. */
  private static String summary(String[] description) {
    if (description == null || description.length == 0) {
      return "";
    }
    String d = String.format(description[0].replace("%n", " ")).replaceAll("\\s+", " ").strip();
    d = d.replaceAll("\\$\\{[A-Z-]+}", "").strip();
    int dot = d.indexOf(". ");
    if (dot > 0) {
      d = d.substring(0, dot);
    }
    if (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    if (d.length() > 70) {
      int cut = d.lastIndexOf(' ', 67);
      d = d.substring(0, cut > 20 ? cut : 67) + "…";
    }
    return d;
  }

  private static String fish(CommandLine root) {
    StringBuilder b = new StringBuilder();
    b.append("# fish completion for dossier: put it in ~/.config/fish/completions/dossier.fish\n");
    b.append("# or load it with: dossier completion fish | source\n");
    b.append("# Generated by 'dossier completion fish' from the command model; do not edit.\n\n");
    b.append(
        """
        function __dossier_complete
            # dossier __complete, with the --db given on the command line
            set -l tokens (commandline -opc)
            set -l db
            for i in (seq (count $tokens))
                if test "$tokens[$i]" = --db; and test $i -lt (count $tokens)
                    set db --db $tokens[(math $i + 1)]
                else if string match -q -- '--db=*' $tokens[$i]
                    set db $tokens[$i]
                end
            end
            command dossier $db __complete $argv 2>/dev/null
        end

        function __dossier_query_word
            set -l word (commandline -ct)
            string match -q -- '*:*' $word; or return
            __dossier_complete query -- $word
        end

        function __dossier_tags
            __dossier_complete tags
        end

        function __dossier_saved
            __dossier_complete saved
        end

        function __dossier_plus_tags
            set -l word (commandline -ct)
            string match -q -- '+*' $word; or return
            __dossier_complete tags -- (string sub -s 2 -- $word) | string replace -r '^' '+'
        end

        complete -c dossier -f
        """);
    CommandSpec rootSpec = root.getCommandSpec();
    List<String> topNames = new ArrayList<>();
    for (CommandLine sub : subcommands(root)) {
      topNames.add(sub.getCommandSpec().name());
    }
    String noSub = "__fish_use_subcommand";
    b.append("\n# global options\n");
    for (OptionSpec o : rootSpec.options()) {
      b.append(fishOption(o, null));
    }
    b.append("\n# commands\n");
    for (CommandLine sub : subcommands(root)) {
      CommandSpec s = sub.getCommandSpec();
      b.append("complete -c dossier -n ")
          .append(noSub)
          .append(" -a ")
          .append(s.name())
          .append(" -d ")
          .append(fishQuote(summary(s.usageMessage().description())))
          .append('\n');
    }
    for (CommandLine sub : subcommands(root)) {
      CommandSpec s = sub.getCommandSpec();
      String cond = "__fish_seen_subcommand_from " + s.name();
      b.append("\n# ").append(s.name()).append('\n');
      List<CommandLine> nested = subcommands(sub);
      if (!nested.isEmpty()) {
        List<String> nestedNames = nested.stream().map(c -> c.getCommandSpec().name()).toList();
        String noNested =
            cond + "; and not __fish_seen_subcommand_from " + String.join(" ", nestedNames);
        for (CommandLine n : nested) {
          b.append("complete -c dossier -n ")
              .append(fishQuote(noNested))
              .append(" -a ")
              .append(n.getCommandSpec().name())
              .append(" -d ")
              .append(fishQuote(summary(n.getCommandSpec().usageMessage().description())))
              .append('\n');
        }
      }
      for (OptionSpec o : s.options()) {
        if (!isInherited(o, rootSpec)) {
          b.append(fishOption(o, cond));
        }
      }
      b.append(fishPositionals(s, cond));
      for (CommandLine n : nested) {
        CommandSpec ns = n.getCommandSpec();
        String nc = cond + "; and __fish_seen_subcommand_from " + ns.name();
        for (OptionSpec o : ns.options()) {
          if (!isInherited(o, rootSpec) && s.findOption(o.longestName()) == null) {
            b.append(fishOption(o, nc));
          }
        }
        b.append(fishPositionals(ns, nc));
      }
    }
    return b.toString();
  }

  private static boolean isInherited(OptionSpec o, CommandSpec root) {
    return o.inherited()
        || root.findOption(o.longestName()) != null
            && o.scopeType() == CommandLine.ScopeType.INHERIT;
  }

  private static String fishPositionals(CommandSpec s, String cond) {
    StringBuilder b = new StringBuilder();
    for (PositionalParamSpec p : s.positionalParameters()) {
      if (p.hidden()) {
        continue;
      }
      if (namesFile(p)) {
        b.append("complete -c dossier -n ").append(fishQuote(cond)).append(" -F\n");
      } else if (p.completionCandidates() != null) {
        List<String> values = new ArrayList<>();
        p.completionCandidates().forEach(values::add);
        b.append("complete -c dossier -n ")
            .append(fishQuote(cond))
            .append(" -a ")
            .append(fishQuote(String.join(" ", values)))
            .append('\n');
      } else if (namesTag(p)) {
        b.append("complete -c dossier -n ")
            .append(fishQuote(cond))
            .append(" -a '(__dossier_tags)'\n");
      } else if (namesSavedSearch(s, p)) {
        b.append("complete -c dossier -n ")
            .append(fishQuote(cond))
            .append(" -a '(__dossier_saved)'\n");
      }
      if (takesQuery(p)) {
        b.append("complete -c dossier -n ")
            .append(fishQuote(cond))
            .append(" -a '(__dossier_query_word)'\n");
      }
      if (takesTagChanges(p)) {
        b.append("complete -c dossier -n ")
            .append(fishQuote(cond))
            .append(" -a '(__dossier_plus_tags)'\n");
      }
    }
    return b.toString();
  }

  private static String fishOption(OptionSpec o, String cond) {
    if (o.hidden()) {
      return "";
    }
    StringBuilder b = new StringBuilder("complete -c dossier");
    if (cond != null) {
      b.append(" -n ").append(fishQuote(cond));
    }
    for (String name : o.names()) {
      if (name.startsWith("--")) {
        b.append(" -l ").append(name.substring(2));
      } else if (name.length() == 2) {
        b.append(" -s ").append(name.substring(1));
      } else {
        b.append(" -o ").append(name.substring(1));
      }
    }
    if (o.arity().max() > 0) {
      if (namesFile(o)) {
        b.append(" -r -F");
      } else if (namesTag(o)) {
        b.append(" -x -a '(__dossier_tags)'");
      } else if (o.completionCandidates() != null) {
        List<String> values = new ArrayList<>();
        o.completionCandidates().forEach(values::add);
        b.append(" -x -a ").append(fishQuote(String.join(" ", values)));
      } else {
        b.append(" -x");
      }
    }
    String d = summary(o.description());
    if (!d.isEmpty()) {
      b.append(" -d ").append(fishQuote(d));
    }
    return b.append('\n').toString();
  }
}
