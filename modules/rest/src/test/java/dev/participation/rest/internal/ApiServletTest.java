package dev.participation.rest.internal;

import dev.participation.rest.internal.core.FacadeContract;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The embedded portal's servlet, driven as Felix's Jakarta Servlet Whiteboard drives it at /api. */
class ApiServletTest extends FacadeContract {

    ApiServletTest() {
        super(new Mount("", "/api", ""),
                new ServletApi(HttpServletRequest.class, HttpServletResponse.class, ServletOutputStream.class),
                ApiServlet::new);
    }
}
