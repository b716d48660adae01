package dev.gememu.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A bench client as lean as wrk's: one keep-alive HTTP/1.1 connection, the request's bytes written
 * in one go and the response read (by its {@code Content-Length}, or chunked) on the calling thread. The JDK's
 * HttpClient hands each exchange between its selector thread and the caller, which cost 3–5 ms per
 * request on the loaded 2-core machine: more than gememu's own work for a small snippet.
 */
final class KeepAliveClient implements AutoCloseable {
  private final String host;
  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;

  KeepAliveClient(String host, int port) throws IOException {
    this.host = host + ":" + port;
    this.socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), 5000);
    socket.setSoTimeout(60_000);
    this.out = socket.getOutputStream();
    this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
  }

  /** What came back: the status code and the body as text. */
  record Response(int status, String body) {}

  Response post(String path, byte[] json) throws IOException {
    byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nx-goog-api-key: k\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[head.length + json.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(json, 0, request, head.length, json.length);
    out.write(request);
    out.flush();
    return readResponse();
  }

  private Response readResponse() throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    int length = -1;
    boolean chunked = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(lower.substring("content-length:".length()).trim());
      } else if (lower.startsWith("transfer-encoding:")) {
        chunked = lower.contains("chunked");
      }
    }
    byte[] body = chunked ? chunks() : exactly(length);
    return new Response(status, new String(body, StandardCharsets.UTF_8));
  }

  private byte[] exactly(int length) throws IOException {
    if (length < 0) {
      throw new IOException("neither Content-Length nor chunked in the response");
    }
    byte[] body = new byte[length];
    in.readFully(body);
    return body;
  }

  private byte[] chunks() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = chunkSize(); size > 0; size = chunkSize()) {
      body.write(exactly(size));
      line(in);
    }
    for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
      // Trailers: none expected, skipped.
    }
    return body.toByteArray();
  }

  private int chunkSize() throws IOException {
    String size = line(in);
    int extension = size.indexOf(';');
    return Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed mid-response");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
