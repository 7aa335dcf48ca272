package com.engagementboard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

/**
 * One JSON mapper for both engine doors ({@code /engine-rest} and the Tasklist's
 * {@code /camunda/api/engine}), configured as Camunda configures its own. Camunda's
 * {@link JacksonConfigurator} builds a new {@link ObjectMapper} for every lookup, and the engine API
 * looks one up for every JSON body it reads or writes: Jackson then rebuilds its serializers and
 * deserializers (a task query's among them) on every request. Profiled on the Tasklist's filter
 * query with 10,000 open tasks, that was 13 % of the request (issue 9). A configured mapper is
 * thread-safe, and Jackson clones the date format for each use, so one serves every request.
 * <p>
 * Registered with a higher priority (lower number) than Camunda's resolver, which Jersey then no
 * longer asks.
 */
@Priority(1)
@Produces(MediaType.APPLICATION_JSON)
public class EngineJsonMapper implements ContextResolver<ObjectMapper> {

    private static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
    private static final AtomicLong LOOKUPS = new AtomicLong();

    @Override
    public ObjectMapper getContext(Class<?> type) {
        LOOKUPS.incrementAndGet();
        return MAPPER;
    }

    /** How many times a door has asked for the mapper since start: tests see that both doors use it. */
    static long lookups() {
        return LOOKUPS.get();
    }
}
