package dev.gememu.files;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files kept in a directory: {@code <id>.bin} holds the bytes, {@code <id>.properties} the metadata.
 * Each is written to a dot-prefixed temporary sibling and moved into place atomically, bytes first:
 * the metadata file is the commit, so a crash leaves either a whole file or bytes nobody lists, which
 * the next start removes.
 */
final class DirectoryStorage implements Storage {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryStorage.class);
  private static final String BYTES = ".bin";
  private static final String METADATA = ".properties";

  private final Path directory;

  DirectoryStorage(Path directory) {
    this.directory = directory.toAbsolutePath();
    try {
      Files.createDirectories(this.directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the files directory " + this.directory, e);
    }
  }

  @Override
  public List<StoredFile> load() {
    List<StoredFile> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".")) {
          Files.deleteIfExists(entry); // a write a crash interrupted
        } else if (name.endsWith(METADATA)) {
          readMetadata(entry).ifPresent(files::add);
        }
      }
      removeUnlistedBytes(files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the files directory " + directory, e);
    }
    files.sort(Comparator.comparing(StoredFile::createTime));
    return files;
  }

  private java.util.Optional<StoredFile> readMetadata(Path path) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
      StoredFile file = new StoredFile(properties.getProperty("id"), properties.getProperty("displayName"),
          properties.getProperty("mimeType"), Long.parseLong(properties.getProperty("sizeBytes")),
          properties.getProperty("sha256"), Instant.parse(properties.getProperty("createTime")),
          Instant.parse(properties.getProperty("expirationTime")));
      if (!Files.isRegularFile(bytesOf(file.id())) || Files.size(bytesOf(file.id())) != file.sizeBytes()) {
        LOG.warn("Ignoring {}: its bytes are missing or incomplete", path);
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(file);
    } catch (RuntimeException unreadable) {
      LOG.warn("Ignoring {}: {}", path, unreadable.toString());
      return java.util.Optional.empty();
    }
  }

  private void removeUnlistedBytes(List<StoredFile> listed) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + BYTES)) {
      for (Path entry : entries) {
        String id = entry.getFileName().toString().replace(BYTES, "");
        if (listed.stream().noneMatch(file -> file.id().equals(id))) {
          Files.deleteIfExists(entry);
        }
      }
    }
  }

  @Override
  public void write(StoredFile file, byte[] bytes) {
    try {
      replaceAtomically(bytesOf(file.id()), temporary -> Files.write(temporary, bytes));
      replaceAtomically(metadataOf(file.id()), temporary -> {
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
          metadata(file).store(writer, "gememu uploaded file");
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write file " + file.id() + " to " + directory, e);
    }
  }

  private static Properties metadata(StoredFile file) {
    Properties properties = new Properties();
    properties.setProperty("id", file.id());
    if (file.displayName() != null) {
      properties.setProperty("displayName", file.displayName());
    }
    properties.setProperty("mimeType", file.mimeType());
    properties.setProperty("sizeBytes", Long.toString(file.sizeBytes()));
    properties.setProperty("sha256", file.sha256());
    properties.setProperty("createTime", file.createTime().toString());
    properties.setProperty("expirationTime", file.expirationTime().toString());
    return properties;
  }

  private interface Writing {
    void to(Path temporary) throws IOException;
  }

  private void replaceAtomically(Path target, Writing writing) throws IOException {
    Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
    try {
      writing.to(temporary);
      try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  @Override
  public byte[] read(String id) {
    try {
      return Files.readAllBytes(bytesOf(id));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read file " + id + " from " + directory, e);
    }
  }

  @Override
  public void delete(String id) {
    try {
      Files.deleteIfExists(metadataOf(id));
      Files.deleteIfExists(bytesOf(id));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete file " + id + " from " + directory, e);
    }
  }

  @Override
  public String describe() {
    return "in " + directory;
  }

  private Path bytesOf(String id) {
    return directory.resolve(id + BYTES);
  }

  private Path metadataOf(String id) {
    return directory.resolve(id + METADATA);
  }
}
