package dossier.store;

import dossier.core.DossierException;

/**
 * A database failure, reported to the user without SQLite internals where possible (exit code 1).
 */
public class StoreException extends DossierException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
