package dev.participation.host.internal.assets;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import dev.participation.kit.govuk.Fingerprint;
import dev.participation.kit.govuk.GovukFrontend;
import dev.participation.kit.text.PackagedText;

/**
 * GOV.UK Frontend's stylesheet and script (from the kit, which copies them out of the WebJar at
 * build time) and the host's own small files, read once at start-up and kept in memory; the stylesheet is
 * stripped of the GOV.UK typeface when it is first asked for.
 */
@Component(service = GovukAssets.class)
public final class GovukAssets {

    private static final String CSS = "text/css;charset=UTF-8";
    private static final String JS = "text/javascript;charset=UTF-8";

    private static final String GOVUK_CSS = "govuk/govuk-frontend.min.css";

    private final Map<String, Asset> assets;
    private final String govukCss;
    private final String govukCssVersion;
    // Made on the first request for it, not at start-up: the regexes over the 130 kB file cost
    // more than the rest of the host's activation, and the first page needs only its URL.
    private volatile Asset govukStylesheet;

    @Activate
    public GovukAssets() {
        GovukFrontend govuk = GovukFrontend.load();
        this.govukCss = govuk.stylesheet();
        this.govukCssVersion = Fingerprint.of(GovukFrontend.TRANSFORMATION + "\n" + govukCss);
        this.assets = Map.of(
                "govuk/govuk-frontend.min.js", asset(govuk.script(), JS),
                "host/init.js", asset(read("dev/participation/host/assets/init.js"), JS),
                "host/host.css", asset(read("dev/participation/host/assets/host.css"), CSS));
    }

    /** A file under {@code /assets/}, by its path below that: {@code govuk/govuk-frontend.min.css}. */
    public Optional<Asset> find(String path) {
        return GOVUK_CSS.equals(path) ? Optional.of(govukStylesheet()) : Optional.ofNullable(assets.get(path));
    }

    private Asset govukStylesheet() {
        Asset made = govukStylesheet;
        if (made == null) {
            // Two first requests at once may both transform the file; both get the same bytes.
            made = new Asset(GovukFrontend.withoutTransport(govukCss).getBytes(StandardCharsets.UTF_8), CSS, govukCssVersion);
            govukStylesheet = made;
        }
        return made;
    }

    public String stylesheet() {
        return "/assets/" + GOVUK_CSS + "?v=" + govukCssVersion;
    }

    public String hostStylesheet() {
        return url("host/host.css");
    }

    public String script() {
        return url("host/init.js");
    }

    private String url(String path) {
        return "/assets/" + path + "?v=" + assets.get(path).version();
    }

    private static Asset asset(String text, String type) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        return new Asset(content, type, Fingerprint.of(content));
    }

    private static String read(String resource) {
        return PackagedText.read(GovukAssets.class, resource);
    }
}
