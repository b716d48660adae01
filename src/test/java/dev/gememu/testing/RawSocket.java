package dev.gememu.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Bytes on a plain socket, for requests no HTTP client would send (bad framing, broken escapes). */
public final class RawSocket implements AutoCloseable {
  private static final int READ_TIMEOUT_MILLIS = 30_000;
  private final Socket socket;

  private RawSocket(Socket socket) {
    this.socket = socket;
  }

  public static RawSocket connect(int port) {
    try {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      return new RawSocket(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code request} on a fresh connection and reads the one response. */
  public static Response exchange(int port, String request) {
    try (RawSocket raw = connect(port)) {
      return raw.send(request).read();
    }
  }

  public RawSocket send(String text) {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  public RawSocket send(byte[] bytes) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Half-closes: the server sees the end of the request stream while the response can still come back. */
  public RawSocket endOutput() {
    try {
      socket.shutdownOutput();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one response: status line, headers, and a body framed by Content-Length or the end of the stream. */
  public Response read() {
    try {
      InputStream in = socket.getInputStream();
      String head = readHead(in);
      String[] lines = head.split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
      byte[] body = headers.containsKey("content-length")
          ? in.readNBytes(Integer.parseInt(headers.get("content-length")))
          : in.readAllBytes();
      return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before a complete response head: " + head);
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1).trim();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing a socket the server already closed.
    }
  }

  /** One HTTP response as it came off the wire; header names in lower case. */
  public record Response(int status, Map<String, String> headers, String body) {}
}
