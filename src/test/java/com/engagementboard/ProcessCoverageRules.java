package com.engagementboard;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Process coverage is reported for every process test class (target/process-test-coverage) and a
 * class that leaves any flow node or sequence flow of its process undriven fails.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessCoverageRules {

    @Bean
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
        return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0).build();
    }
}
