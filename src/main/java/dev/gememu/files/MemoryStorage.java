package dev.gememu.files;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Files kept in the server's heap, gone when it stops. */
final class MemoryStorage implements Storage {
  private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();

  @Override
  public List<StoredFile> load() {
    return List.of();
  }

  @Override
  public void write(StoredFile file, byte[] content) {
    bytes.put(file.id(), content.clone());
  }

  @Override
  public byte[] read(String id) {
    byte[] content = bytes.get(id);
    if (content == null) {
      throw new IllegalStateException("no bytes stored for file " + id);
    }
    return content.clone();
  }

  @Override
  public void delete(String id) {
    bytes.remove(id);
  }

  @Override
  public String describe() {
    return "in memory";
  }
}
