package dev.participation.portlet.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import java.util.function.Function;

import javax.portlet.ResourceRequest;
import javax.portlet.ResourceResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** The static files a widget or staff page bundle ships under {@code /assets/}, as portlet resources. */
final class BundleAssets {

    private BundleAssets() {
    }

    /**
     * Files below {@code /assets/} of the bundle that registered the service. {@code getEntry}
     * reads that bundle's own content only, never its imports or fragments' class path.
     */
    static Function<String, URL> of(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        return path -> bundle == null ? null : bundle.getEntry("/assets/" + path);
    }

    /** Serves the file the resource ID names, if {@link AssetPaths} allows it, and nothing else. */
    static void serve(ResourceRequest request, ResourceResponse response, Function<String, URL> assets)
            throws IOException {
        String path = request.getResourceID();
        Optional<String> contentType = AssetPaths.contentType(path);
        URL file = contentType.isPresent() ? assets.apply(path) : null;
        if (file == null) {
            response.setStatus(404);
            return;
        }
        response.setContentType(contentType.get());
        // Assets are versioned with their bundle; an hour keeps pages fast without pinning an old
        // file for long after an upgrade.
        response.getCacheControl().setPublicScope(true);
        response.getCacheControl().setExpirationTime(3600);
        try (InputStream in = file.openStream()) {
            in.transferTo(response.getPortletOutputStream());
        }
    }
}
