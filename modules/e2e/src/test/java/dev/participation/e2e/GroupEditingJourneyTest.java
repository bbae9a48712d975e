package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.participation.testing.browser.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An editor keeps the group directory right, in Chromium against the running jar: the editors'
 * list on the intranet, a new group refused with every problem beside its field and in the
 * summary (and nothing typed lost), then added and found by a visitor in the directory. axe-core
 * checks each of the editors' pages as the portal draws them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupEditingJourneyTest {

    private Portal portal;
    private WebDriver editor;
    private WebDriver visitor;
    private String adminPassword;

    @BeforeAll
    void start() throws Exception {
        Path dir = Path.of(System.getProperty("portal.workdir"), "group-editing-" + System.nanoTime());
        editor = Chromium.start(Files.createDirectories(dir.resolve("editor-profile")));
        visitor = Chromium.start(Files.createDirectories(dir.resolve("visitor-profile")));
        portal = Portal.start(dir.resolve("portal"));
        adminPassword = portal.replaceAdminPassword();
    }

    @AfterAll
    void stop() {
        Chromium.quit(editor, visitor);
        if (portal != null) {
            portal.close();
        }
    }

    private WebElement field(String name) {
        return editor.findElement(By.cssSelector("main [name$='" + name + "']:not([type=radio]):not([type=checkbox])"));
    }

    private void submit(String label) {
        WebElement button = editor.findElement(By.xpath("//main//button[normalize-space()='" + label + "']"));
        button.click();
        Chromium.awaitNextPage(editor, button);
    }

    @Test
    void anEditorAddsAGroupAfterCorrectingItAndAVisitorFindsIt() {
        Chromium.signIn(editor, portal.base(), "admin", adminPassword);

        // The demo's groups are installed just after start-up.
        new WebDriverWait(editor, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(300)).until(d -> {
            d.get(portal.base() + "/intranet/groups/");
            return !d.findElements(By.linkText("Youth Cabinet")).isEmpty();
        });
        Chromium.assertAccessible(editor, "The editors' list of groups");

        editor.findElement(By.linkText("Add a group")).click();
        Chromium.assertAccessible(editor, "The form for a new group");
        field("name").sendKeys("Climate Action Crew");
        field("whoFor.youngest").sendKeys("eleven");
        submit("Add the group");

        WebElement summary = editor.findElement(By.className("govuk-error-summary"));
        List<String> problems = summary.findElements(By.tagName("a")).stream().map(a -> a.getAttribute("hash")).toList();
        assertThat(problems).anyMatch(h -> h.endsWith("summary")).anyMatch(h -> h.endsWith("whoFor.youngest"))
                .noneMatch(h -> h.endsWith("name"));
        assertThat(summary.getText()).contains("Enter the age as a whole number of years, like 11");
        assertThat(field("name").getAttribute("value")).isEqualTo("Climate Action Crew");
        assertThat(field("whoFor.youngest").getAttribute("value")).isEqualTo("eleven");
        Chromium.assertAccessible(editor, "The form for a new group with its problems");

        field("whoFor.youngest").clear();
        field("whoFor.youngest").sendKeys("11");
        field("whoFor.oldest").sendKeys("18");
        field("summary").sendKeys("Young people who want the borough to act on climate change.");
        editor.findElement(By.cssSelector("main input[type=checkbox][value='open-to-all']")).click();
        editor.findElement(By.cssSelector("main input[type=radio][value='online']")).click();
        editor.findElement(By.cssSelector("main input[type=radio][value='open']")).click();
        new Select(editor.findElement(By.cssSelector("main select[name$='manager']"))).selectByVisibleText("Administrator (admin)");
        submit("Add the group");

        assertThat(editor.findElements(By.className("govuk-error-summary"))).extracting(WebElement::getText).isEmpty();
        assertThat(editor.findElement(By.tagName("main")).getText()).contains("Climate Action Crew was saved");
        Chromium.assertAccessible(editor, "The editors' list after adding a group");

        visitor.get(portal.base() + "/groups");
        WebElement words = visitor.findElement(By.cssSelector("main input[name$='_q'], main input[name='q']"));
        words.sendKeys("climate" + Keys.ENTER);
        new WebDriverWait(visitor, Duration.ofSeconds(10)).until(d -> !d.findElements(
                By.linkText("Climate Action Crew")).isEmpty());
        assertThat(visitor.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("1 group found");
    }
}
