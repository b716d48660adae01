package dev.gememu.executor;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The filesystem one execution sees: a size-capped in-memory tree ({@code /root} as working
 * directory, {@code /tmp}) plus, read-only at {@link #LIBS_MOUNT}, the host's python-libs directory.
 * No other host path exists for the guest.
 *
 * <p>Paths are the host's default path type, because GraalPy's own language home (its standard
 * library) is reached through the same polyglot filesystem and the composite that grants it
 * requires one path type; each path is translated to the in-memory tree by its string.
 */
final class SandboxFileSystem implements FileSystem {
  static final Path WORKING_DIRECTORY = Path.of("/root");
  static final Path TEMP_DIRECTORY = Path.of("/tmp");
  static final Path LIBS_MOUNT = Path.of("/usr/lib/python3/dist-packages");

  private final java.nio.file.FileSystem memory;
  private final Path libsHostDir;
  /** The placed input files: read-only, like the inputs Gemini gives its code. */
  private final Set<Path> inputs = new java.util.HashSet<>();

  private SandboxFileSystem(java.nio.file.FileSystem memory, Path libsHostDir) {
    this.memory = memory;
    this.libsHostDir = libsHostDir;
  }

  /**
   * A fresh, empty tree.
   *
   * @param maxBytes capacity of the writable tree; writes beyond it fail with an OSError
   * @param libsHostDir host directory shown read-only at {@link #LIBS_MOUNT}, or null for none
   */
  static SandboxFileSystem create(long maxBytes, Path libsHostDir) {
    java.nio.file.FileSystem memory = Jimfs.newFileSystem(Configuration.unix().toBuilder()
        .setWorkingDirectory(WORKING_DIRECTORY.toString())
        .setMaxSize(maxBytes)
        .setMaxCacheSize(0)
        .setAttributeViews("basic", "owner", "posix", "unix")
        .build());
    try {
      Files.createDirectories(memory.getPath(WORKING_DIRECTORY.toString()));
      Files.createDirectories(memory.getPath(TEMP_DIRECTORY.toString()));
      Files.createDirectories(memory.getPath(LIBS_MOUNT.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the sandbox filesystem", e);
    }
    return new SandboxFileSystem(memory, libsHostDir == null ? null : libsHostDir.toAbsolutePath().normalize());
  }

  /** Writes input files, read-only, into the working directory; names must be plain file names. */
  void place(Map<String, byte[]> files) {
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String name = file.getKey();
      if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
        throw new IllegalArgumentException("input file name must be a plain file name, was " + name);
      }
      try {
        Files.write(memory.getPath(WORKING_DIRECTORY.toString(), name), file.getValue());
        inputs.add(WORKING_DIRECTORY.resolve(name));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot place input file " + name, e);
      }
    }
  }

  /** Releases the in-memory tree. */
  void discard() {
    try {
      memory.close();
    } catch (IOException ignored) {
      // An in-memory filesystem has nothing to flush.
    }
  }

  @Override
  public Path parsePath(URI uri) {
    if (!"file".equals(uri.getScheme())) {
      throw new UnsupportedOperationException("only file: URIs exist in the sandbox");
    }
    return Path.of(uri.getPath());
  }

  @Override
  public Path parsePath(String path) {
    return Path.of(path);
  }

  @Override
  public Path toAbsolutePath(Path path) {
    return path.isAbsolute() ? path : WORKING_DIRECTORY.resolve(path);
  }

  @Override
  public Path toRealPath(Path path, LinkOption... options) throws IOException {
    Path absolute = toAbsolutePath(path).normalize();
    Path host = libsPath(absolute);
    if (host != null) {
      Path real = host.toRealPath(options);
      if (!real.startsWith(libsHostDir)) {
        throw new NoSuchFileException(path.toString());
      }
      return LIBS_MOUNT.resolve(libsHostDir.relativize(real).toString());
    }
    return Path.of(inMemory(absolute).toRealPath(options).toString());
  }

  @Override
  public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options) throws IOException {
    Path host = libsPath(path);
    if (host == null) {
      Path target = inMemory(path);
      target.getFileSystem().provider().checkAccess(target, modes.toArray(new AccessMode[0]));
      return;
    }
    if (modes.contains(AccessMode.WRITE)) {
      throw new AccessDeniedException(path.toString(), null, "read-only");
    }
    Set<AccessMode> readOnly = modes.contains(AccessMode.EXECUTE) ? Set.of(AccessMode.READ) : Set.copyOf(modes);
    host.getFileSystem().provider().checkAccess(host, readOnly.toArray(new AccessMode[0]));
  }

  @Override
  public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
    Files.createDirectory(writable(dir));
  }

  @Override
  public void delete(Path path) throws IOException {
    Files.delete(writable(path));
  }

  @Override
  public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
      throws IOException {
    Path host = libsPath(path);
    if (host == null) {
      boolean writes = options.stream().anyMatch(option -> option != StandardOpenOption.READ
          && option != LinkOption.NOFOLLOW_LINKS);
      return Files.newByteChannel(writes ? writable(path) : inMemory(path), options);
    }
    for (OpenOption option : options) {
      if (option != StandardOpenOption.READ && option != LinkOption.NOFOLLOW_LINKS) {
        throw new AccessDeniedException(path.toString(), null, "read-only");
      }
    }
    return Files.newByteChannel(host, StandardOpenOption.READ);
  }

  @Override
  public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
      throws IOException {
    Path guestDir = toAbsolutePath(dir).normalize();
    Path host = libsPath(guestDir);
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(host != null ? host : inMemory(guestDir))) {
      for (Path entry : stream) {
        Path guestEntry = guestDir.resolve(entry.getFileName().toString());
        if (filter.accept(guestEntry)) {
          entries.add(guestEntry);
        }
      }
    }
    return new DirectoryStream<>() {
      @Override
      public java.util.Iterator<Path> iterator() {
        return entries.iterator();
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
    Path host = libsPath(path);
    if (host != null) {
      return Files.readAttributes(host, attributes, options);
    }
    Path target = inMemory(path);
    if (!attributes.startsWith("unix:")) {
      return Files.readAttributes(target, attributes, options);
    }
    return readUnixAttributes(target, attributes.substring("unix:".length()), options);
  }

  /** Jimfs's unix view does not inherit the basic and posix names the host's does; ask each view for its own. */
  private static Map<String, Object> readUnixAttributes(Path target, String names, LinkOption... options)
      throws IOException {
    Map<String, Object> all = new java.util.HashMap<>();
    for (String view : List.of("basic", "posix", "unix")) {
      all.putAll(Files.readAttributes(target, view + ":*", options));
    }
    if (names.equals("*")) {
      return all;
    }
    Map<String, Object> wanted = new java.util.HashMap<>();
    for (String name : names.split(",")) {
      if (all.containsKey(name)) {
        wanted.put(name, hostType(name, all.get(name)));
      }
    }
    return wanted;
  }

  /** The Java types the host's unix view uses, which GraalPy's stat casts to. */
  private static Object hostType(String name, Object value) {
    if (!(value instanceof Number)) {
      return value;
    }
    Number number = (Number) value;
    switch (name) {
      case "dev":
      case "ino":
      case "rdev":
      case "size":
        return number.longValue();
      default:
        return number.intValue();
    }
  }

  @Override
  public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
    Files.setAttribute(writable(path), attribute, value, options);
  }

  @Override
  public void copy(Path source, Path target, CopyOption... options) throws IOException {
    Path host = libsPath(source);
    if (host != null) {
      Files.copy(host, writable(target), options);
    } else {
      Files.copy(inMemory(source), writable(target), options);
    }
  }

  @Override
  public void move(Path source, Path target, CopyOption... options) throws IOException {
    Files.move(writable(source), writable(target), options);
  }

  @Override
  public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
    throw new AccessDeniedException(link.toString(), null, "symbolic links are not supported in the sandbox");
  }

  @Override
  public void createLink(Path link, Path existing) throws IOException {
    throw new AccessDeniedException(link.toString(), null, "links are not supported in the sandbox");
  }

  @Override
  public Path readSymbolicLink(Path link) throws IOException {
    throw new java.nio.file.NotLinkException(link.toString());
  }

  @Override
  public Path getTempDirectory() {
    return TEMP_DIRECTORY;
  }

  @Override
  public boolean isSameFile(Path path1, Path path2, LinkOption... options) throws IOException {
    return toRealPath(path1, options).equals(toRealPath(path2, options));
  }

  @Override
  public void setCurrentWorkingDirectory(Path currentWorkingDirectory) {
    throw new UnsupportedOperationException("the working directory of the sandbox is fixed");
  }

  /** The host path for a guest path under the libs mount, or null when the path is elsewhere. */
  private Path libsPath(Path path) throws NoSuchFileException {
    Path absolute = toAbsolutePath(path).normalize();
    if (!absolute.startsWith(LIBS_MOUNT) || absolute.equals(LIBS_MOUNT) && libsHostDir == null) {
      return null;
    }
    if (libsHostDir == null) {
      throw new NoSuchFileException(path.toString());
    }
    Path host = libsHostDir.resolve(LIBS_MOUNT.relativize(absolute).toString()).normalize();
    if (!host.startsWith(libsHostDir)) {
      throw new NoSuchFileException(path.toString());
    }
    return host;
  }

  private Path inMemory(Path path) {
    return memory.getPath(toAbsolutePath(path).normalize().toString());
  }

  private Path writable(Path path) throws IOException {
    if (libsPath(path) != null || inputs.contains(toAbsolutePath(path).normalize())) {
      throw new AccessDeniedException(path.toString(), null, "read-only");
    }
    return inMemory(path);
  }
}
