package live.devopstoolkit.resourcesync.informer;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/** Hands each informer event to the route, on the informer's event thread, in order. */
abstract class InformerConsumer extends DefaultConsumer {

  InformerConsumer(InformerEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
  }

  @Override
  public InformerEndpoint getEndpoint() {
    return (InformerEndpoint) super.getEndpoint();
  }

  protected void emit(Object body, String eventType, String resourceType) {
    if (!isRunAllowed()) {
      return;
    }
    Exchange exchange = createExchange(false);
    try {
      exchange.getMessage().setBody(body);
      exchange.getMessage().setHeader(InformerConstants.EVENT_TYPE, eventType);
      exchange.getMessage().setHeader(InformerConstants.RESOURCE_TYPE, resourceType);
      getProcessor().process(exchange);
    } catch (Exception e) {
      exchange.setException(e);
    } finally {
      if (exchange.getException() != null) {
        getExceptionHandler().handleException("Error processing informer event", exchange, exchange.getException());
      }
      releaseExchange(exchange, false);
    }
  }
}
