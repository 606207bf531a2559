package dossier.cli;

/**
 * Marks a command whose positional words are a query or tag operations, which may start with a
 * minus ({@code -tag:sport}, {@code -draft}): picocli passes unknown dash words on to them as
 * positional words, and {@link BaseCommand#queryText} refuses the ones that are mistyped options.
 */
interface QueryWords {}
