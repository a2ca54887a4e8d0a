package io.vigil.sink.steps;

import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskAssessment;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Forwards the queue item, if any, that the routing policy makes of an assessment. */
public final class RouteToQueue implements Processor<String, RiskAssessment, String, QueueItem> {

    private final QueueRouting routing;
    private ProcessorContext<String, QueueItem> context;

    public RouteToQueue(QueueRouting routing) {
        this.routing = routing;
    }

    @Override
    public void init(ProcessorContext<String, QueueItem> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, RiskAssessment> record) {
        for (QueueItem item : routing.route(record.value())) {
            context.forward(record.withValue(item));
        }
    }
}
