package dev.participation.rest.javax.internal;

import javax.servlet.ServletOutputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import dev.participation.rest.internal.core.FacadeContract;

/**
 * Liferay's servlet, driven as Liferay's whiteboard drives it: its default context sits at
 * {@code /o}, and the servlet's pattern puts the API at {@code /o/participation/api}.
 */
class ApiServletTest extends FacadeContract {

    ApiServletTest() {
        super(new Mount("/o", "/participation/api", "/o/participation"),
                new ServletApi(HttpServletRequest.class, HttpServletResponse.class, ServletOutputStream.class),
                ApiServlet::new);
    }
}
