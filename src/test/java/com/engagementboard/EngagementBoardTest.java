package com.engagementboard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application with its demo organisation on an in-memory database, driven through MockMvc.
 * Every test class that uses it shares one Spring context (one process engine per JVM), which
 * records process coverage for the process test classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import({ProcessEngineCoverageConfiguration.class, TakenSequenceFlows.class})
public @interface EngagementBoardTest {
}
