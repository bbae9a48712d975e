package dev.participation.host.internal.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class GovukAssetsTest {

    private final GovukAssets assets = new GovukAssets();

    @Test
    void theStylesheetServedHasNoGovukTypeface() {
        String css = new String(assets.find("govuk/govuk-frontend.min.css").orElseThrow().content(), StandardCharsets.UTF_8);

        assertFalse(css.contains("GDS Transport"), "the GOV.UK typeface is named");
        assertFalse(css.contains("@font-face"), "a font is loaded");
        assertTrue(css.contains("font-family:arial,sans-serif"), "arial replaces it");
        assertTrue(css.contains(".govuk-button"), "GOV.UK Frontend's rules are gone too");
    }

    @Test
    void theStylesheetsUrlCarriesTheVersionOfWhatIsServed() {
        Asset served = assets.find("govuk/govuk-frontend.min.css").orElseThrow();

        assertEquals("/assets/govuk/govuk-frontend.min.css?v=" + served.version(), assets.stylesheet());
        assertEquals(served.contentType(), "text/css;charset=UTF-8");
    }

    @Test
    void theStylesheetsUrlIsTheSameAfterARestart() {
        String beforeAnyRequest = new GovukAssets().stylesheet();
        GovukAssets restarted = new GovukAssets();
        restarted.find("govuk/govuk-frontend.min.css");

        assertEquals(beforeAnyRequest, restarted.stylesheet());
    }

    @Test
    void theStylesheetIsTransformedOnce() {
        assertTrue(assets.find("govuk/govuk-frontend.min.css").orElseThrow()
                == assets.find("govuk/govuk-frontend.min.css").orElseThrow());
    }

    @Test
    void theHostsOwnFilesAndTheScriptAreServedUnderTheirVersions() {
        assertEquals("/assets/host/init.js?v=" + assets.find("host/init.js").orElseThrow().version(), assets.script());
        assertEquals("/assets/host/host.css?v=" + assets.find("host/host.css").orElseThrow().version(),
                assets.hostStylesheet());
        assertTrue(assets.find("govuk/govuk-frontend.min.js").isPresent());
        assertTrue(assets.find("govuk/unknown.css").isEmpty());
    }
}
