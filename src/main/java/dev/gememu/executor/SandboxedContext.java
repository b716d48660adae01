package dev.gememu.executor;

import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;

/**
 * One single-use GraalPy context, denied everything by default, with its own captured stdout and
 * stderr and the snippet runner already loaded. No polyglot {@link Value} leaves this class.
 */
final class SandboxedContext {
  private final Context context;
  private final Value formatError;
  private final Value flush;
  private final CappedOutput stdout;
  private final CappedOutput stderr;
  private final CompletableFuture<Void> overflow = new CompletableFuture<>();

  private final SandboxFileSystem files;

  private SandboxedContext(Engine engine, Source runnerSource, int maxOutputBytes, SandboxFileSystem files) {
    this.files = files;
    AtomicInteger budget = new AtomicInteger(maxOutputBytes);
    this.stdout = new CappedOutput(budget, () -> overflow.complete(null));
    this.stderr = new CappedOutput(budget, () -> overflow.complete(null));
    this.context =
        Context.newBuilder("python")
            .engine(engine)
            .sandbox(SandboxPolicy.CONSTRAINED)
            .out(stdout)
            .err(stderr)
            .in(InputStream.nullInputStream())
            .allowHostAccess(HostAccess.CONSTRAINED)
            .allowHostClassLookup(className -> false)
            .allowIO(IOAccess.newBuilder().fileSystem(FileSystem.allowLanguageHomeAccess(files)).build())
            .allowCreateThread(false)
            .allowCreateProcess(false)
            .allowNativeAccess(false)
            .allowEnvironmentAccess(EnvironmentAccess.NONE)
            .allowPolyglotAccess(PolyglotAccess.NONE)
            .build();
    context.eval(runnerSource);
    Value main = context.getBindings("python");
    Value hooks = main.getMember("_gememu");
    this.formatError = hooks.getArrayElement(0);
    this.flush = hooks.getArrayElement(1);
    main.removeMember("_gememu");
  }

  static SandboxedContext create(Engine engine, Source runnerSource, int maxOutputBytes, FilesystemPolicy policy) {
    return new SandboxedContext(engine, runnerSource, maxOutputBytes,
        SandboxFileSystem.create(policy.maxBytes(), policy.pythonLibs()));
  }

  /** Runs the snippet with {@code inputFiles} in its working directory; returns the formatted Python error, or null. */
  String run(String code, java.util.Map<String, byte[]> inputFiles) {
    files.place(inputFiles);
    try {
      context.eval(Source.newBuilder("python", code, "<string>").buildLiteral());
      return null;
    } catch (PolyglotException error) {
      Value guestError = error.isExit() || error.isCancelled() || error.isInternalError() || error.isResourceExhausted()
          ? null : error.getGuestObject();
      if (guestError == null || guestError.isNull()) {
        throw error;
      }
      Value formatted = formatError.execute(guestError);
      return formatted.isNull() ? null : formatted.asString();
    } finally {
      try {
        flush.executeVoid();
      } catch (PolyglotException closing) {
        // The context was cancelled or closed meanwhile: nothing left to flush.
      }
    }
  }

  /** Completes when the snippet has written more than the output budget. */
  CompletableFuture<Void> overflow() {
    return overflow;
  }

  boolean outputOverflowed() {
    return stdout.overflowed() || stderr.overflowed();
  }

  String stdout() {
    return stdout.text();
  }

  String stderr() {
    return stderr.text();
  }

  /** Stops a running snippet from another thread; returns without waiting for it to stop. */
  void cancel() {
    try {
      context.close(true);
    } catch (RuntimeException alreadyClosing) {
      // Closing races with a snippet that just ended; either way the context is done.
    }
  }

  void close() {
    cancel();
    files.discard();
  }
}
