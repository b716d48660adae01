package dev.gememu.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gememu.api.ApiException;
import dev.gememu.api.Status;
import dev.gememu.files.FileStore;
import dev.gememu.files.StoredFile;
import dev.gememu.files.UploadMirror;
import dev.gememu.files.Uploads;
import dev.gememu.model.InputFiles;
import dev.gememu.model.UpstreamRequest;
import dev.gememu.server.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The upstream's copies of the files uploaded through gememu in record and auto mode. An upload is
 * started upstream with the client's own request (so its key, and the upstream's refusal, are the
 * client's) and finished with the whole file once the local upload is; gememu then knows which
 * upstream file each local one stands for, and a model request passed upstream names the upstream
 * file where the client named the local one. A local file with no upstream copy yet (uploaded in
 * playback mode, or kept in {@code --data-dir} from an earlier run) is uploaded when a request first
 * names it, with that request's key.
 */
final class UpstreamFiles implements UploadMirror {
  private static final ObjectMapper JSON = JsonMapper.create();

  private final UpstreamClient client;
  private final FileStore store;
  /** Local file id to the upstream file's URI. */
  private final Map<String, String> upstreamUris = new ConcurrentHashMap<>();

  UpstreamFiles(UpstreamClient client, FileStore store) {
    this.client = client;
    this.store = store;
  }

  @Override
  public Pending start(Uploads.Start start, ClientRequest request) {
    UpstreamRequest started = new UpstreamRequest("POST", "/upload/" + request.version() + "/files", request.query(),
        request.headers(), request.body(), null);
    UpstreamClient.Whole response = client.sendWhole(started);
    String uploadUrl = response.headers().firstValue("x-goog-upload-url").orElse(null);
    if (response.status() != 200) {
      throw client.error(response.status(), response.body());
    }
    if (uploadUrl == null) {
      throw new ApiException(Status.UNAVAILABLE, "gememu's upstream " + client.describe()
          + " started the upload without an x-goog-upload-url.");
    }
    return (local, bytes) -> finish(URI.create(uploadUrl), local, bytes);
  }

  private void finish(URI uploadUrl, StoredFile local, byte[] bytes) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Goog-Upload-Command", "upload, finalize");
    headers.put("X-Goog-Upload-Offset", "0");
    UpstreamClient.Whole response = client.post(uploadUrl, headers, bytes);
    if (response.status() != 200) {
      throw client.error(response.status(), response.body());
    }
    JsonNode file = tree(response.body()).path("file");
    String uri = file.path("uri").asText(file.path("name").asText(""));
    if (uri.isEmpty()) {
      throw new ApiException(Status.UNAVAILABLE, "gememu's upstream " + client.describe()
          + " finished the upload without naming the file.");
    }
    upstreamUris.put(local.id(), uri);
  }

  /**
   * The request as the upstream must see it: each {@code fileData.fileUri} naming a local file names
   * its upstream copy instead (uploaded now if there is none yet). Everything else is sent as the
   * client sent it; a request naming no local file is returned unchanged.
   */
  UpstreamRequest toUpstream(UpstreamRequest request) {
    if (!request.body().contains("files/")) {
      return request;
    }
    JsonNode body;
    try {
      body = JSON.readTree(request.body());
    } catch (IOException notJson) {
      return request;
    }
    Map<String, String> replaced = new LinkedHashMap<>();
    rewrite(body, request, replaced);
    if (replaced.isEmpty()) {
      return request;
    }
    String text = request.body();
    for (Map.Entry<String, String> uri : replaced.entrySet()) {
      String quoted = quoted(uri.getKey());
      if (!text.contains(quoted)) {
        text = body.toString(); // written in a way we do not search for: send the rewritten tree
        break;
      }
      text = text.replace(quoted, quoted(uri.getValue()));
    }
    return new UpstreamRequest(request.method(), request.path(), request.query(), request.headers(), text,
        request.call());
  }

  private void rewrite(JsonNode node, UpstreamRequest request, Map<String, String> replaced) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (String name : new String[] {"fileUri", "file_uri"}) {
        JsonNode uri = object.get(name);
        if (uri != null && uri.isTextual()) {
          upstreamUri(uri.asText(), request).ifPresent(upstream -> {
            replaced.put(uri.asText(), upstream);
            object.put(name, upstream);
          });
        }
      }
      object.elements().forEachRemaining(child -> rewrite(child, request, replaced));
    } else if (node.isArray()) {
      node.forEach(child -> rewrite(child, request, replaced));
    }
  }

  private Optional<String> upstreamUri(String localUri, UpstreamRequest request) {
    Optional<StoredFile> local = InputFiles.uploadedId(localUri).flatMap(store::find);
    if (local.isEmpty()) {
      return Optional.empty(); // not ours: perhaps the upstream's own file
    }
    StoredFile file = local.get();
    if (!upstreamUris.containsKey(file.id())) {
      ObjectNode metadata = JsonNodeFactory.instance.objectNode();
      ObjectNode described = metadata.putObject("file");
      if (file.displayName() != null) {
        described.put("displayName", file.displayName());
      }
      Map<String, String> headers = new LinkedHashMap<>(request.headers());
      headers.put("x-goog-upload-protocol", "resumable");
      headers.put("x-goog-upload-command", "start");
      headers.put("x-goog-upload-header-content-length", Long.toString(file.sizeBytes()));
      headers.put("x-goog-upload-header-content-type", file.mimeType());
      headers.put("content-type", "application/json");
      String version = request.call() == null ? "v1beta" : request.call().apiVersion();
      start(new Uploads.Start(null, file.displayName(), file.mimeType(), file.sizeBytes()),
          new ClientRequest(version, headers, request.query(), metadata.toString())).finish(file, store.read(file));
    }
    return Optional.of(upstreamUris.get(file.id()));
  }

  private static String quoted(String text) {
    return JsonNodeFactory.instance.textNode(text).toString();
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException notJson) {
      return JsonNodeFactory.instance.objectNode();
    }
  }
}
