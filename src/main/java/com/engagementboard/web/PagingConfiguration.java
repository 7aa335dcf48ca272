package com.engagementboard.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One way to read {@code page} and {@code size} for every list endpoint: a controller method takes a
 * {@link Paging}, and this reads it from the query string (a bad value is a 400 problem naming the field
 * and what is accepted, through the project's {@link InvalidInputException}) and writes the two
 * parameters, with their default and limits, into the OpenAPI description of that operation.
 */
@Configuration(proxyBeanMethods = false)
class PagingConfiguration implements WebMvcConfigurer {

    static {
        // springdoc would otherwise describe the record as one query parameter named "paging".
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Paging.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PagingResolver());
    }

    @Bean
    OperationCustomizer pagingParameters() {
        return (operation, handler) -> hasPaging(handler) ? withPaging(operation) : operation;
    }

    private static boolean hasPaging(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == Paging.class);
    }

    private static Operation withPaging(Operation operation) {
        return operation
                .addParametersItem(new Parameter().in("query").name(Paging.PAGE).required(false)
                        .description("the page, from 0")
                        .schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO)._default(0)))
                .addParametersItem(new Parameter().in("query").name(Paging.SIZE).required(false)
                        .description("rows per page, 1 to " + Paging.MAX_SIZE)
                        .schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                                .maximum(java.math.BigDecimal.valueOf(Paging.MAX_SIZE))._default(Paging.DEFAULT_SIZE)));
    }

    /** Reads {@link Paging} from {@code ?page=&size=}. */
    static final class PagingResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Paging.class;
        }

        @Override
        public Paging resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binders) {
            return Paging.parse(request.getParameter(Paging.PAGE), request.getParameter(Paging.SIZE));
        }
    }
}
