package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

/**
 * Which failures become the product's error pages, and what they say: a browser's page gets the page (a 500
 * only with its reference, never the failure's text); the API, a data handler and a client that does not ask
 * for HTML are left to the problem details.
 */
class PageErrorResolverTest {

    private final ErrorPages pages = new ErrorPages(new PageHeader(userId -> "Clara Martens"), null, "/camunda");
    private final PageErrorResolver resolver = new PageErrorResolver(() -> pages, ProblemDetailsAdvice::new);

    static class Pages {
        String page() {
            return "page";
        }

        @ResponseBody
        String data() {
            return "data";
        }
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Pages(), Pages.class.getDeclaredMethod(name));
    }

    private static MockHttpServletRequest request(String path, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return request;
    }

    private ModelAndView resolve(MockHttpServletRequest request, String handler, Exception failure) throws Exception {
        return resolver.resolveException(request, new MockHttpServletResponse(), handler(handler), failure);
    }

    @Test
    void aServerFailureOnAPageIsThe500PageWithAReferenceAndNoneOfItsText() throws Exception {
        ModelAndView page = resolve(request("/summits/1", "text/html,*/*;q=0.8"), "page",
                new ProcessEngineException("ENGINE-03083 select * from ACT_RU_TASK"));
        assertThat(page.getViewName()).isEqualTo("error/500");
        assertThat(page.getStatus()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(page.getModel().get("reference")).asString().matches("[0-9a-f]{8}");
        assertThat(page.getModel().values()).noneMatch(value -> String.valueOf(value).contains("ACT_RU_TASK"));
    }

    @Test
    void anUnknownIdIsThe404PageNamingIt() throws Exception {
        ModelAndView page = resolve(request("/summits/7", "text/html"), "page", new NotFoundException("summit", "7"));
        assertThat(page.getViewName()).isEqualTo("error/404");
        assertThat(page.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getModel()).containsEntry("title", "Summit not found")
                .containsEntry("detail", "There is no summit '7'.").containsEntry("path", "/summits/7")
                .containsEntry(PageHeader.SECTION, "summits");
        assertThat(((PageHeader.Viewer) page.getModel().get(PageHeader.VIEWER)).getUserId()).isNull();
    }

    @Test
    void aRefusedChangeIsThe4xxPageWithTheRefusal() throws Exception {
        ModelAndView page = resolve(request("/board/meetings/3", "text/html"), "page",
                new ConflictException("Already closed", "The meeting is closed."));
        assertThat(page.getViewName()).isEqualTo("error/4xx");
        assertThat(page.getStatus()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(page.getModel()).containsEntry("detail", "The meeting is closed.");
    }

    @Test
    void theApiDataHandlersAndClientsThatDoNotAskForHtmlKeepTheProblemDetails() throws Exception {
        Exception failure = new NotFoundException("summit", "7");
        assertThat(resolve(request("/api/summits/7", "text/html"), "page", failure)).isNull();
        assertThat(resolve(request("/engine-rest/task", "text/html"), "page", failure)).isNull();
        assertThat(resolve(request("/camunda/api/engine/engine/default/task", "text/html"), "page", failure)).isNull();
        assertThat(resolve(request("/summits/7", "text/html"), "data", failure)).isNull();
        assertThat(resolve(request("/summits/7", "*/*"), "page", failure)).isNull();
        assertThat(resolve(request("/summits/7", "application/json"), "page", failure)).isNull();
        assertThat(resolve(request("/summits/7", null), "page", failure)).isNull();
    }
}
