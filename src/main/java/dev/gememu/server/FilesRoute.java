package dev.gememu.server;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.gememu.api.CreateFileRequest;
import dev.gememu.api.CreateFileResponse;
import dev.gememu.api.File;
import dev.gememu.api.FileErrors;
import dev.gememu.api.ListFilesResponse;
import dev.gememu.files.FileStore;
import dev.gememu.files.StoredFile;
import dev.gememu.files.UploadMirror;
import dev.gememu.files.Uploads;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code files} resource: Google's resumable upload protocol ({@code POST /upload/{version}/files}
 * to start, then chunks to the returned {@code x-goog-upload-url}), and list, get and delete.
 */
final class FilesRoute {
  static final int DEFAULT_PAGE_SIZE = 10;
  static final int MAX_PAGE_SIZE = 100;
  /** Google's chunk granularity; the SDKs send 8 MiB chunks. */
  static final String CHUNK_GRANULARITY = Integer.toString(8 << 20);
  private static final String UPLOAD_ID = "upload_id";
  private static final String DEFAULT_MIME_TYPE = "application/octet-stream";

  private final FileStore store;
  private final Uploads uploads;
  private final BodyReader bodies;
  private final ObjectWriter prettyWriter;

  FilesRoute(FileStore store, Uploads uploads, BodyReader bodies, ObjectWriter prettyWriter) {
    this.store = store;
    this.uploads = uploads;
    this.bodies = bodies;
    this.prettyWriter = prettyWriter;
  }

  /** A chunk of a started upload: authorised by its upload id, so it needs no API key. */
  static boolean isChunk(Context ctx) {
    return ctx.path().contains("/upload/") && ctx.queryParam(UPLOAD_ID) != null;
  }

  /**
   * Every POST to the upload path: a start, or a chunk when it carries an upload id. Chunks are taken
   * under any path prefix: the Java SDK puts its base URL's path in front of the upload URL's path,
   * which already holds it, while the JS SDK, the Vercel AI SDK and curl follow the URL as it is.
   */
  void upload(Context ctx) throws IOException {
    String version = ModelsRoute.apiVersion(ctx);
    if (ctx.queryParam(UPLOAD_ID) != null) {
      chunk(ctx, version, ctx.queryParam(UPLOAD_ID));
      return;
    }
    if (ctx.pathParamMap().containsKey("prefix")) {
      ModelsRoute.requireApiVersion(ctx, ctx.pathParam("prefix"));
    }
    String protocol = lower(ctx.header("X-Goog-Upload-Protocol"));
    String command = lower(ctx.header("X-Goog-Upload-Command"));
    if ((protocol != null && !protocol.equals("resumable")) || (command != null && !command.equals("start"))) {
      throw FileErrors.badHeader(protocol != null && !protocol.equals("resumable") ? "X-Goog-Upload-Protocol"
          : "X-Goog-Upload-Command", protocol != null && !protocol.equals("resumable") ? protocol : command);
    }
    start(ctx, version);
  }

  private void start(Context ctx, String version) throws IOException {
    File file = bodies.read(ctx, CreateFileRequest.class).file();
    String mimeType = firstNonBlank(ctx.header("X-Goog-Upload-Header-Content-Type"), file.mimeType(), DEFAULT_MIME_TYPE);
    String id = uploads.start(new Uploads.Start(file.name(), file.displayName(), mimeType,
        declaredSize(ctx.header("X-Goog-Upload-Header-Content-Length"), file.sizeBytes())),
        new UploadMirror.ClientRequest(version, RequestBody.lowerCasedHeaders(ctx), ctx.queryString(),
            RequestBody.text(ctx)));
    ctx.status(200)
        .header("x-goog-upload-url", PublicUrl.of(ctx).base() + "/upload/" + version + "/files?" + UPLOAD_ID + "="
            + id + "&upload_protocol=resumable")
        .header("x-goog-upload-status", "active")
        .header("x-goog-upload-chunk-granularity", CHUNK_GRANULARITY)
        .result("");
  }

  private void chunk(Context ctx, String version, String uploadId) throws IOException {
    String command = lower(ctx.header("X-Goog-Upload-Command"));
    if (command == null) {
      throw FileErrors.missingHeader("X-Goog-Upload-Command");
    }
    if (command.equals("query")) {
      ctx.header("x-goog-upload-status", "active")
          .header("x-goog-upload-size-received", Long.toString(uploads.received(uploadId))).result("");
      return;
    }
    boolean finalize = command.contains("finalize");
    if (!command.contains("upload") && !finalize) {
      throw FileErrors.badHeader("X-Goog-Upload-Command", command);
    }
    Uploads.Progress progress = uploads.append(uploadId, offset(ctx), ctx.bodyInputStream(), finalize);
    if (progress instanceof Uploads.Active active) {
      ctx.header("x-goog-upload-status", "active")
          .header("x-goog-upload-size-received", Long.toString(active.received())).result("");
    } else if (progress instanceof Uploads.Finished finished) {
      ctx.header("x-goog-upload-status", "final");
      Responses.json(ctx, prettyWriter, new CreateFileResponse(resource(ctx, version, finished.file())));
    } else {
      throw new IllegalStateException("unknown upload progress " + progress);
    }
  }

  void list(Context ctx) throws IOException {
    String version = ModelsRoute.apiVersion(ctx);
    Integer requested = ModelsRoute.pageSize(ctx.queryParam("pageSize"));
    int size = requested == null || requested <= 0 ? DEFAULT_PAGE_SIZE : Math.min(requested, MAX_PAGE_SIZE);
    FileStore.Page page = store.page(size, ctx.queryParam("pageToken"));
    Responses.json(ctx, prettyWriter, new ListFilesResponse(
        page.files().stream().map(file -> resource(ctx, version, file)).toList(), page.nextPageToken()));
  }

  void get(Context ctx) throws IOException {
    String version = ModelsRoute.apiVersion(ctx);
    Responses.json(ctx, prettyWriter, resource(ctx, version, store.require(ctx.pathParam("id"))));
  }

  void delete(Context ctx) throws IOException {
    ModelsRoute.apiVersion(ctx);
    store.delete(ctx.pathParam("id"));
    Responses.json(ctx, prettyWriter, Map.of());
  }

  private static File resource(Context ctx, String version, StoredFile file) {
    return file.toResource(PublicUrl.of(ctx).base() + "/" + version);
  }

  private static long offset(Context ctx) {
    String offset = ctx.header("X-Goog-Upload-Offset");
    if (offset == null || offset.isBlank()) {
      throw FileErrors.missingHeader("X-Goog-Upload-Offset");
    }
    try {
      return Long.parseLong(offset.strip());
    } catch (NumberFormatException notANumber) {
      throw FileErrors.badHeader("X-Goog-Upload-Offset", offset);
    }
  }

  private static Long declaredSize(String header, Long fromBody) {
    if (header == null || header.isBlank()) {
      return fromBody;
    }
    try {
      long size = Long.parseLong(header.strip());
      if (size >= 0) {
        return size;
      }
    } catch (NumberFormatException notANumber) {
      // falls through to the error below
    }
    throw FileErrors.badHeader("X-Goog-Upload-Header-Content-Length", header);
  }

  private static String lower(String header) {
    return header == null || header.isBlank() ? null : header.strip().toLowerCase(Locale.ROOT);
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }
}
