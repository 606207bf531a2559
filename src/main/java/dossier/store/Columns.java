package dossier.store;

import dossier.core.Article;
import dossier.core.ArticleField;
import dossier.core.Status;
import dossier.query.PersonState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The article row as SQL, made from {@link ArticleField}: column lists, placeholders, and how each
 * kind of field is bound and read. Every statement that writes or reads article fields is built
 * here, so none lists the columns by hand.
 */
final class Columns {
  private Columns() {}

  /** Every column of the article row (also the trash copy's), id first. */
  static final List<ArticleField> ROW = ArticleField.COLUMNS;

  /** The columns a new article is inserted with: all but the id, which SQLite gives. */
  static final List<ArticleField> NEW_ROW = select(ROW, f -> f != ArticleField.ID);

  /** The columns listings read: the row without the long text. */
  static final List<ArticleField> LISTED = select(ROW, f -> !f.isText());

  /** The columns extraction sets: what re-extraction replaces. */
  static final List<ArticleField> EXTRACTED = select(ROW, ArticleField::isExtracted);

  /** What a new import of the same text replaces: the extracted columns and the file it is. */
  static final List<ArticleField> REIMPORTED =
      select(ROW, f -> f.isExtracted() || f == ArticleField.PATH);

  /**
   * The fields of {@code from} that {@code p} selects; a derived field comes along with the one it
   * is worked out from, so that no statement writes one without the other.
   */
  static List<ArticleField> select(List<ArticleField> from, Predicate<ArticleField> p) {
    List<ArticleField> out = new ArrayList<>();
    for (ArticleField f : from) {
      if (f.isDerived() ? from.contains(f.derivedFrom()) && p.test(f.derivedFrom()) : p.test(f)) {
        out.add(f);
      }
    }
    return List.copyOf(out);
  }

  /** {@code a.title, a.source, ...} ({@code alias} null: the bare names). */
  static String names(List<ArticleField> fields, String alias) {
    StringBuilder b = new StringBuilder();
    for (ArticleField f : fields) {
      b.append(b.length() == 0 ? "" : ", ");
      if (alias != null) {
        b.append(alias).append('.');
      }
      b.append(f.column());
    }
    return b.toString();
  }

  /**
   * {@link #names} over {@code a} as a read of {@code engine} gives them: on a server, the status
   * and star are the session's person's ({@link PersonState}), under their column names.
   */
  static String read(List<ArticleField> fields, Engine engine) {
    if (engine != Engine.POSTGRES) {
      return names(fields, "a");
    }
    StringBuilder b = new StringBuilder();
    for (ArticleField f : fields) {
      b.append(b.length() == 0 ? "" : ", ");
      b.append(
          f == ArticleField.STATUS || f == ArticleField.STARRED
              ? PersonState.column(f.column()) + " AS " + f.column()
              : "a." + f.column());
    }
    return b.toString();
  }

  /** {@code (?,?,...)} for one row of these fields. */
  static String placeholders(List<ArticleField> fields) {
    return "(" + "?,".repeat(fields.size() - 1) + "?)";
  }

  /** {@code title=?, source=?, ...} */
  static String assignments(List<ArticleField> fields) {
    StringBuilder b = new StringBuilder();
    for (ArticleField f : fields) {
      b.append(b.length() == 0 ? "" : ", ").append(f.column()).append("=?");
    }
    return b.toString();
  }

  /**
   * {@code title = (SELECT t.title FROM ...), ...} as one row-value assignment: {@code (title,
   * source) = (SELECT t.title, t.source FROM <from>)}.
   */
  static String copyFrom(List<ArticleField> fields, String alias, String from) {
    return "("
        + names(fields, null)
        + ") = (SELECT "
        + names(fields, alias)
        + " FROM "
        + from
        + ")";
  }

  /** Binds {@code a}'s values of {@code fields} from parameter {@code i} on; returns the next. */
  static int bind(PreparedStatement st, int i, Article a, List<ArticleField> fields)
      throws SQLException {
    for (ArticleField f : fields) {
      Object v = f.get(a);
      switch (f.kind) {
        case ID -> {
          long id = (Long) v;
          if (id > 0) {
            st.setLong(i, id);
          } else {
            st.setNull(i, Types.INTEGER);
          }
        }
        case TEXT -> {
          String s = (String) v;
          // the row keeps an empty title and body rather than none
          st.setString(
              i, s == null && (f == ArticleField.TITLE || f == ArticleField.BODY) ? "" : s);
        }
        case LINES -> st.setString(i, String.join("\n", castList(v)));
        case STATUS -> st.setString(i, ((Status) v).label());
        case BOOL -> st.setInt(i, (Boolean) v ? 1 : 0);
        case INT -> st.setInt(i, (Integer) v);
        case ORIGINS -> st.setString(i, ArticleField.encodeOrigins(a.provenance()));
        case TAGS -> throw new IllegalArgumentException("tags have no column");
      }
      i++;
    }
    return i;
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object v) {
    return (List<String>) v;
  }

  /**
   * Reads an article from the current row: {@code fields} by their column names, the tags from a
   * column {@code tag_names} (one a line) when {@code withTags}; every other field empty.
   */
  static Article read(ResultSet rs, List<ArticleField> fields, boolean withTags)
      throws SQLException {
    Object[] v = new Object[ArticleField.values().length];
    for (ArticleField f : fields) {
      String c = f.column();
      v[f.ordinal()] =
          switch (f.kind) {
            case ID -> rs.getLong(c);
            case TEXT -> rs.getString(c);
            case LINES -> ArticleField.lines(rs.getString(c));
            case STATUS -> Status.parse(rs.getString(c));
            case BOOL -> rs.getInt(c) != 0;
            case INT -> rs.getInt(c);
            case ORIGINS -> ArticleField.decodeOrigins(rs.getString(c));
            case TAGS -> null;
          };
    }
    if (withTags) {
      v[ArticleField.TAGS.ordinal()] = ArticleField.lines(rs.getString("tag_names"));
    }
    return Article.of(v);
  }
}
