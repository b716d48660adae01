package dev.gememu.server;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannelOverHttp;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Jetty's HTTP/1.1 connections, except that a request Jetty cannot parse is always the client's
 * fault: an unknown protocol version gets 400 instead of Jetty's 505, like every other unparsable
 * request line.
 */
final class ClientErrorConnections extends HttpConnectionFactory {
  private ClientErrorConnections(HttpConfiguration configuration) {
    super(configuration);
  }

  /** Swaps the plain HTTP/1.1 factory of every connector Javalin adds for this one, as the server starts. */
  static void install(Server server) {
    server.addEventListener(new LifeCycle.Listener() {
      @Override
      public void lifeCycleStarting(LifeCycle event) {
        for (Connector connector : server.getConnectors()) {
          HttpConnectionFactory plain = connector.getConnectionFactory(HttpConnectionFactory.class);
          if (connector instanceof ServerConnector serverConnector && plain != null
              && !(plain instanceof ClientErrorConnections)) {
            serverConnector.removeConnectionFactory(plain.getProtocol());
            serverConnector.addConnectionFactory(new ClientErrorConnections(plain.getHttpConfiguration()));
          }
        }
      }
    });
  }

  @Override
  public Connection newConnection(Connector connector, EndPoint endPoint) {
    HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint,
        isRecordHttpComplianceViolations()) {
      @Override
      protected HttpChannelOverHttp newHttpChannel() {
        return new HttpChannelOverHttp(this, getConnector(), getHttpConfiguration(), getEndPoint(), this) {
          @Override
          public void badMessage(BadMessageException failure) {
            super.badMessage(failure.getCode() >= 500
                ? new BadMessageException(400, failure.getReason(), failure) : failure);
          }
        };
      }
    };
    connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
    connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
    return configure(connection, connector, endPoint);
  }
}
