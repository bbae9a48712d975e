package dev.participation.rest.internal;

import dev.participation.rest.internal.core.Exchange;
import dev.participation.rest.internal.core.Exchange.Result;
import dev.participation.rest.internal.core.FacadeContract;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The embedded portal's servlet, driven as Felix's Jakarta Servlet Whiteboard drives it at /api. */
class ApiServletTest extends FacadeContract {

    @Override
    protected String contextPath() {
        return "";
    }

    @Override
    protected String servletPath() {
        return "/api";
    }

    @Override
    protected String server() {
        return "";
    }

    @Override
    protected Result send(Exchange exchange) throws Exception {
        RecordedResponse response = new RecordedResponse();
        new ApiServlet(api).service(request(HttpServletRequest.class, exchange),
                response.as(HttpServletResponse.class, ServletOutputStream.class));
        return response.result();
    }
}
