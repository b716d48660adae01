package dev.gememu.executor;

/** Which Python runs snippets. */
public enum Interpreter {
  /** GraalPy in supervised worker JVMs: the standard library and pure-Python packages only. */
  GRAALPY,
  /** CPython zygotes under bubblewrap, with Gemini's library set (numpy, pandas, matplotlib, ...). */
  CPYTHON,
  /** GraalPy, unless the code imports a module only CPython has. */
  AUTO;

  /** The lower-case name used on the command line, in fixtures and in the journal. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
