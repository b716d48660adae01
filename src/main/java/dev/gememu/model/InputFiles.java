package dev.gememu.model;

import dev.gememu.api.ApiException;
import dev.gememu.api.Blob;
import dev.gememu.api.Content;
import dev.gememu.api.FileData;
import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.Part;
import dev.gememu.files.FileStore;
import dev.gememu.files.StoredFile;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a request gives the model's code: every uploaded file ({@code fileData} naming
 * {@code files/<id>}) and every {@code inlineData} part of the user turns, in conversation order,
 * named as Gemini names them in the code's working directory: {@code input_file_0.csv},
 * {@code input_file_1.png}, … A file a later turn adds gets the next number.
 */
public final class InputFiles {
  /** {@code files/<id>}, alone or at the end of a URI such as {@code https://host/v1beta/files/<id>}. */
  private static final Pattern UPLOADED = Pattern.compile("(?:^|/)files/([^/?#]+)(?:[?#].*)?$");
  private static final Map<String, String> EXTENSIONS = Map.ofEntries(
      Map.entry("image/png", "png"), Map.entry("image/jpeg", "jpg"), Map.entry("image/gif", "gif"),
      Map.entry("image/webp", "webp"), Map.entry("image/bmp", "bmp"), Map.entry("image/tiff", "tiff"),
      Map.entry("image/svg+xml", "svg"), Map.entry("text/csv", "csv"), Map.entry("text/plain", "txt"),
      Map.entry("text/markdown", "md"), Map.entry("text/html", "html"), Map.entry("application/json", "json"),
      Map.entry("text/xml", "xml"), Map.entry("application/xml", "xml"), Map.entry("application/pdf", "pdf"),
      Map.entry("text/x-python", "py"), Map.entry("text/javascript", "js"), Map.entry("application/javascript", "js"),
      Map.entry("text/x-java", "java"), Map.entry("text/x-c++src", "cpp"), Map.entry("text/tab-separated-values", "tsv"),
      Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
      Map.entry("application/vnd.ms-excel", "xls"));

  private final FileStore store;

  public InputFiles(FileStore store) {
    this.store = store;
  }

  /**
   * One file given to the code.
   *
   * @param displayName the uploaded file's or inline part's display name, or null
   * @param sha256 Google's {@code sha256Hash} of the bytes
   */
  public record InputFile(String sandboxName, String mimeType, String displayName, long sizeBytes, String sha256,
      Supplier<byte[]> bytes) {}

  /** The request's input files, or Google's error for an uploaded file that does not exist (any more). */
  public List<InputFile> of(GenerateContentRequest request) {
    List<InputFile> files = new ArrayList<>();
    if (request.contents() == null) {
      return files;
    }
    for (int turn = 0; turn < request.contents().size(); turn++) {
      Content content = request.contents().get(turn);
      if (content == null || content.parts() == null || !"user".equals(content.effectiveRole())) {
        continue;
      }
      for (int index = 0; index < content.parts().size(); index++) {
        Part part = content.parts().get(index);
        if (part != null) {
          String path = "contents[" + turn + "].parts[" + index + "]";
          input(part, path, files.size()).ifPresent(files::add);
        }
      }
    }
    return List.copyOf(files);
  }

  /** The id of the uploaded file a {@code fileData} URI names ({@code files/<id>} at its end), if it names one. */
  public static Optional<String> uploadedId(String fileUri) {
    Matcher uploaded = fileUri == null ? null : UPLOADED.matcher(fileUri.strip());
    return uploaded != null && uploaded.find() ? Optional.of(uploaded.group(1)) : Optional.empty();
  }

  /** The files by sandbox name, their bytes read now: what an execution request carries. */
  public static Map<String, byte[]> contents(List<InputFile> files) {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    files.forEach(file -> contents.put(file.sandboxName(), file.bytes().get()));
    return contents;
  }

  private Optional<InputFile> input(Part part, String path, int number) {
    if (part.inlineData() != null) {
      Blob blob = part.inlineData();
      byte[] bytes = decode(blob.data(), path);
      return Optional.of(new InputFile(name(number, blob.mimeType()), blob.mimeType(), blob.displayName(),
          bytes.length, FileStore.sha256(bytes), () -> bytes));
    }
    FileData data = part.fileData();
    if (data == null || data.fileUri() == null) {
      return Optional.empty();
    }
    Optional<String> id = uploadedId(data.fileUri());
    if (id.isEmpty()) {
      return Optional.empty(); // a URL Gemini fetches itself (e.g. YouTube): nothing for the code
    }
    StoredFile file = store.require(id.get());
    return Optional.of(new InputFile(name(number, file.mimeType()), file.mimeType(), file.displayName(),
        file.sizeBytes(), file.sha256(), () -> store.read(file)));
  }

  /** Proto JSON bytes: standard or URL-safe base64, padded or not. */
  private static byte[] decode(String base64, String path) {
    String text = base64 == null ? "" : base64.strip();
    try {
      return Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/').replaceAll("=+$", "")
          + "===".substring(0, (4 - text.replaceAll("=+$", "").length() % 4) % 4));
    } catch (IllegalArgumentException notBase64) {
      throw ApiException.invalidArgument("Invalid value at '" + path + ".inline_data.data' (TYPE_BYTES), Base64"
          + " decoding failed for \"" + text + "\"");
    }
  }

  static String name(int number, String mimeType) {
    return "input_file_" + number + "." + extension(mimeType);
  }

  /** {@code text/csv} → {@code csv}, {@code image/png} → {@code png}; a type not listed → {@code bin}. */
  static String extension(String mimeType) {
    String type = mimeType == null ? "" : mimeType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    return EXTENSIONS.getOrDefault(type, "bin");
  }
}
