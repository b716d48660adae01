package dev.gememu.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The admin API of a running gememu, over plain HTTP. */
public final class Admin {
  private final RawHttp http;
  private final String baseUrl;

  public Admin(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = new RawHttp(baseUrl);
  }

  public JsonNode fixtures() {
    return RawHttp.tree(http.get("/__gememu/fixtures").body());
  }

  public JsonNode journal() {
    return RawHttp.tree(http.get("/__gememu/journal").body()).get("entries");
  }

  public HttpResponse<String> reload() {
    return http.post("/__gememu/fixtures/reload", "");
  }

  public HttpResponse<String> reset() {
    return http.post("/__gememu/fixtures/reset", "");
  }

  public HttpResponse<String> add(String body, String contentType) {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/__gememu/fixtures"))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> delete(String path) {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
  }

  public HttpResponse<String> clearJournal() {
    return delete("/__gememu/journal");
  }
}
