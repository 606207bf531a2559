package dossier.core;

/** The user asked for something malformed: a bad option value, query or tag (exit code 2). */
public class UsageException extends DossierException {
  public UsageException(String message) {
    super(message);
  }
}
