package dev.participation.host.internal.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * GOV.UK Frontend's stylesheet and script (copied into this bundle from the WebJar at build time)
 * and the host's own small files, read once at start-up and kept in memory; the stylesheet is
 * stripped of the GOV.UK typeface when it is first asked for.
 */
@Component(service = GovukAssets.class)
public final class GovukAssets {

    private static final String CSS = "text/css;charset=UTF-8";
    private static final String JS = "text/javascript;charset=UTF-8";

    // The @font-face rules load the GOV.UK Transport typeface, which is licensed for GOV.UK
    // services only; a council's portal must not use or serve it.
    private static final Pattern FONT_FACE = Pattern.compile("@font-face\\s*\\{[^}]*\\}");
    // The typeface's copyright comment and the source map link (the map is not shipped).
    private static final Pattern COMMENTS = Pattern.compile("/\\*(?:[^*]|\\*(?!/))*(?:Transport|Calvert|sourceMappingURL)(?:[^*]|\\*(?!/))*\\*/");
    private static final Pattern FAMILY_FIRST = Pattern.compile("(?:\"GDS Transport\"|'GDS Transport'|GDS Transport)\\s*,\\s*");
    private static final Pattern FAMILY_ALONE = Pattern.compile("\"GDS Transport\"|'GDS Transport'|GDS Transport");

    // Everything that decides what withoutTransport makes of the stylesheet. It goes into the
    // stylesheet's version with the file itself, so the URL changes when the file or the
    // transformation does, without transforming the file to find out.
    private static final String TRANSFORMATION = String.join("\n", FONT_FACE.pattern(), COMMENTS.pattern(),
            FAMILY_FIRST.pattern(), FAMILY_ALONE.pattern(), "arial, sans-serif");
    private static final String GOVUK_CSS = "govuk/govuk-frontend.min.css";

    private final Map<String, Asset> assets;
    private final String govukCss;
    private final String govukCssVersion;
    // Made on the first request for it, not at start-up: the regexes over the 130 kB file cost
    // more than the rest of the host's activation, and the first page needs only its URL.
    private volatile Asset govukStylesheet;

    @Activate
    public GovukAssets() {
        String version = read("dev/participation/host/govuk/version.txt").trim();
        String dist = "META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/";
        this.govukCss = read(dist + "govuk-frontend.min.css");
        this.govukCssVersion = version(TRANSFORMATION + "\n" + govukCss);
        this.assets = Map.of(
                "govuk/govuk-frontend.min.js", asset(read(dist + "govuk-frontend.min.js"), JS),
                "host/init.js", asset(read("dev/participation/host/assets/init.js"), JS),
                "host/host.css", asset(read("dev/participation/host/assets/host.css"), CSS));
    }

    /** GOV.UK Frontend's stylesheet without the GOV.UK typeface: arial in its place. */
    static String withoutTransport(String css) {
        String out = FONT_FACE.matcher(css).replaceAll("");
        out = COMMENTS.matcher(out).replaceAll("");
        out = FAMILY_FIRST.matcher(out).replaceAll("");
        return FAMILY_ALONE.matcher(out).replaceAll("arial, sans-serif");
    }

    /** A file under {@code /assets/}, by its path below that: {@code govuk/govuk-frontend.min.css}. */
    public Optional<Asset> find(String path) {
        return GOVUK_CSS.equals(path) ? Optional.of(govukStylesheet()) : Optional.ofNullable(assets.get(path));
    }

    private Asset govukStylesheet() {
        Asset made = govukStylesheet;
        if (made == null) {
            // Two first requests at once may both transform the file; both get the same bytes.
            made = new Asset(withoutTransport(govukCss).getBytes(StandardCharsets.UTF_8), CSS, govukCssVersion);
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
        return new Asset(text.getBytes(StandardCharsets.UTF_8), type, version(text));
    }

    private static String version(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = GovukAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing from the host bundle: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
