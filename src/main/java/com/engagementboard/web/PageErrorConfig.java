package com.engagementboard.web;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The error pages for browsers come first; everything else falls through to the problem details. */
@Configuration(proxyBeanMethods = false)
class PageErrorConfig implements WebMvcConfigurer {

    private final ObjectProvider<ErrorPages> pages;
    private final ObjectProvider<ProblemDetailsAdvice> problems;

    PageErrorConfig(ObjectProvider<ErrorPages> pages, ObjectProvider<ProblemDetailsAdvice> problems) {
        this.pages = pages;
        this.problems = problems;
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, new PageErrorResolver(pages::getObject, problems::getObject));
    }
}
