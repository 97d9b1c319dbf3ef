package dev.takt.machines.internal;

import dev.takt.connector.SignalValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A small, safe condition language for machine-state rules, e.g. {@code spindleSpeed > 0 and not
 * alarm}. Only names of the mapping's signals, numbers, 'texts', true/false, comparisons ({@code ==
 * != < <= > >=}), {@code and}, {@code or}, {@code not} and parentheses: no calls, no loops, no
 * access to anything but the signal values, at most {@value #MAX_LENGTH} characters and {@value
 * #MAX_DEPTH} levels of nesting.
 *
 * <p>A name alone is true when its signal is a true flag, a number other than 0 or a non-empty text
 * that is not {@code none}, {@code normal}, {@code ok}, {@code false} or {@code 0}; a missing or
 * unavailable signal is false, and any comparison with it is false.
 */
public final class Expression {

  public static final int MAX_LENGTH = 500;
  static final int MAX_DEPTH = 32;

  private sealed interface Node {}

  private record And(Node left, Node right) implements Node {}

  private record Or(Node left, Node right) implements Node {}

  private record Not(Node operand) implements Node {}

  private record Compare(Node left, String op, Node right) implements Node {}

  private record Name(String name) implements Node {}

  private record Literal(Object value) implements Node {}

  private final String text;
  private final Node root;
  private final Set<String> names;

  private Expression(String text, Node root, Set<String> names) {
    this.text = text;
    this.root = root;
    this.names = names;
  }

  /**
   * Parses a condition.
   *
   * @throws IllegalArgumentException with the position and what was expected
   */
  public static Expression parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the condition is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the condition is longer than " + MAX_LENGTH);
    }
    Parser p = new Parser(tokens(text));
    Node root = p.or(0);
    if (p.pos < p.tokens.size()) {
      throw new IllegalArgumentException(
          "unexpected '" + p.tokens.get(p.pos).text + "' at " + p.tokens.get(p.pos).at);
    }
    return new Expression(text, root, p.names);
  }

  /** The signal names the condition reads. */
  public Set<String> names() {
    return names;
  }

  @Override
  public String toString() {
    return text;
  }

  /** Evaluates with these signal values ({@code null} for a signal without value). */
  public boolean test(Function<String, SignalValue> values) {
    return truth(eval(root, values));
  }

  private static Object eval(Node n, Function<String, SignalValue> values) {
    return switch (n) {
      case And a -> truth(eval(a.left(), values)) && truth(eval(a.right(), values));
      case Or o -> truth(eval(o.left(), values)) || truth(eval(o.right(), values));
      case Not x -> !truth(eval(x.operand(), values));
      case Literal l -> l.value();
      case Name name -> {
        SignalValue v = values.apply(name.name());
        yield switch (v) {
          case null -> null;
          case SignalValue.Numeric num -> num.value();
          case SignalValue.Text t -> t.value();
          case SignalValue.Flag f -> f.value();
          case SignalValue.Unavailable u -> null;
        };
      }
      case Compare c -> compare(eval(c.left(), values), c.op(), eval(c.right(), values));
    };
  }

  private static boolean compare(Object left, String op, Object right) {
    if (left == null || right == null) {
      return false;
    }
    int cmp;
    if (left instanceof Double a && right instanceof Double b) {
      cmp = Double.compare(a, b);
    } else if (left instanceof Boolean a && right instanceof Boolean b) {
      cmp = Boolean.compare(a, b);
    } else if (left instanceof Boolean a && right instanceof Double b) {
      cmp = Double.compare(a ? 1 : 0, b);
    } else if (left instanceof Double a && right instanceof Boolean b) {
      cmp = Double.compare(a, b ? 1 : 0);
    } else {
      cmp = text(left).compareTo(text(right));
    }
    return switch (op) {
      case "==" -> cmp == 0;
      case "!=" -> cmp != 0;
      case "<" -> cmp < 0;
      case "<=" -> cmp <= 0;
      case ">" -> cmp > 0;
      case ">=" -> cmp >= 0;
      default -> throw new IllegalStateException(op);
    };
  }

  private static String text(Object v) {
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(v);
  }

  /** The truth of a value, as a rule and an alarm signal read it. */
  static boolean truth(Object v) {
    return switch (v) {
      case null -> false;
      case Boolean b -> b;
      case Double d -> d != 0;
      case String s -> {
        String t = s.trim().toLowerCase(Locale.ROOT);
        yield !(t.isEmpty()
            || t.equals("none")
            || t.equals("normal")
            || t.equals("ok")
            || t.equals("false")
            || t.equals("0"));
      }
      default -> false;
    };
  }

  /** The truth of a signal value ({@code null} and unavailable are false). */
  static boolean truth(SignalValue v) {
    return switch (v) {
      case null -> false;
      case SignalValue.Numeric n -> truth((Object) n.value());
      case SignalValue.Text t -> truth((Object) t.value());
      case SignalValue.Flag f -> f.value();
      case SignalValue.Unavailable u -> false;
    };
  }

  // ------------------------------------------------------------------ lexer and parser

  private record Token(String kind, String text, int at) {}

  private static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        out.add(new Token(String.valueOf(c), String.valueOf(c), i));
        i++;
      } else if ("=!<>".indexOf(c) >= 0) {
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        if (two.equals("==") || two.equals("!=") || two.equals("<=") || two.equals(">=")) {
          out.add(new Token("op", two, i));
          i += 2;
        } else if (c == '<' || c == '>') {
          out.add(new Token("op", String.valueOf(c), i));
          i++;
        } else {
          throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
        }
      } else if (c == '\'') {
        int end = s.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("text opened at " + i + " is not closed");
        }
        out.add(new Token("text", s.substring(i + 1, end), i));
        i = end + 1;
      } else if (Character.isDigit(c) || c == '-' || c == '.') {
        int start = i;
        i++;
        while (i < s.length()
            && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == 'e')) {
          i++;
        }
        String num = s.substring(start, i);
        try {
          double d = Double.parseDouble(num);
          if (!Double.isFinite(d)) {
            throw new NumberFormatException();
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + num + "' at " + start + " is not a number");
        }
        out.add(new Token("number", num, start));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
          i++;
        }
        String word = s.substring(start, i);
        String kind =
            switch (word) {
              case "and", "or", "not", "true", "false" -> word;
              default -> "name";
            };
        out.add(new Token(kind, word, start));
      } else {
        throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
      }
    }
    return out;
  }

  private static final class Parser {
    final List<Token> tokens;
    final Set<String> names = new LinkedHashSet<>();
    int pos;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    boolean at(String kind) {
      return pos < tokens.size() && tokens.get(pos).kind().equals(kind);
    }

    Token next(String what) {
      if (pos >= tokens.size()) {
        throw new IllegalArgumentException("the condition ends where " + what + " was expected");
      }
      return tokens.get(pos++);
    }

    Node or(int depth) {
      Node left = and(depth);
      while (at("or")) {
        pos++;
        left = new Or(left, and(depth));
      }
      return left;
    }

    Node and(int depth) {
      Node left = unary(depth);
      while (at("and")) {
        pos++;
        left = new And(left, unary(depth));
      }
      return left;
    }

    Node unary(int depth) {
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException("the condition nests deeper than " + MAX_DEPTH);
      }
      if (at("not")) {
        pos++;
        return new Not(unary(depth + 1));
      }
      Node left = operand(depth);
      if (at("op")) {
        String op = tokens.get(pos++).text();
        return new Compare(left, op, operand(depth));
      }
      return left;
    }

    Node operand(int depth) {
      Token t = next("a value");
      return switch (t.kind()) {
        case "(" -> {
          Node inner = or(depth + 1);
          Token close = next("')'");
          if (!close.kind().equals(")")) {
            throw new IllegalArgumentException("')' expected at " + close.at());
          }
          yield inner;
        }
        case "number" -> new Literal(Double.parseDouble(t.text()));
        case "text" -> new Literal(t.text());
        case "true" -> new Literal(Boolean.TRUE);
        case "false" -> new Literal(Boolean.FALSE);
        case "name" -> {
          names.add(t.text());
          yield new Name(t.text());
        }
        default ->
            throw new IllegalArgumentException(
                "a value expected at " + t.at() + ", not '" + t.text() + "'");
      };
    }
  }
}
