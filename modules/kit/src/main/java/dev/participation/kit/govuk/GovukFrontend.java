package dev.participation.kit.govuk;

import java.util.regex.Pattern;

import dev.participation.kit.text.PackagedText;

/**
 * GOV.UK Frontend's stylesheet and script as this bundle ships them (copied from the WebJar at
 * build time), and the one change every host makes to the stylesheet: no GOV.UK typeface.
 */
public final class GovukFrontend {

    // The @font-face rules load the GOV.UK Transport typeface, which is licensed for GOV.UK
    // services only; a council's portal must not use or serve it.
    private static final Pattern FONT_FACE = Pattern.compile("@font-face\\s*\\{[^}]*\\}");
    // The typeface's copyright comment and the source map link (the map is not shipped).
    private static final Pattern COMMENTS = Pattern.compile("/\\*(?:[^*]|\\*(?!/))*(?:Transport|Calvert|sourceMappingURL)(?:[^*]|\\*(?!/))*\\*/");
    private static final Pattern FAMILY_FIRST = Pattern.compile("(?:\"GDS Transport\"|'GDS Transport'|GDS Transport)\\s*,\\s*");
    private static final Pattern FAMILY_ALONE = Pattern.compile("\"GDS Transport\"|'GDS Transport'|GDS Transport");
    private static final String ARIAL = "arial, sans-serif";

    /**
     * Everything that decides what {@link #withoutTransport} makes of a stylesheet. A host that
     * versions its URLs by content hashes this with the file, so the URL changes when the file or
     * the transformation does, without transforming the file to find out.
     */
    public static final String TRANSFORMATION = String.join("\n", FONT_FACE.pattern(), COMMENTS.pattern(),
            FAMILY_FIRST.pattern(), FAMILY_ALONE.pattern(), ARIAL);

    private final String version;
    private final String stylesheet;
    private final String script;

    private GovukFrontend(String version, String stylesheet, String script) {
        this.version = version;
        this.stylesheet = stylesheet;
        this.script = script;
    }

    /** Reads both files from this bundle; a build that left them out fails here, at start-up. */
    public static GovukFrontend load() {
        String version = read("dev/participation/kit/govuk/version.txt").trim();
        String dist = "META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/";
        return new GovukFrontend(version, read(dist + "govuk-frontend.min.css"), read(dist + "govuk-frontend.min.js"));
    }

    /** The govuk-frontend release, such as {@code 5.13.0}. */
    public String version() {
        return version;
    }

    /** The stylesheet as published, typeface included: hosts serve {@link #withoutTransport} of it. */
    public String stylesheet() {
        return stylesheet;
    }

    /** The ES module that exports {@code initAll} and the components. */
    public String script() {
        return script;
    }

    /** A GOV.UK Frontend stylesheet without the GOV.UK typeface: arial in its place. */
    public static String withoutTransport(String css) {
        String out = FONT_FACE.matcher(css).replaceAll("");
        out = COMMENTS.matcher(out).replaceAll("");
        out = FAMILY_FIRST.matcher(out).replaceAll("");
        return FAMILY_ALONE.matcher(out).replaceAll(ARIAL);
    }

    private static String read(String resource) {
        return PackagedText.read(GovukFrontend.class, resource);
    }
}
