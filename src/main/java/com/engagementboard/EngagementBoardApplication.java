package com.engagementboard;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Engagement Board: customer-engagement governance (summit, board, touchpoint charter)
 * as BPMN processes on Camunda 7. Everything in {@code processes/} is deployed as one
 * process application (see {@code META-INF/processes.xml}).
 */
@SpringBootApplication
@EnableProcessApplication("engagement-board")
@ConfigurationPropertiesScan
public class EngagementBoardApplication {

    public static void main(String[] args) {
        SpringApplication.run(EngagementBoardApplication.class, args);
    }
}
