package dev.gememu.files;

import java.util.Map;

/**
 * Where an upload made through gememu is also made: the upstream in record and auto mode, so that
 * model requests naming the local file can be passed on naming the upstream one; nowhere in playback.
 */
public interface UploadMirror {
  /** Playback: uploads stay local. */
  UploadMirror NONE = (start, request) -> (file, bytes) -> { };

  /** Starts the same upload upstream, raising the upstream's error when it refuses. */
  Pending start(Uploads.Start start, ClientRequest request);

  /**
   * The client's request that started an upload, to be passed on as it was sent.
   *
   * @param version the API version of its path, e.g. {@code v1beta}
   * @param headers its headers, names lower-cased (its API key among them: never to be kept or written)
   * @param query its raw query string, empty when none
   * @param body its body as sent
   */
  record ClientRequest(String version, Map<String, String> headers, String query, String body) {
    public ClientRequest {
      headers = Map.copyOf(headers);
      query = query == null ? "" : query;
      body = body == null ? "" : body;
    }

    @Override
    public String toString() {
      return "ClientRequest[version=" + version + ", " + headers.size() + " header(s), " + body.length() + " chars]";
    }
  }

  /** An upload started upstream, waiting for its bytes. */
  interface Pending {
    /** Sends the whole file upstream and remembers that {@code local} stands for the upstream file. */
    void finish(StoredFile local, byte[] bytes);
  }
}
