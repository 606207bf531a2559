package dossier.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an option's or a parameter's value is, for the completion scripts: said here rather than
 * read back out of its label, so that renaming a label cannot change what completes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
@interface Completes {
  Kind value();

  /** The values the archive or the file system knows. */
  enum Kind {
    /** query words and fields ({@code title:}, {@code tag:}, {@code saved:}) */
    QUERY,
    /** {@code +tag} and {@code -tag} operations (tags that exist after the plus), then a query */
    TAG_CHANGES,
    /** a tag that exists */
    TAG,
    /** a file or folder name */
    FILE,
    /** a saved search that exists */
    SAVED_SEARCH
  }
}
