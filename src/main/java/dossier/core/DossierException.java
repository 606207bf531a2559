package dossier.core;

/** A failure with a message fit for the user; the CLI maps each subclass to an exit code. */
public class DossierException extends RuntimeException {
  public DossierException(String message) {
    super(message);
  }

  public DossierException(String message, Throwable cause) {
    super(message, cause);
  }
}
