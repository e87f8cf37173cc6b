package live.devopstoolkit.resourcesync.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain TCP forwarder on loopback between the controller and the API server, counting the bytes
 * that flow each way. TLS passes through untouched, so the counts are the bytes on the wire (TLS
 * records, HTTP headers, bodies as sent, compressed or not), over every connection the controller
 * opens, including those it has closed again. It sits only on the controller's path: the benchmark's
 * own client talks to the API server directly.
 */
final class ByteCountingProxy implements AutoCloseable {

  private final ServerSocket server;
  private final String upstreamHost;
  private final int upstreamPort;
  private final AtomicLong fromServer = new AtomicLong();
  private final AtomicLong toServer = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();

  ByteCountingProxy(String upstreamHost, int upstreamPort) throws IOException {
    this.upstreamHost = upstreamHost;
    this.upstreamPort = upstreamPort;
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "bench-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Bytes the API server sent to the controller so far. */
  long bytesFromServer() {
    return fromServer.get();
  }

  /** Bytes the controller sent to the API server so far. */
  long bytesToServer() {
    return toServer.get();
  }

  long connections() {
    return connections.get();
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
        pump(upstream, client, fromServer, open);
        pump(client, upstream, toServer, open);
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
  private static void pump(Socket from, Socket to, AtomicLong counter, AtomicInteger open) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[64 * 1024];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        for (int n; (n = in.read(buffer)) >= 0; ) {
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
