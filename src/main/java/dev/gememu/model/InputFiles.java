package dev.gememu.model;

import dev.gememu.api.Content;
import dev.gememu.api.Part;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a request hands to the code it makes the model run: every {@code inlineData} part of the
 * user's turns, in order, named {@code input_file_<n>.<ext>} as Gemini's sandbox names them.
 */
final class InputFiles {
  private static final Map<String, String> EXTENSIONS = Map.ofEntries(
      Map.entry("image/png", "png"), Map.entry("image/jpeg", "jpg"), Map.entry("image/gif", "gif"),
      Map.entry("image/webp", "webp"), Map.entry("image/bmp", "bmp"), Map.entry("image/tiff", "tiff"),
      Map.entry("text/csv", "csv"), Map.entry("text/plain", "txt"), Map.entry("text/markdown", "md"),
      Map.entry("text/html", "html"), Map.entry("application/json", "json"), Map.entry("text/xml", "xml"),
      Map.entry("application/xml", "xml"), Map.entry("application/pdf", "pdf"), Map.entry("text/x-python", "py"),
      Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
      Map.entry("application/vnd.ms-excel", "xls"));

  private InputFiles() {}

  static Map<String, byte[]> of(List<Content> contents) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    if (contents == null) {
      return files;
    }
    for (Content content : contents) {
      if (content == null || content.parts() == null || "model".equals(content.role())) {
        continue;
      }
      for (Part part : content.parts()) {
        if (part != null && part.inlineData() != null && part.inlineData().data() != null) {
          byte[] bytes = decode(part.inlineData().data());
          if (bytes != null) {
            files.put("input_file_" + files.size() + "." + extension(part.inlineData().mimeType()), bytes);
          }
        }
      }
    }
    return files;
  }

  static String extension(String mimeType) {
    return mimeType == null ? "bin" : EXTENSIONS.getOrDefault(mimeType.toLowerCase(java.util.Locale.ROOT), "bin");
  }

  /** Standard or URL-safe base64, as the SDKs send either. */
  private static byte[] decode(String data) {
    try {
      return Base64.getMimeDecoder().decode(data.replace('-', '+').replace('_', '/'));
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }
}
