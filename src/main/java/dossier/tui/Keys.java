package dossier.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.Locale;

/** Names for keystrokes, as the action table writes them: "j", "G", "C-f", "Enter", "Space". */
final class Keys {
  private Keys() {}

  /** The name of a keystroke, or null for keys the UI has no use for. */
  static String name(KeyStroke k) {
    return switch (k.getKeyType()) {
      case Character -> {
        char c = k.getCharacter();
        if (k.isCtrlDown()) {
          yield "C-" + Character.toLowerCase(c);
        }
        if (k.isAltDown()) {
          yield "M-" + c;
        }
        yield c == ' ' ? "Space" : String.valueOf(c);
      }
      case ArrowDown -> "Down";
      case ArrowUp -> "Up";
      case ArrowLeft -> "Left";
      case ArrowRight -> "Right";
      case PageDown -> "PageDown";
      case PageUp -> "PageUp";
      case Home -> "Home";
      case End -> "End";
      case Enter -> "Enter";
      case Escape -> "Esc";
      case Tab -> "Tab";
      case ReverseTab -> "S-Tab";
      case Backspace -> "Backspace";
      case Delete -> "Delete";
      default -> null;
    };
  }

  /** How a key name reads on screen: "C-f" as "Ctrl-F". */
  static String display(String key) {
    if (key.startsWith("C-")) {
      return "Ctrl-" + key.substring(2).toUpperCase(Locale.ROOT);
    }
    return key;
  }
}
