package dev.gememu.files;

import java.util.List;

/** Where a {@link FileStore} keeps bytes and metadata: in memory, or in a directory across restarts. */
sealed interface Storage permits MemoryStorage, DirectoryStorage {

  /** The files kept from an earlier run; none for memory. */
  List<StoredFile> load();

  /** Keeps a file; once this returns, the file survives a crash. */
  void write(StoredFile file, byte[] bytes);

  byte[] read(String id);

  void delete(String id);

  /** For the start-up log. */
  String describe();
}
