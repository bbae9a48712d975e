package dev.participation.groups.internal.editing;

import static dev.participation.groups.GroupExamples.forum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import dev.participation.api.account.Account;
import dev.participation.api.account.Accounts;
import dev.participation.groups.api.Group;
import dev.participation.groups.api.GroupChanged;
import dev.participation.groups.api.Groups;
import dev.participation.testing.FakeStaffRequest;
import dev.participation.testing.People;
import dev.participation.testing.StaffPosts;
import dev.participation.testing.browser.BrowserHost;
import dev.participation.testing.browser.Chromium;

/**
 * The editors' pages in Chromium with the GOV.UK Frontend styles, each inside a minimal page as a
 * host draws one: axe-core finds no WCAG 2.2 A/AA violation on the list, the empty and the refused
 * form and the conflict screen; the form reflows at 320 px; the error summary's links reach their
 * fields by keyboard. Without Chromium the test is skipped with a note, except in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupEditingPagesInBrowserTest {

    @TempDir
    static Path dir;

    private BrowserHost host;
    private WebDriver browser;
    private GroupEditingPage page;
    private StaffPosts posts;
    private Group group;

    @BeforeAll
    void start() throws IOException {
        host = BrowserHost.start(dir, "Groups");
        browser = host.browser();

        Groups groups = mock(Groups.class);
        group = new Group(7, "youth-forum", 2, forum("Youth Forum"), Instant.parse("2026-03-01T10:00:00Z"), "edith");
        Group other = new Group(8, "youth-cabinet", 1, forum("Youth Cabinet"), Instant.parse("2026-03-01T10:00:00Z"),
                "edith");
        when(groups.all()).thenReturn(List.of(other, group));
        when(groups.group(7)).thenReturn(Optional.of(group));
        Group theirs = new Group(7, "youth-forum", 3, forum("Youth Forum (renamed)"),
                Instant.parse("2026-03-02T09:30:00Z"), "edith");
        when(groups.update(anyLong(), anyInt(), any(), anyString())).thenThrow(new GroupChanged(theirs));
        Accounts accounts = mock(Accounts.class);
        when(accounts.all()).thenReturn(List.of(new Account(People.EDITOR, true, false, 1)));
        when(accounts.find("edith")).thenReturn(Optional.of(People.EDITOR));
        page = new GroupEditingPage(groups, Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC),
                accounts);
        posts = StaffPosts.of(page, List.of(new GroupEditingPage.Save(page)));
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private void showRefused(String path, Map<String, List<String>> form) {
        host.showRefused(posts.post(new GroupEditingPageTest.Posted(
                FakeStaffRequest.to(GroupEditingPage.KEY, path, People.EDITOR), form)));
    }

    @Test
    void theListAndTheFormsHaveNoViolations() {
        host.show(page, "", People.EDITOR);
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSize(2);
        host.assertAccessible("The list of groups");

        host.show(page, "new", People.EDITOR);
        host.assertAccessible("The empty form");

        host.show(page, "7", People.EDITOR);
        host.assertAccessible("A group's form");
    }

    @Test
    void aRefusedFormHasNoViolationsReflowsAndItsSummaryLeadsToTheFields() {
        Map<String, List<String>> bad = GroupEditingPageTest.with(GroupEditingPageTest.with(
                GroupEditingPageTest.with(GroupEditingPageTest.with(GroupEditingPageTest.complete(), "name", ""),
                        "whoFor.youngest", "-1"), "whoFor.eligibility"), "manager", "edith");
        showRefused("new", bad);

        assertThat(browser.findElements(By.cssSelector(".govuk-error-summary a"))).hasSizeGreaterThan(2);
        host.assertAccessible("The form with errors");

        // The first link of the summary, followed by keyboard, lands on the name box.
        Chromium.followFirstErrorLink(browser);
        assertThat(Chromium.run(browser, "return location.hash")).isEqualTo("#name");
        host.assertReflowsAtPhoneWidth("The form with errors");
    }

    @Test
    void theConflictScreenHasNoViolations() {
        showRefused("7", GroupEditingPageTest.with(GroupEditingPageTest.with(GroupEditingPageTest.complete(),
                "version", "2"), "manager", "edith"));

        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Someone else changed this group");
        host.assertAccessible("The conflict screen");
    }
}
