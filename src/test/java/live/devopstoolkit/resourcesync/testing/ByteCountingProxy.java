package live.devopstoolkit.resourcesync.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain TCP forwarder on loopback between the controller and the API server, counting the bytes
 * that flow each way. TLS passes through untouched, so the counts are the bytes on the wire (TLS
 * records, HTTP headers, bodies as sent, compressed or not), over every connection the controller
 * opens, including those it has closed again. It sits only on the client's path that is measured:
 * the benchmark's own client talks to the API server directly. It also reads, from the start of what
 * the server sends on each connection, the cipher suite its TLS ServerHello chose (sent in the clear).
 */
public final class ByteCountingProxy implements AutoCloseable {

  /** A TLS handshake record, then a ServerHello: the bytes before its session id's length. */
  private static final int SESSION_ID_LENGTH_AT = 5 + 4 + 2 + 32;

  private final ServerSocket server;
  private final String upstreamHost;
  private final int upstreamPort;
  private final AtomicLong fromServer = new AtomicLong();
  private final AtomicLong toServer = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private final List<String> cipherSuites = new CopyOnWriteArrayList<>();

  public ByteCountingProxy(String upstreamHost, int upstreamPort) throws IOException {
    this.upstreamHost = upstreamHost;
    this.upstreamPort = upstreamPort;
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "bench-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Bytes the API server sent to the controller so far. */
  public long bytesFromServer() {
    return fromServer.get();
  }

  /** Bytes the controller sent to the API server so far. */
  public long bytesToServer() {
    return toServer.get();
  }

  public long connections() {
    return connections.get();
  }

  /**
   * The cipher suite each TLS connection's server chose, as its code in hex ({@code 0x1303}), in the
   * order the connections were opened; "none" where the server did not begin with a ServerHello.
   */
  public List<String> cipherSuites() {
    return List.copyOf(cipherSuites);
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        continue;
      }
      try {
        Socket upstream = new Socket(upstreamHost, upstreamPort);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        connections.incrementAndGet();
        AtomicInteger open = new AtomicInteger(2);
        pump(upstream, client, fromServer, open, true);
        pump(client, upstream, toServer, open, false);
      } catch (IOException e) {
        System.err.println("bench: proxy could not reach the API server: " + e.getMessage());
        closeQuietly(client);
      }
    }
  }

  /**
   * Copies one direction until it ends and passes the end on (a half-close), or closes both sockets
   * when the copy fails; the second direction to finish closes both.
   */
  private void pump(Socket from, Socket to, AtomicLong counter, AtomicInteger open, boolean fromTheServer) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[64 * 1024];
      byte[] start = new byte[SESSION_ID_LENGTH_AT + 1 + 32 + 2];
      int started = fromTheServer ? 0 : start.length;
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        for (int n; (n = in.read(buffer)) >= 0; ) {
          if (started < start.length) {
            int copied = Math.min(n, start.length - started);
            System.arraycopy(buffer, 0, start, started, copied);
            started += copied;
            if (started == start.length) {
              cipherSuites.add(chosenCipherSuite(start));
            }
          }
          out.write(buffer, 0, n);
          counter.addAndGet(n);
        }
        to.shutdownOutput();
      } catch (IOException e) {
        closeQuietly(from);
        closeQuietly(to);
      } finally {
        if (open.decrementAndGet() == 0) {
          closeQuietly(from);
          closeQuietly(to);
        }
      }
    }, "bench-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static String chosenCipherSuite(byte[] start) {
    boolean serverHello = start[0] == 0x16 && start[5] == 0x02;
    int sessionIdLength = start[SESSION_ID_LENGTH_AT] & 0xff;
    if (!serverHello || sessionIdLength > 32) {
      return "none";
    }
    int at = SESSION_ID_LENGTH_AT + 1 + sessionIdLength;
    return String.format("0x%02x%02x", start[at], start[at + 1]);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Already closed by the other direction: nothing left to release.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
