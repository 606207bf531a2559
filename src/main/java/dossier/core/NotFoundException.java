package dossier.core;

/** The thing asked for does not exist, such as an article id (exit code 4). */
public class NotFoundException extends DossierException {
  public NotFoundException(String message) {
    super(message);
  }
}
